#include "ProfileReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace {

constexpr double minimumIntervalS = 0.5;
constexpr int maximumTimeoutMs = 10 * 60 * 1000;

// How a value looks in a problem message: strings quoted, containers named.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 10);
}

// Reads typed fields of one JSON object and records every problem with its JSON path.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString path, QStringList *problems, QStringList *unknownKeys)
        : m_object(object), m_path(std::move(path)), m_problems(problems), m_unknownKeys(unknownKeys)
    { }

    QString pathOf(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }

    void problem(const QString &key, const QString &what)
    {
        *m_problems << QStringLiteral("%1: %2 (got %3)").arg(pathOf(key), what, describe(m_object.value(key)));
    }

    bool has(const QString &key)
    {
        m_known << key;
        return m_object.contains(key);
    }

    void number(const QString &key, double min, double *out)
    {
        if (!has(key))
            return;
        const QJsonValue value = m_object.value(key);
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < min)
            return problem(key, QStringLiteral("must be a number ≥ %1").arg(formatNumber(min)));
        *out = value.toDouble();
    }

    void number(const QString &key, double min, std::optional<double> *out)
    {
        double value = 0;
        const qsizetype before = m_problems->size();
        if (!has(key))
            return;
        number(key, min, &value);
        if (m_problems->size() == before)
            *out = value;
    }

    void integer(const QString &key, int min, int max, int *out)
    {
        if (!has(key))
            return;
        const QJsonValue value = m_object.value(key);
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || number != std::floor(number) || number < min || number > max) {
            return problem(key,
                           max == std::numeric_limits<int>::max()
                               ? QStringLiteral("must be a whole number ≥ %1").arg(min)
                               : QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        }
        *out = static_cast<int>(number);
    }

    void integer(const QString &key, int min, int max, std::optional<int> *out)
    {
        int value = 0;
        const qsizetype before = m_problems->size();
        if (!has(key))
            return;
        integer(key, min, max, &value);
        if (m_problems->size() == before)
            *out = value;
    }

    void integer64(const QString &key, qint64 min, qint64 *out)
    {
        if (!has(key))
            return;
        const QJsonValue value = m_object.value(key);
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || number != std::floor(number) || number < double(min) || number > 9.0e15)
            return problem(key, QStringLiteral("must be a whole number ≥ %1").arg(min));
        *out = static_cast<qint64>(number);
    }

    void boolean(const QString &key, bool *out)
    {
        if (!has(key))
            return;
        const QJsonValue value = m_object.value(key);
        if (!value.isBool())
            return problem(key, QStringLiteral("must be true or false"));
        *out = value.toBool();
    }

    bool string(const QString &key, QString *out)
    {
        if (!has(key))
            return false;
        const QJsonValue value = m_object.value(key);
        if (!value.isString()) {
            problem(key, QStringLiteral("must be a string"));
            return false;
        }
        *out = value.toString();
        return true;
    }

    void stringList(const QString &key, QStringList *out)
    {
        if (!has(key))
            return;
        const QJsonValue value = m_object.value(key);
        QStringList list;
        bool ok = value.isArray();
        for (const QJsonValue &item : value.toArray()) {
            ok = ok && item.isString();
            list << item.toString();
        }
        if (!ok)
            return problem(key, QStringLiteral("must be a list of strings"));
        *out = list;
    }

    std::optional<QJsonObject> object(const QString &key)
    {
        if (!has(key))
            return std::nullopt;
        const QJsonValue value = m_object.value(key);
        if (!value.isObject()) {
            problem(key, QStringLiteral("must be an object"));
            return std::nullopt;
        }
        return value.toObject();
    }

    void ipFamily(const QString &key, IpFamily *out)
    {
        if (!has(key))
            return;
        const QJsonValue value = m_object.value(key);
        const QString text = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
        const auto family = ipFamilyFromName(text);
        if (!family)
            return problem(key, QStringLiteral("must be \"any\", 4 or 6"));
        *out = *family;
    }

    // Call last: every key no reader asked for is reported as unknown (and kept by the caller).
    void collectUnknownKeys() const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key()))
                *m_unknownKeys << pathOf(it.key());
        }
    }

private:
    QJsonObject m_object;
    QString m_path;
    QStringList *m_problems;
    QStringList *m_unknownKeys;
    QStringList m_known;
};

// Keys a profile's "defaults" and each endpoint share: an endpoint's own value overrides the default.
template<typename Settings> void readInheritable(FieldReader &reader, Settings *out)
{
    reader.number(QStringLiteral("interval_s"), minimumIntervalS, &out->intervalS);
    reader.number(QStringLiteral("down_interval_s"), minimumIntervalS, &out->downIntervalS);
    reader.integer(QStringLiteral("timeout_ms"), 1, maximumTimeoutMs, &out->timeoutMs);
    reader.integer(QStringLiteral("failure_threshold"), 1, 1000, &out->failureThreshold);
    reader.integer(QStringLiteral("degraded_ms"), 1, maximumTimeoutMs, &out->degradedMs);
    reader.integer(QStringLiteral("cert_warning_days"), 0, 3650, &out->certWarningDays);
    reader.ipFamily(QStringLiteral("ip_family"), &out->ipFamily);
}

void readHttp(FieldReader &reader, const QJsonObject &object, HttpOptions *http, QStringList *problems,
              QStringList *unknownKeys)
{
    FieldReader fields(object, reader.pathOf(QStringLiteral("http")), problems, unknownKeys);
    QString method;
    if (fields.string(QStringLiteral("method"), &method)) {
        static const QRegularExpression token(QStringLiteral("^[A-Za-z]{1,20}$"));
        if (token.match(method).hasMatch())
            http->method = method.toUpper().toLatin1();
        else
            fields.problem(QStringLiteral("method"), QStringLiteral("must be an HTTP method such as GET or POST"));
    }
    if (const auto headers = fields.object(QStringLiteral("headers"))) {
        static const QRegularExpression headerName(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
        for (auto it = headers->begin(); it != headers->end(); ++it) {
            const QString path = fields.pathOf(QStringLiteral("headers.")) + it.key();
            if (!headerName.match(it.key()).hasMatch())
                *problems << QStringLiteral("%1: is not a valid header name").arg(path);
            else if (!it.value().isString() || it.value().toString().contains(QLatin1Char('\n'))
                     || it.value().toString().contains(QLatin1Char('\r')))
                *problems << QStringLiteral("%1: must be a one-line string (got %2)").arg(path, describe(it.value()));
            else
                http->headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
        }
    }
    QString body;
    if (fields.string(QStringLiteral("body"), &body))
        http->body = body.toUtf8();
    if (fields.has(QStringLiteral("expect_status"))) {
        const QJsonValue value = object.value(QStringLiteral("expect_status"));
        const QString text = value.isDouble() ? QString::number(value.toInt()) : value.toString();
        QString error;
        if (const auto set = StatusCodeSet::parse(text, &error))
            http->expectStatus = *set;
        else
            fields.problem(QStringLiteral("expect_status"), error);
    }
    fields.string(QStringLiteral("expect_body"), &http->expectBody);
    if (fields.string(QStringLiteral("expect_body_regex"), &http->expectBodyRegex)) {
        const QRegularExpression regex(http->expectBodyRegex);
        if (!regex.isValid())
            fields.problem(QStringLiteral("expect_body_regex"),
                           QStringLiteral("is not a valid regular expression: %1").arg(regex.errorString()));
    }
    fields.string(QStringLiteral("reject_body"), &http->rejectBody);
    fields.integer(QStringLiteral("max_redirects"), 0, 50, &http->maxRedirects);
    fields.boolean(QStringLiteral("verify_tls"), &http->verifyTls);
    fields.string(QStringLiteral("ca_file"), &http->caFile);
    fields.integer64(QStringLiteral("max_body_bytes"), 0, &http->maxBodyBytes);
    fields.boolean(QStringLiteral("reuse_connection"), &http->reuseConnection);
    fields.collectUnknownKeys();
}

void readIcmp(FieldReader &reader, const QJsonObject &object, IcmpOptions *icmp, QStringList *problems,
              QStringList *unknownKeys)
{
    FieldReader fields(object, reader.pathOf(QStringLiteral("icmp")), problems, unknownKeys);
    fields.integer(QStringLiteral("count"), 1, 100, &icmp->count);
    fields.integer(QStringLiteral("interval_ms"), 10, 10000, &icmp->spacingMs);
    fields.integer(QStringLiteral("payload_bytes"), 16, 1400, &icmp->payloadBytes);
    fields.collectUnknownKeys();
}

void readDns(FieldReader &reader, const QJsonObject &object, DnsOptions *dns, QStringList *problems,
             QStringList *unknownKeys)
{
    FieldReader fields(object, reader.pathOf(QStringLiteral("dns")), problems, unknownKeys);
    fields.string(QStringLiteral("expect"), &dns->expect);
    fields.collectUnknownKeys();
}

Endpoint readEndpoint(const Profile &profile, const QJsonObject &object, const QString &path, QStringList *problems,
                      QStringList *unknownKeys)
{
    Endpoint endpoint = profile.makeEndpoint();
    endpoint.source = object;
    FieldReader fields(object, path, problems, unknownKeys);
    fields.string(QStringLiteral("name"), &endpoint.name);
    QString targetText;
    if (!fields.has(QStringLiteral("target"))) {
        *problems
            << QStringLiteral("%1: is missing; every endpoint needs one").arg(fields.pathOf(QStringLiteral("target")));
    } else if (fields.string(QStringLiteral("target"), &targetText)) {
        QString error;
        if (const auto target = Target::parse(targetText, &error))
            endpoint.target = *target;
        else
            fields.problem(QStringLiteral("target"), error);
    }
    fields.boolean(QStringLiteral("enabled"), &endpoint.enabled);
    readInheritable(fields, &endpoint);
    fields.stringList(QStringLiteral("tags"), &endpoint.tags);

    const ProbeKind kind = endpoint.target.kind;
    const bool targetKnown = !endpoint.target.host.isEmpty();
    const auto checkKind = [&](const QString &key, ProbeKind wanted) {
        if (targetKnown && kind != wanted)
            fields.problem(key, QStringLiteral("only %1 targets take %2 options").arg(probeKindName(wanted), key));
    };
    if (const auto http = fields.object(QStringLiteral("http"))) {
        checkKind(QStringLiteral("http"), ProbeKind::Http);
        readHttp(fields, *http, &endpoint.http, problems, unknownKeys);
    }
    if (const auto icmp = fields.object(QStringLiteral("icmp"))) {
        checkKind(QStringLiteral("icmp"), ProbeKind::Icmp);
        readIcmp(fields, *icmp, &endpoint.icmp, problems, unknownKeys);
    }
    if (const auto dns = fields.object(QStringLiteral("dns"))) {
        checkKind(QStringLiteral("dns"), ProbeKind::Dns);
        readDns(fields, *dns, &endpoint.dns, problems, unknownKeys);
    }
    fields.collectUnknownKeys();
    return endpoint;
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
    FieldReader fields(root, QString(), &result.problems, &result.unknownKeys);

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
        FieldReader defaultFields(*defaults, QStringLiteral("defaults"), &result.problems, &result.unknownKeys);
        readInheritable(defaultFields, &profile.defaults);
        defaultFields.collectUnknownKeys();
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
                                       .arg(path, describe(endpoints.at(i)));
                continue;
            }
            profile.endpoints << readEndpoint(profile, endpoints.at(i).toObject(), path, &result.problems,
                                              &result.unknownKeys);
        }
    }
    fields.collectUnknownKeys();

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
    constexpr qint64 maximumSize = 64 * 1024 * 1024;
    if (file.size() > maximumSize) {
        ProfileReadResult result;
        result.problems
            << QStringLiteral("%1: is %2 MiB, larger than any profile could be").arg(path).arg(file.size() >> 20);
        return result;
    }
    return fromJson(file.readAll());
}
