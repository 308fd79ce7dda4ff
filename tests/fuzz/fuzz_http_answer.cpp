// How an HTTP answer is judged: the status line a server sends (its reason phrase goes into the
// message), its body against a profile's expect_status, expect_body, expect_body_regex and
// reject_body. Input: status line, expect_status, expect_body, expect_body_regex, reject_body and
// body, cut at 0x1f (Fuzz::Fields). Beyond not crashing: the verdict is the one the options ask for,
// and its message is one line a person can read.

#include "FuzzSupport.h"
#include "net/curl/CurlTransfer.h"
#include "probe/http/HttpAnswerCheck.h"

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Fuzz::Fields fields(data, size);
    const QByteArray statusLine = fields.next();
    const QString statusSet = fields.nextText();
    HttpOptions http;
    http.expectBody = fields.nextText();
    http.expectBodyRegex = fields.nextText();
    http.rejectBody = fields.nextText();
    const QByteArray body = fields.next();
    if (const auto set = StatusCodeSet::parse(statusSet))
        http.expectStatus = *set;
    // The code as curl reads it from "HTTP/1.1 404 Not Found": the number after the version.
    const int status = statusLine.simplified().split(' ').value(1).left(3).toInt();

    const QByteArray reason = CurlTransfer::reasonPhraseOf(statusLine);
    // The reason phrase may start with a space (RFC 9112 §4: *( HTAB / SP / VCHAR / obs-text )), never
    // with the line break.
    FUZZ_CHECK(statusLine.contains(reason) && !reason.endsWith('\n') && !reason.endsWith('\r'),
               QString::fromLatin1(statusLine));

    const NetError verdict = HttpAnswerCheck::judge(status, reason, body, http);
    const QString shown = QString::fromUtf8(statusLine) + QStringLiteral(" -> ") + verdict.message;
    FUZZ_CHECK(verdict.isError() == !verdict.message.isEmpty(), shown);
    FUZZ_CHECK(!verdict.message.contains(QLatin1Char('\n')) && !verdict.message.contains(QLatin1Char('\r')), shown);
    if (!http.expectStatus.contains(status)) {
        FUZZ_CHECK(verdict.kind == ErrorKind::HttpStatus, shown);
        return 0;
    }
    const QString text = QString::fromUtf8(body);
    const QRegularExpression pattern(http.expectBodyRegex);
    const bool matches = (http.expectBody.isEmpty() || text.contains(http.expectBody))
        && (http.expectBodyRegex.isEmpty() || (pattern.isValid() && pattern.match(text).hasMatch()))
        && (http.rejectBody.isEmpty() || !text.contains(http.rejectBody));
    FUZZ_CHECK(verdict.kind == (matches ? ErrorKind::None : ErrorKind::BodyMismatch), shown);
    return 0;
}
