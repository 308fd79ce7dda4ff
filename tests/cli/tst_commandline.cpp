#include "Version.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real executable with no display at all: headless commands must not need one.
Outcome runPingscope(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"), arguments);
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}

QString sourceFile(const QString &relative)
{
    return qEnvironmentVariable("PINGSCOPE_SOURCE_DIR") + QLatin1Char('/') + relative;
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"))); }

    void versionWithoutDisplay()
    {
        const Outcome outcome = runPingscope({QStringLiteral("--version")});
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(outcome.out.trimmed(), QStringLiteral("pingscope %1").arg(QLatin1String(Pingscope::versionString)));
    }

    void helpWithoutDisplay()
    {
        const Outcome outcome = runPingscope({QStringLiteral("--help")});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.out.contains(QStringLiteral("validate FILE")));
        QVERIFY(outcome.out.contains(QStringLiteral("--demo")));
    }

    void validateAcceptsTheExamples()
    {
        for (const QString &name : {QStringLiteral("home-lab.json"), QStringLiteral("demo.json")}) {
            const Outcome outcome = runPingscope({QStringLiteral("validate"), sourceFile(QStringLiteral("resources/profiles/") + name)});
            QCOMPARE(outcome.exitCode, 0);
            QVERIFY2(outcome.out.startsWith(QStringLiteral("ok: ")), qPrintable(outcome.out));
        }
        const Outcome outcome = runPingscope({QStringLiteral("validate"), sourceFile(QStringLiteral("resources/profiles/home-lab.json"))});
        QCOMPARE(outcome.out.trimmed(), QStringLiteral("ok: 5 endpoints"));
    }

    void validateListsEveryProblem()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("broken.json"), "{\"pingscope_profile\": 1, \"endpoints\": [ {\"target\": \"tcp://db\"}, {\"target\": \"http://x/\", \"interval_s\": \"fast\"} ]}");
        const Outcome outcome = runPingscope({QStringLiteral("validate"), path});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(QStringLiteral("2 problems")), qPrintable(outcome.err));
        QVERIFY(outcome.err.contains(QStringLiteral("endpoints[0].target: a tcp target needs a port")));
        QVERIFY(outcome.err.contains(QStringLiteral("endpoints[1].interval_s: must be a number ≥ 0.5 (got \"fast\")")));
    }

    void validateNotesUnknownKeys()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("future.json"),
                                       "{\"pingscope_profile\": 1, \"endpoints\": [{\"target\": \"tcp://db:1\", \"colour\": \"red\"}]}");
        const Outcome outcome = runPingscope({QStringLiteral("validate"), path});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.out.contains(QStringLiteral("ok: 1 endpoint\n")));
        QVERIFY(outcome.out.contains(QStringLiteral("endpoints[0].colour")));
    }

    void validateUsageErrors()
    {
        QCOMPARE(runPingscope({QStringLiteral("validate")}).exitCode, 2);
        QCOMPARE(runPingscope({QStringLiteral("validate"), QStringLiteral("/nonexistent.json")}).exitCode, 2);
        QCOMPARE(runPingscope({QStringLiteral("validate"), QStringLiteral("--bogus")}).exitCode, 2);
        QTemporaryDir dir;
        const Outcome garbage = runPingscope({QStringLiteral("validate"), writeFile(dir, QStringLiteral("g"), "\x01\x02garbage")});
        QCOMPARE(garbage.exitCode, 2);
        QVERIFY(garbage.err.contains(QStringLiteral("not valid JSON")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
