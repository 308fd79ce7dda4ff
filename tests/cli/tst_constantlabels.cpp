#include "MetricsPage.h"
#include "cli/ConstantLabels.h"

#include <QTest>

class TestConstantLabels : public QObject
{
    Q_OBJECT

private slots:
    void addsToEverySample()
    {
        QString error;
        const auto labels = ConstantLabels::parse(
            {QStringLiteral("site=office"), QStringLiteral("note=say \"hi\" \\ now\nplease"), QStringLiteral("empty=")},
            &error);
        QVERIFY2(labels, qPrintable(error));
        QCOMPARE(labels->text(), QByteArray("site=\"office\",note=\"say \\\"hi\\\" \\\\ now\\nplease\",empty=\"\""));

        // Samples with labels, without, with values holding '{', '}' and spaces, and comments untouched.
        const QByteArray page = "# HELP a_total The a {thing}.\n"
                                "# TYPE a_total counter\n"
                                "a_total{endpoint=\"x {y} z\",kind=\"tcp\"} 3\n"
                                "a_total{endpoint=\"w\"} 4\n"
                                "# HELP b Plain.\n"
                                "# TYPE b gauge\n"
                                "b 1.5\n";
        const QByteArray labelled = labels->applyTo(page);
        const MetricsPage parsed = MetricsPage::parse(labelled);
        QVERIFY2(parsed.isValid(), qPrintable(parsed.problems().join(QLatin1Char('\n')) + QString::fromUtf8(labelled)));
        const QMap<QString, QString> constant{{"site", "office"}, {"note", "say \"hi\" \\ now\nplease"}, {"empty", ""}};
        auto with = [&](QMap<QString, QString> more) {
            more.insert(constant);
            return more;
        };
        QCOMPARE(parsed.value("a_total", with({{"endpoint", "x {y} z"}, {"kind", "tcp"}})), std::optional<double>(3));
        QCOMPARE(parsed.value("a_total", with({{"endpoint", "w"}})), std::optional<double>(4));
        QCOMPARE(parsed.value("b", constant), std::optional<double>(1.5));
        QVERIFY(labelled.startsWith("# HELP a_total The a {thing}.\n# TYPE a_total counter\n"));
        QCOMPARE(labelled.count('\n'), page.count('\n'));
    }

    void noLabelsLeavesThePageAlone()
    {
        QString error;
        const auto labels = ConstantLabels::parse({}, &error);
        QVERIFY(labels && labels->isEmpty());
        QCOMPARE(labels->applyTo("b 1\n"), QByteArray("b 1\n"));
    }

    void refusesBadLabels_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("message");
        QTest::newRow("no value") << "site"
                                  << "--label wants NAME=VALUE";
        QTest::newRow("empty name") << "=office"
                                    << "--label wants NAME=VALUE";
        QTest::newRow("digit first") << "1site=x"
                                     << "--label wants NAME=VALUE";
        QTest::newRow("dash") << "my-site=x"
                              << "--label wants NAME=VALUE";
        QTest::newRow("unicode") << "sité=x"
                                 << "--label wants NAME=VALUE";
        QTest::newRow("reserved") << "__name__=x"
                                  << "--label __name__: names starting with __ are Prometheus's own";
        for (const char *own :
             {"endpoint", "target", "kind", "tags", "phase", "result", "le", "channel", "type", "window"})
            QTest::newRow(own) << QStringLiteral("%1=x").arg(QLatin1String(
                own)) << QStringLiteral("--label %1: pingscope writes that label itself").arg(QLatin1String(own));
    }
    void refusesBadLabels()
    {
        QFETCH(QString, argument);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ConstantLabels::parse({QStringLiteral("site=a"), argument}, &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void refusesALabelTwice()
    {
        QString error;
        QVERIFY(!ConstantLabels::parse({QStringLiteral("site=a"), QStringLiteral("site=b")}, &error));
        QCOMPARE(error, QStringLiteral("--label site is given twice"));
    }
};

QTEST_GUILESS_MAIN(TestConstantLabels)
#include "tst_constantlabels.moc"
