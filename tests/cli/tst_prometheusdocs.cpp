#include "MetricsPage.h"
#include "PingscopeProcess.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <csignal>

namespace {

QString docsFile(const QString &name)
{
    return qEnvironmentVariable("PINGSCOPE_SOURCE_DIR") + QStringLiteral("/docs/prometheus/") + name;
}

} // namespace

// docs/prometheus must keep working with the names pingscope exports.
class TestPrometheusDocs : public QObject
{
    Q_OBJECT

private slots:
    void alertsUseTheExportedNames()
    {
        QString rules;
        for (const QString &name : {QStringLiteral("alerts.yml"), QStringLiteral("fleet-rules.yml")}) {
            QFile file(docsFile(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            rules += QString::fromUtf8(file.readAll());
        }

        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        PingscopeProcess process({QStringLiteral("watch"), QStringLiteral("--log"), QStringLiteral("none"),
                                  QStringLiteral("--interval"), QStringLiteral("0.5"),
                                  QStringLiteral("--metrics-listen"), QStringLiteral("0"),
                                  QStringLiteral("tcp://127.0.0.1:%1").arg(tcp.serverPort())});
        QVERIFY(process.waitUntil([&] { return announcedMetricsPort(process.err()) != 0; }, 10000));
        process.waitUntil([] { return false; }, 800);
        const QByteArray answer = httpGet(announcedMetricsPort(process.err()), "/metrics");
        const MetricsPage page = MetricsPage::parse(answer.mid(answer.indexOf("\r\n\r\n") + 4));
        QVERIFY2(page.isValid(), qPrintable(page.problems().join(QLatin1Char('\n'))));
        QVERIFY(process.signalAndTimeExit(SIGTERM, 5000) >= 0);

        // Every family is declared even before it has samples, so one tcp endpoint shows them all.
        QSet<QString> exported;
        const auto types = page.types();
        for (auto type = types.cbegin(); type != types.cend(); ++type) {
            exported << type.key();
            if (type.value() == QLatin1String("histogram"))
                exported << type.key() + QStringLiteral("_bucket") << type.key() + QStringLiteral("_sum")
                         << type.key() + QStringLiteral("_count");
        }
        static const QRegularExpression used(QStringLiteral("\\bpingscope_[a-z_]+"));
        int names = 0;
        for (const auto &match : used.globalMatch(rules)) {
            ++names;
            QVERIFY2(exported.contains(match.captured()), qPrintable(match.captured()));
        }
        QVERIFY(names >= 5);
        const auto up = page.samples(QStringLiteral("pingscope_up"));
        QCOMPARE(up.size(), 1);
        for (const char *label : {"endpoint", "target", "kind", "tags"}) {
            QVERIFY(up.constFirst().labels.contains(QLatin1String(label)));
            if (qstrcmp(label, "tags") != 0)
                QVERIFY2(rules.contains(QStringLiteral("$labels.%1").arg(QLatin1String(label))), label);
        }
    }

    void promtoolAcceptsTheDocs()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus)");
        const QList<QStringList> checks{
            {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("prometheus.yml")},
            {QStringLiteral("check"), QStringLiteral("rules"), QStringLiteral("alerts.yml")},
            {QStringLiteral("test"), QStringLiteral("rules"), QStringLiteral("alerts_test.yml")},
            // The fleet's (docs/fleet.md): several agents, sites told apart by watch --label site=….
            {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("fleet.yml")},
            {QStringLiteral("check"), QStringLiteral("rules"), QStringLiteral("fleet-rules.yml")},
            {QStringLiteral("test"), QStringLiteral("rules"), QStringLiteral("fleet-rules_test.yml")},
        };
        for (const QStringList &arguments : checks) {
            QProcess process;
            process.setWorkingDirectory(docsFile(QString()));
            process.start(promtool, arguments);
            QVERIFY(process.waitForFinished(30000));
            QVERIFY2(process.exitCode() == 0,
                     (arguments.join(QLatin1Char(' ')).toUtf8() + ": " + process.readAllStandardOutput()
                      + process.readAllStandardError())
                         .constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusDocs)
#include "tst_prometheusdocs.moc"
