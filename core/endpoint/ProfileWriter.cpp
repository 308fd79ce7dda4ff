#include "ProfileWriter.h"

#include "JsonFieldWriter.h"
#include "Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using JsonFieldWriter::put;
using JsonFieldWriter::putSection;

namespace {

QJsonObject writeEndpoint(const Endpoint &endpoint, const ProfileDefaults &defaults)
{
    QJsonObject object = endpoint.source;
    // Always written: an id derived from the target only lasts until the target is edited. (An
    // endpoint made in code without one gets one derived when the file is read back.)
    if (!endpoint.id.isEmpty())
        object.insert(QStringLiteral("id"), endpoint.id);
    put(object, QStringLiteral("name"), endpoint.name, QString());
    object.insert(QStringLiteral("target"), endpoint.probe.target.toString());
    put(object, QStringLiteral("enabled"), endpoint.enabled, true);
    ProfileDefaults::of(endpoint).write(object, defaults);
    if (!endpoint.tags.isEmpty() || object.contains(QStringLiteral("tags")))
        object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(endpoint.tags));
    const ProbeSpec &probe = endpoint.probe;
    putSection(object, QStringLiteral("http"),
               probe.http.write(endpoint.source.value(QStringLiteral("http")).toObject()));
    putSection(object, QStringLiteral("icmp"),
               probe.icmp.write(endpoint.source.value(QStringLiteral("icmp")).toObject()));
    putSection(object, QStringLiteral("dns"), probe.dns.write(endpoint.source.value(QStringLiteral("dns")).toObject()));
    return object;
}

} // namespace

QByteArray ProfileWriter::toJson(const Profile &profile)
{
    QJsonObject root = profile.source;
    root.insert(QStringLiteral("pingscope_profile"), Profile::formatVersion);
    put(root, QStringLiteral("name"), profile.name, QString());

    QJsonObject defaults = root.value(QStringLiteral("defaults")).toObject();
    profile.defaults.write(defaults, ProfileDefaults{});
    putSection(root, QStringLiteral("defaults"), defaults);

    putSection(root, QStringLiteral("alerts"), profile.alerts.write());

    QJsonArray endpoints;
    for (const Endpoint &endpoint : profile.endpoints)
        endpoints.append(writeEndpoint(endpoint, profile.defaults));
    root.insert(QStringLiteral("endpoints"), endpoints);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ProfileWriter::toFile(const Profile &profile, const QString &path, QString *error)
{
    QSaveFile file(path);
    const QByteArray json = toJson(profile);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        qCWarning(lcProfile) << path << "could not be saved:" << file.errorString();
        if (error)
            *error = QStringLiteral("%1: could not be saved: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
