#include "FuzzedMetrics.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

// The pages of the prometheus_text fuzz corpus (hostile names, targets, tags and messages) shown
// to Prometheus's own reader, promtool, rather than only to ours (MetricsPage).
class TestPrometheusCorpus : public QObject
{
    Q_OBJECT

private slots:
    void promtoolAcceptsEveryPage_data()
    {
        QTest::addColumn<QString>("path");
        const QDir corpus(qEnvironmentVariable("PINGSCOPE_SOURCE_DIR")
                          + QStringLiteral("/tests/fuzz/corpus/prometheus_text"));
        const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(corpus.path() + QStringLiteral(" has no files")));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << corpus.filePath(file);
    }

    void promtoolAcceptsEveryPage()
    {
        QFETCH(QString, path);
        // promtool comes with the build dependencies (Debian package prometheus): a test that
        // skipped without it would pass without having checked anything.
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        QVERIFY2(!promtool.isEmpty(), "promtool is not installed (Debian package prometheus)");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const FuzzedMetrics metrics = FuzzedMetrics::render(file.readAll());
        QVERIFY(!metrics.endpoints.isEmpty());

        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(metrics.page);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
                 (check.readAllStandardOutput() + check.readAllStandardError() + "\n" + metrics.page).constData());
    }
};

QTEST_GUILESS_MAIN(TestPrometheusCorpus)
#include "tst_prometheuscorpus.moc"
