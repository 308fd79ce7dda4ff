#include "PingscopeProcess.h"
#include "TestFiles.h"
#include "Version.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The problem line of a command line turned away: exit 2 (not a crash: that is -2), nothing on
// stdout, and exactly one line on stderr, returned without its newline.
QString refusal(const PingscopeRun &run)
{
    if (run.exitCode != 2 || !run.out.isEmpty() || run.err.count('\n') != 1 || !run.err.endsWith('\n')) {
        qWarning("exit %d, stdout \"%s\", stderr \"%s\"", run.exitCode, run.out.constData(), run.err.constData());
        return {};
    }
    return QString::fromUtf8(run.err).trimmed();
}

const QString theCommands = QStringLiteral("the commands are validate, check, watch, history and crawl");

} // namespace

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
        // The help of a build without the window must not offer it.
        QCOMPARE(QString::fromUtf8(outcome.out).contains(QStringLiteral("--demo")), bool(PINGSCOPE_WITH_WINDOW));
        QCOMPARE(QString::fromUtf8(outcome.out).contains(QStringLiteral("This build has no window")),
                 bool(!PINGSCOPE_WITH_WINDOW));
    }

    // pingscope chek ...: before, Qt's abort for want of a display (SIGABRT), whatever the build.
    void mistypedCommandNamesTheNearest_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("meant");
        QTest::newRow("a letter missing") << QStringLiteral("chek") << QStringLiteral("check");
        QTest::newRow("two letters swapped") << QStringLiteral("vaildate") << QStringLiteral("validate");
        QTest::newRow("a letter wrong") << QStringLiteral("wetch") << QStringLiteral("watch");
        QTest::newRow("a capital") << QStringLiteral("Check") << QStringLiteral("check");
        QTest::newRow("two edits") << QStringLiteral("chck1") << QStringLiteral("check");
        QTest::newRow("swapped, a longer command") << QStringLiteral("histroy") << QStringLiteral("history");
    }
    void mistypedCommandNamesTheNearest()
    {
        QFETCH(QString, typed);
        QFETCH(QString, meant);
        const QString line = refusal(runPingscope({typed, QStringLiteral("tcp://127.0.0.1:9")}));
        QCOMPARE(line, QStringLiteral("pingscope: unknown command \"%1\"; did you mean \"%2\"?").arg(typed, meant));
    }

    void unknownWordNamesTheCommands()
    {
        // Three edits from the nearest command is no typo of it: no guess, the commands instead.
        for (const QString &word : {QStringLiteral("uptime"), QStringLiteral("chx"), QStringLiteral("status")}) {
            const QString line = refusal(runPingscope({word, QStringLiteral("--since"), QStringLiteral("1h")}));
            QCOMPARE(line,
                     QStringLiteral("pingscope: unknown command \"%1\", and no profile file of that name; "
                                    "%2 (pingscope --help)")
                         .arg(word, theCommands));
        }
    }

    void missingProfileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.json"));
        QCOMPARE(refusal(runPingscope({path})), QStringLiteral("pingscope: no profile at %1: no such file").arg(path));
        // After Qt's own options and their values, which are no profiles.
        QCOMPARE(refusal(runPingscope({QStringLiteral("-platform"), QStringLiteral("offscreen"), path})),
                 QStringLiteral("pingscope: no profile at %1: no such file").arg(path));
        QCOMPARE(refusal(runPingscope({dir.path()})),
                 QStringLiteral("pingscope: %1 is a directory, not a profile; %2 (pingscope --help)")
                     .arg(dir.path(), theCommands));
    }

    void mistypedOptionNamesTheNearest()
    {
        QCOMPARE(refusal(runPingscope({QStringLiteral("--verison")})),
                 QStringLiteral("pingscope: unknown option \"--verison\"; did you mean \"--version\"?"));
        QCOMPARE(refusal(runPingscope({QStringLiteral("--dmeo")})),
                 QStringLiteral("pingscope: unknown option \"--dmeo\"; did you mean \"--demo\"?"));
    }

    // The window is asked for, and the child has no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM.
    void windowWithoutDisplayOrWithoutWindow()
    {
        const QString profile = sourceFile(QStringLiteral("resources/profiles/home-lab.json"));
#if PINGSCOPE_WITH_WINDOW
        const QString noDisplay
            = QStringLiteral("pingscope: no display to open the window on (DISPLAY, "
                             "WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset); the commands "
                             "validate, check, watch, history and crawl need none (pingscope --help)");
        QCOMPARE(refusal(runPingscope({})), noDisplay);
        QCOMPARE(refusal(runPingscope({QStringLiteral("--demo")})), noDisplay);
        QCOMPARE(refusal(runPingscope({profile})), noDisplay);
#else
        const QString noWindow
            = QStringLiteral("pingscope: this build has no window; %1 (pingscope --help)").arg(theCommands);
        QCOMPARE(refusal(runPingscope({})), noWindow);
        QCOMPARE(refusal(runPingscope({QStringLiteral("--demo")})), noWindow);
        QCOMPARE(refusal(runPingscope({profile})),
                 QStringLiteral("pingscope: this build has no window to open %1 in; try pingscope check --profile "
                                "%1 or pingscope watch --profile %1")
                     .arg(profile));
#endif
    }

#if PINGSCOPE_WITH_WINDOW
    // The gate must not turn away a window that has somewhere to go: a platform named on the command
    // line or in QT_QPA_PLATFORM. The window is up when the process still runs after two seconds.
    void windowStartsWhereAPlatformIsNamed()
    {
        {
            PingscopeProcess byArgument(
                {QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--demo")});
            QVERIFY(!byArgument.waitForFinished(2000));
            QVERIFY2(!byArgument.err().contains("pingscope: "), byArgument.err().constData());
        }
        QProcess byEnvironment;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        byEnvironment.setProcessEnvironment(environment);
        byEnvironment.start(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"), {QStringLiteral("--demo")});
        QVERIFY(byEnvironment.waitForStarted(10000));
        QVERIFY2(!byEnvironment.waitForFinished(2000), byEnvironment.readAllStandardError().constData());
        byEnvironment.kill();
        QVERIFY(byEnvironment.waitForFinished(5000));
    }
#endif

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
