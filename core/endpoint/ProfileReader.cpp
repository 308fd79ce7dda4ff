#include "ProfileReader.h"

#include "JsonFieldReader.h"
#include "Logging.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace {

Endpoint readEndpoint(const Profile &profile, const QJsonObject &object, const QString &path, QStringList *problems,
                      QStringList *unknownKeys)
{
    Endpoint endpoint; // its id is the file's own, or one derived from the target once all are read
    endpoint.source = object;
    JsonFieldReader fields(object, path, problems, unknownKeys);
    if (fields.string(QStringLiteral("id"), &endpoint.id) && !Endpoint::isValidId(endpoint.id))
        fields.problem(QStringLiteral("id"),
                       QStringLiteral("must be 1 to 64 letters, digits, dots, dashes or underscores"));
    fields.string(QStringLiteral("name"), &endpoint.name);
    QString targetText;
    if (!fields.has(QStringLiteral("target"))) {
        *problems
            << QStringLiteral("%1: is missing; every endpoint needs one").arg(fields.pathOf(QStringLiteral("target")));
    } else if (fields.string(QStringLiteral("target"), &targetText)) {
        QString error;
        if (const auto target = Target::parse(targetText, &error))
            endpoint.probe.target = *target;
        else
            fields.problem(QStringLiteral("target"), error);
    }
    fields.boolean(QStringLiteral("enabled"), &endpoint.enabled);
    ProfileDefaults inherited = profile.defaults;
    inherited.read(fields);
    inherited.applyTo(&endpoint);
    fields.stringList(QStringLiteral("tags"), &endpoint.tags);

    const ProbeKind kind = endpoint.probe.target.kind;
    const bool targetKnown = !endpoint.probe.target.host.isEmpty();
    const auto checkKind = [&](const QString &key, ProbeKind wanted) {
        if (targetKnown && kind != wanted)
            fields.problem(key, QStringLiteral("only %1 targets take %2 options").arg(probeKindName(wanted), key));
    };
    if (const auto http = fields.object(QStringLiteral("http"))) {
        checkKind(QStringLiteral("http"), ProbeKind::Http);
        JsonFieldReader section = fields.nested(QStringLiteral("http"), *http);
        endpoint.probe.http = HttpOptions::read(section);
    }
    if (const auto icmp = fields.object(QStringLiteral("icmp"))) {
        checkKind(QStringLiteral("icmp"), ProbeKind::Icmp);
        JsonFieldReader section = fields.nested(QStringLiteral("icmp"), *icmp);
        endpoint.probe.icmp = IcmpOptions::read(section);
    }
    if (const auto dns = fields.object(QStringLiteral("dns"))) {
        checkKind(QStringLiteral("dns"), ProbeKind::Dns);
        JsonFieldReader section = fields.nested(QStringLiteral("dns"), *dns);
        endpoint.probe.dns = DnsOptions::read(section);
    }
    fields.collectUnknownKeys();
    return endpoint;
}

// Every endpoint gets an id: its own, or one derived from its target. Two with the same id would
// share a history, so that is a problem.
void settleIds(QList<Endpoint> &endpoints, QStringList *problems)
{
    QHash<QString, qsizetype> owners;
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        if (!endpoints[i].id.isEmpty() && !owners.contains(endpoints[i].id))
            owners.insert(endpoints[i].id, i);
    }
    QHash<QString, int> occurrences;
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        Endpoint &endpoint = endpoints[i];
        if (endpoint.id.isEmpty()) {
            const QString text = endpoint.probe.target.toString();
            // Skips an id that an endpoint of the file already has.
            do
                endpoint.id = Endpoint::derivedId(endpoint.probe.target, occurrences[text]++);
            while (owners.contains(endpoint.id));
            owners.insert(endpoint.id, i);
        } else if (const qsizetype first = owners.value(endpoint.id); first != i) {
            *problems << QStringLiteral("endpoints[%1].id: \"%2\" is already the id of endpoints[%3]")
                             .arg(i)
                             .arg(endpoint.id)
                             .arg(first);
        }
    }
}

} // namespace

ProfileReadResult ProfileReader::fromJson(const QByteArray &json)
{
    ProfileReadResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report a line and column: an offset into the file is no help to a person.
        const QByteArray before = json.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        result.problems << QStringLiteral("line %1, column %2: not valid JSON: %3")
                               .arg(line)
                               .arg(column)
                               .arg(parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.problems << QStringLiteral(
            "the file must hold a JSON object with \"pingscope_profile\" and \"endpoints\"");
        return result;
    }

    const QJsonObject root = document.object();
    Profile profile;
    profile.source = root;
    JsonFieldReader fields(root, QString(), &result.problems, &result.unknownKeys);

    int version = 0;
    if (!fields.has(QStringLiteral("pingscope_profile")))
        result.problems << QStringLiteral("pingscope_profile: is missing; this does not look like a Pingscope profile");
    else
        fields.integer(QStringLiteral("pingscope_profile"), 1, std::numeric_limits<int>::max(), &version);
    if (version > Profile::formatVersion) {
        fields.problem(QStringLiteral("pingscope_profile"),
                       QStringLiteral("this profile needs a newer Pingscope (this one reads format %1)")
                           .arg(Profile::formatVersion));
    }
    fields.string(QStringLiteral("name"), &profile.name);
    if (const auto defaults = fields.object(QStringLiteral("defaults"))) {
        JsonFieldReader defaultFields = fields.nested(QStringLiteral("defaults"), *defaults);
        profile.defaults.read(defaultFields);
        defaultFields.collectUnknownKeys();
    }
    if (const auto alerts = fields.object(QStringLiteral("alerts"))) {
        JsonFieldReader alertFields = fields.nested(QStringLiteral("alerts"), *alerts);
        profile.alerts = AlertSettings::read(alertFields);
    }
    if (!fields.has(QStringLiteral("endpoints"))) {
        result.problems << QStringLiteral("endpoints: is missing; a profile lists its endpoints, even if none");
    } else if (!root.value(QStringLiteral("endpoints")).isArray()) {
        fields.problem(QStringLiteral("endpoints"), QStringLiteral("must be a list of endpoints"));
    } else {
        const QJsonArray endpoints = root.value(QStringLiteral("endpoints")).toArray();
        for (qsizetype i = 0; i < endpoints.size(); ++i) {
            const QString path = QStringLiteral("endpoints[%1]").arg(i);
            if (!endpoints.at(i).isObject()) {
                result.problems << QStringLiteral("%1: must be an object with a \"target\" (got %2)")
                                       .arg(path, JsonFieldReader::describe(endpoints.at(i)));
                continue;
            }
            profile.endpoints << readEndpoint(profile, endpoints.at(i).toObject(), path, &result.problems,
                                              &result.unknownKeys);
        }
    }
    fields.collectUnknownKeys();
    settleIds(profile.endpoints, &result.problems);

    qCDebug(lcProfile) << "read a profile of" << profile.endpoints.size() << "endpoints," << result.problems.size()
                       << "problems," << result.unknownKeys.size() << "unknown keys";
    if (result.problems.isEmpty())
        result.profile = std::move(profile);
    return result;
}

ProfileReadResult ProfileReader::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ProfileReadResult result;
        result.problems << QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
        return result;
    }
    // A profile is a small text file; refuse something that is plainly not one rather than read gigabytes.
    constexpr qint64 maximumSize = 64LL * 1024 * 1024;
    if (file.size() > maximumSize) {
        ProfileReadResult result;
        result.problems
            << QStringLiteral("%1: is %2 MiB, larger than any profile could be").arg(path).arg(file.size() >> 20);
        return result;
    }
    return fromJson(file.readAll());
}
