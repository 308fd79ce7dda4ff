#include "PingscopeProcess.h"
#include "TestFiles.h"
#include "Version.h"

#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"))); }

    void versionWithoutDisplay()
    {
        const PingscopeRun outcome = runPingscope({QStringLiteral("--version")});
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(QString::fromUtf8(outcome.out).trimmed(),
                 QStringLiteral("pingscope %1").arg(QLatin1String(Pingscope::versionString)));
    }

    void helpWithoutDisplay()
    {
        const PingscopeRun outcome = runPingscope({QStringLiteral("--help")});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(QString::fromUtf8(outcome.out).contains(QStringLiteral("validate FILE")));
        QVERIFY(QString::fromUtf8(outcome.out).contains(QStringLiteral("--demo")));
    }

    void validateAcceptsTheExamples()
    {
        for (const QString &name : {QStringLiteral("home-lab.json"), QStringLiteral("demo.json")}) {
            const PingscopeRun outcome
                = runPingscope({QStringLiteral("validate"), sourceFile(QStringLiteral("resources/profiles/") + name)});
            QCOMPARE(outcome.exitCode, 0);
            QVERIFY2(QString::fromUtf8(outcome.out).startsWith(QStringLiteral("ok: ")), outcome.out.constData());
        }
        const PingscopeRun outcome = runPingscope(
            {QStringLiteral("validate"), sourceFile(QStringLiteral("resources/profiles/home-lab.json"))});
        QCOMPARE(QString::fromUtf8(outcome.out).trimmed(), QStringLiteral("ok: 5 endpoints"));
    }

    void validateListsEveryProblem()
    {
        QTemporaryDir dir;
        const QString path = writeTestFile(dir, QStringLiteral("broken.json"),
                                           "{\"pingscope_profile\": 1, \"endpoints\": [ {\"target\": \"tcp://db\"}, "
                                           "{\"target\": \"http://x/\", \"interval_s\": \"fast\"} ]}");
        const PingscopeRun outcome = runPingscope({QStringLiteral("validate"), path});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(QString::fromUtf8(outcome.out).isEmpty());
        QVERIFY2(QString::fromUtf8(outcome.err).contains(QStringLiteral("2 problems")), outcome.err.constData());
        QVERIFY(
            QString::fromUtf8(outcome.err).contains(QStringLiteral("endpoints[0].target: a tcp target needs a port")));
        QVERIFY(QString::fromUtf8(outcome.err)
                    .contains(QStringLiteral("endpoints[1].interval_s: must be a number ≥ 0.5 (got \"fast\")")));
    }

    void validateNotesUnknownKeys()
    {
        QTemporaryDir dir;
        const QString path = writeTestFile(
            dir, QStringLiteral("future.json"),
            "{\"pingscope_profile\": 1, \"endpoints\": [{\"target\": \"tcp://db:1\", \"colour\": \"red\"}]}");
        const PingscopeRun outcome = runPingscope({QStringLiteral("validate"), path});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(QString::fromUtf8(outcome.out).contains(QStringLiteral("ok: 1 endpoint\n")));
        QVERIFY(QString::fromUtf8(outcome.out).contains(QStringLiteral("endpoints[0].colour")));
    }

    void validateUsageErrors()
    {
        QCOMPARE(runPingscope({QStringLiteral("validate")}).exitCode, 2);
        QCOMPARE(runPingscope({QStringLiteral("validate"), QStringLiteral("/nonexistent.json")}).exitCode, 2);
        QCOMPARE(runPingscope({QStringLiteral("validate"), QStringLiteral("--bogus")}).exitCode, 2);
        QTemporaryDir dir;
        const PingscopeRun garbage
            = runPingscope({QStringLiteral("validate"), writeTestFile(dir, QStringLiteral("g"), "\x01\x02garbage")});
        QCOMPARE(garbage.exitCode, 2);
        QVERIFY(QString::fromUtf8(garbage.err).contains(QStringLiteral("not valid JSON")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
