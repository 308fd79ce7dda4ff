#include "HttpAnswerCheck.h"

#include <QRegularExpression>

namespace {

QString quoted(const QString &text)
{
    constexpr qsizetype shown = 60;
    const QString line = text.simplified();
    return QLatin1Char('"') + (line.size() > shown ? line.left(shown) + QStringLiteral("…") : line) + QLatin1Char('"');
}

} // namespace

NetError HttpAnswerCheck::judge(int status, const QByteArray &reasonPhrase, const QByteArray &body,
                                const HttpOptions &http)
{
    if (!http.expectStatus.contains(status)) {
        const QString reason = QString::fromLatin1(reasonPhrase).simplified();
        return NetError{
            ErrorKind::HttpStatus,
            QStringLiteral("HTTP %1%2 (expected %3)")
                .arg(status)
                .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason, http.expectStatus.toString())};
    }
    if (http.expectBody.isEmpty() && http.expectBodyRegex.isEmpty() && http.rejectBody.isEmpty())
        return {};
    const QString text = QString::fromUtf8(body);
    if (!http.expectBody.isEmpty() && !text.contains(http.expectBody))
        return NetError{ErrorKind::BodyMismatch,
                        QStringLiteral("the body does not contain %1").arg(quoted(http.expectBody))};
    if (!http.expectBodyRegex.isEmpty()) {
        const QRegularExpression pattern(http.expectBodyRegex);
        if (!pattern.isValid())
            return NetError{ErrorKind::BodyMismatch,
                            QStringLiteral("the body pattern %1 is not valid: %2")
                                .arg(quoted(http.expectBodyRegex), pattern.errorString())};
        if (!pattern.match(text).hasMatch())
            return NetError{ErrorKind::BodyMismatch,
                            QStringLiteral("the body does not match %1").arg(quoted(http.expectBodyRegex))};
    }
    if (!http.rejectBody.isEmpty() && text.contains(http.rejectBody))
        return NetError{ErrorKind::BodyMismatch,
                        QStringLiteral("the body contains %1, which it must not").arg(quoted(http.rejectBody))};
    return {};
}
