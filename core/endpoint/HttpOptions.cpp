#include "HttpOptions.h"

#include "JsonFieldReader.h"
#include "JsonFieldWriter.h"

#include <QRegularExpression>

using JsonFieldWriter::put;

bool HttpOptions::isMethod(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("\\A[A-Za-z]{1,20}\\z"));
    return token.match(text).hasMatch();
}

bool HttpOptions::isHeaderName(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("\\A[!#$%&'*+.^_`|~0-9A-Za-z-]+\\z"));
    return token.match(text).hasMatch();
}

QString HttpOptions::regexProblem(const QString &pattern)
{
    const QRegularExpression regex(pattern);
    return regex.isValid() ? QString() : regex.errorString();
}

HttpOptions HttpOptions::read(JsonFieldReader &fields)
{
    HttpOptions http;
    QString method;
    if (fields.string(QStringLiteral("method"), &method)) {
        if (isMethod(method))
            http.method = method.toUpper().toLatin1();
        else
            fields.problem(QStringLiteral("method"), QStringLiteral("must be an HTTP method such as GET or POST"));
    }
    if (const auto headers = fields.object(QStringLiteral("headers"))) {
        for (auto it = headers->begin(); it != headers->end(); ++it) {
            const QString path = fields.pathOf(QStringLiteral("headers.")) + it.key();
            const QString value = it.value().toString();
            if (!isHeaderName(it.key()))
                *fields.problems() << QStringLiteral("%1: is not a valid header name").arg(path);
            else if (!it.value().isString() || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
                *fields.problems() << QStringLiteral("%1: must be a one-line string (got %2)")
                                          .arg(path, JsonFieldReader::describe(it.value()));
            else
                http.headers.append({it.key().toLatin1(), value.toUtf8()});
        }
    }
    QString body;
    if (fields.string(QStringLiteral("body"), &body))
        http.body = body.toUtf8();
    if (fields.has(QStringLiteral("expect_status"))) {
        const QJsonValue value = fields.object().value(QStringLiteral("expect_status"));
        const QString text = value.isDouble() ? QString::number(value.toInt()) : value.toString();
        QString error;
        if (const auto set = StatusCodeSet::parse(text, &error))
            http.expectStatus = *set;
        else
            fields.problem(QStringLiteral("expect_status"), error);
    }
    fields.string(QStringLiteral("expect_body"), &http.expectBody);
    if (fields.string(QStringLiteral("expect_body_regex"), &http.expectBodyRegex)) {
        if (const QString problem = regexProblem(http.expectBodyRegex); !problem.isEmpty())
            fields.problem(QStringLiteral("expect_body_regex"),
                           QStringLiteral("is not a valid regular expression: %1").arg(problem));
    }
    fields.string(QStringLiteral("reject_body"), &http.rejectBody);
    fields.integer(maxRedirectsSetting, &http.maxRedirects);
    fields.boolean(QStringLiteral("verify_tls"), &http.verifyTls);
    fields.string(QStringLiteral("ca_file"), &http.caFile);
    fields.integer64(maxBodyBytesSetting, &http.maxBodyBytes);
    fields.boolean(QStringLiteral("reuse_connection"), &http.reuseConnection);
    fields.collectUnknownKeys();
    return http;
}

QJsonObject HttpOptions::write(QJsonObject object) const
{
    const HttpOptions implied;
    put(object, QStringLiteral("method"), QString::fromLatin1(method), QString::fromLatin1(implied.method));
    QJsonObject headerObject;
    for (const auto &[name, value] : headers)
        headerObject.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    if (!headerObject.isEmpty() || object.contains(QStringLiteral("headers")))
        object.insert(QStringLiteral("headers"), headerObject);
    put(object, QStringLiteral("body"), QString::fromUtf8(body), QString());
    put(object, QStringLiteral("expect_status"), expectStatus.toString(), implied.expectStatus.toString());
    put(object, QStringLiteral("expect_body"), expectBody, implied.expectBody);
    put(object, QStringLiteral("expect_body_regex"), expectBodyRegex, implied.expectBodyRegex);
    put(object, QStringLiteral("reject_body"), rejectBody, implied.rejectBody);
    put(object, maxRedirectsSetting.jsonKey(), maxRedirects, implied.maxRedirects);
    put(object, QStringLiteral("verify_tls"), verifyTls, implied.verifyTls);
    put(object, QStringLiteral("ca_file"), caFile, implied.caFile);
    put(object, maxBodyBytesSetting.jsonKey(), double(maxBodyBytes), double(implied.maxBodyBytes));
    put(object, QStringLiteral("reuse_connection"), reuseConnection, implied.reuseConnection);
    return object;
}
