#include "probe/http/HttpAnswerCheck.h"

#include <QTest>

// How an HTTP answer that arrived whole is judged, without a server: the status against the
// accepted set, then the body checks in the order a profile's reader would expect them.
class TestHttpAnswerCheck : public QObject
{
    Q_OBJECT

private:
    static HttpOptions options(const QString &expect, const QString &regex, const QString &reject)
    {
        HttpOptions http;
        http.expectBody = expect;
        http.expectBodyRegex = regex;
        http.rejectBody = reject;
        return http;
    }

private slots:
    void statusOutsideTheSetNamesItsReason()
    {
        const NetError error = HttpAnswerCheck::judge(503, " Service \r\n Unavailable ", {}, HttpOptions{});
        QCOMPARE(error.kind, ErrorKind::HttpStatus);
        QCOMPARE(error.message, QStringLiteral("HTTP 503 Service Unavailable (expected 200-399)"));
        // HTTP/2 has no reason phrase.
        QCOMPARE(HttpAnswerCheck::judge(404, {}, {}, HttpOptions{}).message,
                 QStringLiteral("HTTP 404 (expected 200-399)"));
    }

    void statusInTheSetIsAccepted()
    {
        HttpOptions http;
        http.expectStatus = *StatusCodeSet::parse(QStringLiteral("404"));
        QCOMPARE(HttpAnswerCheck::judge(404, "Not Found", "gone", http).kind, ErrorKind::None);
        QCOMPARE(HttpAnswerCheck::judge(200, "OK", "here", http).kind, ErrorKind::HttpStatus);
    }

    void bodyChecks_data()
    {
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QString>("regex");
        QTest::addColumn<QString>("reject");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("no checks") << QString() << QString() << QString() << QString();
        QTest::newRow("contains") << "status: ok" << QString() << QString() << QString();
        QTest::newRow("does not contain")
            << "status: fine" << QString() << QString() << "the body does not contain \"status: fine\"";
        QTest::newRow("matches") << QString() << "version \\d+\\.\\d+" << QString() << QString();
        QTest::newRow("does not match") << QString() << "^version" << QString()
                                        << "the body does not match \"^version\"";
        QTest::newRow("bad pattern") << QString() << "(" << QString()
                                     << "the body pattern \"(\" is not valid: missing closing parenthesis";
        QTest::newRow("rejected absent") << QString() << QString() << "error" << QString();
        QTest::newRow("rejected present") << QString() << QString() << "ok"
                                          << "the body contains \"ok\", which it must not";
        QTest::newRow("contains first") << "absent"
                                        << "^version"
                                        << "ok"
                                        << "the body does not contain \"absent\"";
        QTest::newRow("long text shortened") << QString(70, QLatin1Char('x')) << QString() << QString()
                                             << "the body does not contain \"" + QString(60, QLatin1Char('x')) + "…\"";
        QTest::newRow("lines made one") << "a\nb" << QString() << QString() << "the body does not contain \"a b\"";
    }

    void bodyChecks()
    {
        QFETCH(QString, expect);
        QFETCH(QString, regex);
        QFETCH(QString, reject);
        QFETCH(QString, message);
        const NetError error
            = HttpAnswerCheck::judge(200, "OK", "service status: ok, version 2.14", options(expect, regex, reject));
        QCOMPARE(error.kind, message.isEmpty() ? ErrorKind::None : ErrorKind::BodyMismatch);
        QCOMPARE(error.message, message);
    }

    void bodyIsReadAsUtf8()
    {
        QCOMPARE(HttpAnswerCheck::judge(200, "OK",
                                        "gr\xc3\xbc\xc3\x9f"
                                        "e",
                                        options(QStringLiteral("grüße"), {}, {}))
                     .kind,
                 ErrorKind::None);
    }
};

QTEST_GUILESS_MAIN(TestHttpAnswerCheck)
#include "tst_httpanswercheck.moc"
