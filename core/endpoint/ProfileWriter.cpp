#include "ProfileWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

// Sets key to value when the source had the key or the value differs from what a reader would assume.
template<typename T> void put(QJsonObject &object, const QString &key, const T &value, const T &implied)
{
    if (object.contains(key) || value != implied)
        object.insert(key, QJsonValue(value));
}

QString ipFamilyJson(IpFamily family)
{
    return ipFamilyName(family);
}

template<typename Settings>
void writeInheritable(QJsonObject &object, const Settings &settings, const ProfileDefaults &implied)
{
    put(object, QStringLiteral("interval_s"), settings.intervalS, implied.intervalS);
    put(object, QStringLiteral("timeout_ms"), settings.timeoutMs, implied.timeoutMs);
    put(object, QStringLiteral("failure_threshold"), settings.failureThreshold, implied.failureThreshold);
    put(object, QStringLiteral("cert_warning_days"), settings.certWarningDays, implied.certWarningDays);
    put(object, QStringLiteral("ip_family"), ipFamilyJson(settings.ipFamily), ipFamilyJson(implied.ipFamily));
    const auto putOptional = [&object](const QString &key, const auto &value, const auto &impliedValue) {
        if (!value)
            object.remove(key);
        else if (object.contains(key) || value != impliedValue)
            object.insert(key, QJsonValue(*value));
    };
    putOptional(QStringLiteral("down_interval_s"), settings.downIntervalS, implied.downIntervalS);
    putOptional(QStringLiteral("degraded_ms"), settings.degradedMs, implied.degradedMs);
}

QJsonObject writeHttp(const HttpOptions &http, QJsonObject object)
{
    const HttpOptions implied;
    put(object, QStringLiteral("method"), QString::fromLatin1(http.method), QString::fromLatin1(implied.method));
    QJsonObject headers;
    for (const auto &[name, value] : http.headers)
        headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    if (!headers.isEmpty() || object.contains(QStringLiteral("headers")))
        object.insert(QStringLiteral("headers"), headers);
    put(object, QStringLiteral("body"), QString::fromUtf8(http.body), QString());
    put(object, QStringLiteral("expect_status"), http.expectStatus.toString(), implied.expectStatus.toString());
    put(object, QStringLiteral("expect_body"), http.expectBody, implied.expectBody);
    put(object, QStringLiteral("expect_body_regex"), http.expectBodyRegex, implied.expectBodyRegex);
    put(object, QStringLiteral("reject_body"), http.rejectBody, implied.rejectBody);
    put(object, QStringLiteral("max_redirects"), http.maxRedirects, implied.maxRedirects);
    put(object, QStringLiteral("verify_tls"), http.verifyTls, implied.verifyTls);
    put(object, QStringLiteral("ca_file"), http.caFile, implied.caFile);
    put(object, QStringLiteral("max_body_bytes"), double(http.maxBodyBytes), double(implied.maxBodyBytes));
    put(object, QStringLiteral("reuse_connection"), http.reuseConnection, implied.reuseConnection);
    return object;
}

QJsonObject writeIcmp(const IcmpOptions &icmp, QJsonObject object)
{
    const IcmpOptions implied;
    put(object, QStringLiteral("count"), icmp.count, implied.count);
    put(object, QStringLiteral("interval_ms"), icmp.spacingMs, implied.spacingMs);
    put(object, QStringLiteral("payload_bytes"), icmp.payloadBytes, implied.payloadBytes);
    return object;
}

QJsonObject writeDns(const DnsOptions &dns, QJsonObject object)
{
    put(object, QStringLiteral("expect"), dns.expect, QString());
    return object;
}

// An options object is written when it says anything, or when the source had one.
void putSection(QJsonObject &endpoint, const QString &key, const QJsonObject &section)
{
    if (!section.isEmpty() || endpoint.contains(key))
        endpoint.insert(key, section);
}

QJsonObject writeEndpoint(const Endpoint &endpoint, const ProfileDefaults &defaults)
{
    QJsonObject object = endpoint.source;
    put(object, QStringLiteral("name"), endpoint.name, QString());
    object.insert(QStringLiteral("target"), endpoint.target.toString());
    put(object, QStringLiteral("enabled"), endpoint.enabled, true);
    writeInheritable(object, endpoint, defaults);
    if (!endpoint.tags.isEmpty() || object.contains(QStringLiteral("tags")))
        object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(endpoint.tags));
    const QJsonObject source = endpoint.source;
    putSection(object, QStringLiteral("http"),
               writeHttp(endpoint.http, source.value(QStringLiteral("http")).toObject()));
    putSection(object, QStringLiteral("icmp"),
               writeIcmp(endpoint.icmp, source.value(QStringLiteral("icmp")).toObject()));
    putSection(object, QStringLiteral("dns"), writeDns(endpoint.dns, source.value(QStringLiteral("dns")).toObject()));
    return object;
}

} // namespace

QByteArray ProfileWriter::toJson(const Profile &profile)
{
    QJsonObject root = profile.source;
    root.insert(QStringLiteral("pingscope_profile"), Profile::formatVersion);
    put(root, QStringLiteral("name"), profile.name, QString());

    QJsonObject defaults = root.value(QStringLiteral("defaults")).toObject();
    writeInheritable(defaults, profile.defaults, ProfileDefaults{});
    putSection(root, QStringLiteral("defaults"), defaults);

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
        if (error)
            *error = QStringLiteral("%1: could not be saved: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
