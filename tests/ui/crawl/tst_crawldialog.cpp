#include "TestSite.h"

#include "crawl/CrawlDialog.h"
#include "crawl/CrawlFilterModel.h"
#include "crawl/CrawlResultsModel.h"
#include "crawl/Crawler.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

namespace {

CrawlOptions quickOptions()
{
    CrawlOptions options;
    options.perHostInterval = 0ms;
    options.respectRobots = false;
    options.requestTimeout = 3000ms;
    return options;
}

// The site every test crawls: two pages, a broken link, a broken #fragment, an image.
void fill(TestSite &site)
{
    site.html("/", pageLinking({"/about", "/missing", "/about#nowhere"}, "<img src=\"/logo.png\">\n"));
    site.html("/about", "<h1 id=\"team\">About</h1><a href=\"/\">home</a>");
    site.set("/logo.png", TestSite::Page{200, "png", "image/png"});
}

bool crawlToTheEnd(CrawlDialog &dialog)
{
    QSignalSpy finished(&dialog, &CrawlDialog::crawlFinished);
    return dialog.startCrawl() && finished.wait(15000);
}

int rowOf(const CrawlDialog &dialog, const QString &url)
{
    const QAbstractItemModel *model = dialog.filterModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, CrawlResultsModel::UrlColumn).data().toString() == url)
            return row;
    }
    return -1;
}

void selectRows(CrawlDialog &dialog, const QList<int> &rows)
{
    QItemSelectionModel *selection = dialog.table()->selectionModel();
    selection->clearSelection();
    for (const int row : rows)
        selection->select(dialog.filterModel()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->setCurrentIndex(dialog.filterModel()->index(rows.value(0), 0), QItemSelectionModel::NoUpdate);
}

} // namespace

// Endpoints → Discover from a site…: the dialog against a loopback site.
class TestCrawlDialog : public QObject
{
    Q_OBJECT

private slots:
    void tableFollowsTheCrawl()
    {
        TestSite site;
        QVERIFY(site.listen());
        fill(site);
        CrawlDialog dialog{Endpoint{}};
        QAbstractItemModelTester modelTester(dialog.resultsModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(dialog.filterModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.setOptions(quickOptions());
        dialog.setStartUrl(site.url());
        QVERIFY(crawlToTheEnd(dialog));
        QVERIFY(!dialog.isCrawling());
        const int records = int(dialog.crawler()->results()->size());
        QCOMPARE(records, 5); // /, /about, /missing, /logo.png, /about#nowhere
        QCOMPARE(dialog.resultsModel()->rowCount(), records);
        QCOMPARE(dialog.filterModel()->rowCount(), records);
        const int missing = rowOf(dialog, site.url(QStringLiteral("/missing")));
        QVERIFY(missing >= 0);
        const QAbstractItemModel *model = dialog.filterModel();
        QCOMPARE(model->index(missing, CrawlResultsModel::VerdictColumn).data().toString(), QStringLiteral("broken"));
        QCOMPARE(model->index(missing, CrawlResultsModel::StatusColumn).data().toString(), QStringLiteral("404"));
        QCOMPARE(model->index(missing, CrawlResultsModel::ReferrersColumn).data().toString(),
                 QStringLiteral("%1 (line 3)").arg(site.url()));
        QVERIFY(model->index(missing, CrawlResultsModel::VerdictColumn).data(Qt::ForegroundRole).isValid());

        const auto *progress = dialog.findChild<QLabel *>(QStringLiteral("progress"));
        QVERIFY2(progress->text().startsWith(QStringLiteral("Fetched 5 · queued 0 · broken or failed 2")),
                 qPrintable(progress->text()));
        const auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("pageBudget"));
        QCOMPARE(bar->value(), bar->maximum()); // done: the site was smaller than the budget
        QCOMPARE(bar->text(), QStringLiteral("2 pages read"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("2 broken")));
    }

    void filterSortAndReferrers()
    {
        TestSite site;
        QVERIFY(site.listen());
        fill(site);
        CrawlDialog dialog{Endpoint{}};
        dialog.setOptions(quickOptions());
        dialog.setStartUrl(site.url());
        QVERIFY(crawlToTheEnd(dialog));

        auto *verdicts = dialog.findChild<QComboBox *>(QStringLiteral("verdictFilter"));
        verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("Problems")));
        QCOMPARE(dialog.filterModel()->rowCount(), 2);
        verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("OK")));
        QCOMPARE(dialog.filterModel()->rowCount(), 3);
        verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("All")));
        dialog.findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("logo"));
        QCOMPARE(dialog.filterModel()->rowCount(), 1);
        dialog.findChild<QLineEdit *>(QStringLiteral("search"))->clear();

        dialog.table()->sortByColumn(CrawlResultsModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(dialog.filterModel()->index(0, CrawlResultsModel::StatusColumn).data().toString(),
                 QStringLiteral("404"));
        dialog.table()->sortByColumn(CrawlResultsModel::UrlColumn, Qt::AscendingOrder);
        QCOMPARE(dialog.filterModel()->index(0, CrawlResultsModel::UrlColumn).data().toString(), site.url());

        selectRows(dialog, {rowOf(dialog, site.url(QStringLiteral("/about")))});
        const QString referrers = dialog.findChild<QPlainTextEdit *>(QStringLiteral("referrers"))->toPlainText();
        QVERIFY2(referrers.contains(QStringLiteral("linked from 2 places")), qPrintable(referrers));
        QCOMPARE(dialog.filterModel()
                     ->index(rowOf(dialog, site.url(QStringLiteral("/about"))), CrawlResultsModel::ReferrersColumn)
                     .data()
                     .toString(),
                 QStringLiteral("%1 (line 2) and 1 more").arg(site.url()));
        QVERIFY2(referrers.contains(QStringLiteral("%1, line 2 (a)").arg(site.url())), qPrintable(referrers));
    }

    void copyAndExport()
    {
        TestSite site;
        QVERIFY(site.listen());
        fill(site);
        CrawlDialog dialog{Endpoint{}};
        dialog.setOptions(quickOptions());
        dialog.setStartUrl(site.url());
        QVERIFY(crawlToTheEnd(dialog));
        auto *verdicts = dialog.findChild<QComboBox *>(QStringLiteral("verdictFilter"));
        verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("Problems")));

        selectRows(dialog, {0, 1});
        const QStringList copied = dialog.copyText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(copied.size(), 3);
        QVERIFY(copied.at(0).startsWith(QLatin1String("Verdict\tStatus\tURL\t")));
        QVERIFY(copied.at(1).startsWith(QLatin1String("broken\t")));

        QTemporaryDir dir;
        QVERIFY(dialog.exportTo(dir.filePath(QStringLiteral("crawl.json"))));
        QFile json(dir.filePath(QStringLiteral("crawl.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject document = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(document.value(QStringLiteral("urls")).toArray().size(), 2); // what is shown
        QCOMPARE(document.value(QStringLiteral("summary")).toObject().value(QStringLiteral("broken")).toInt(), 2);

        QVERIFY(dialog.exportTo(dir.filePath(QStringLiteral("crawl.md"))));
        QFile markdown(dir.filePath(QStringLiteral("crawl.md")));
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        const QByteArray md = markdown.readAll();
        QVERIFY(md.startsWith("| Verdict | Status | URL |"));
        QVERIFY(md.contains("| broken | 404 | " + site.url(QStringLiteral("/missing")).toUtf8()));

        QVERIFY(dialog.exportTo(dir.filePath(QStringLiteral("crawl.csv"))));
        QFile csv(dir.filePath(QStringLiteral("crawl.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count("\r\n"), 3);
        QVERIFY(!dialog.exportTo(dir.filePath(QStringLiteral("no/such/dir/crawl.csv"))));
    }

    void addAsEndpoints()
    {
        TestSite site;
        QVERIFY(site.listen());
        fill(site);
        Endpoint defaults;
        defaults.intervalS = 120;
        CrawlDialog dialog(defaults);
        dialog.setOptions(quickOptions());
        dialog.setStartUrl(site.url());
        QVERIFY(crawlToTheEnd(dialog));
        auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addEndpoints"));
        QVERIFY(!add->isEnabled());
        selectRows(dialog,
                   {rowOf(dialog, site.url()), rowOf(dialog, site.url(QStringLiteral("/about"))),
                    rowOf(dialog, site.url(QStringLiteral("/logo.png"))),
                    rowOf(dialog, site.url(QStringLiteral("/about#nowhere")))});
        QVERIFY(add->isEnabled());
        QSignalSpy requested(&dialog, &CrawlDialog::addRequested);
        add->click();
        QCOMPARE(requested.size(), 1);
        const auto ids = requested.at(0).at(0).value<QList<CrawlId>>();
        QCOMPARE(ids.size(), 4);

        Endpoint already;
        already.probe.target = *Target::parse(site.url(QStringLiteral("/about")));
        const QList<Endpoint> endpoints = dialog.endpointsFor(ids, {already});
        QCOMPARE(endpoints.size(), 2); // the fragment and the one the profile has are skipped
        QCOMPARE(endpoints.at(0).probe.target.toString(), site.url());
        QCOMPARE(endpoints.at(0).probe.target.kind, ProbeKind::Http);
        QVERIFY(Endpoint::isValidId(endpoints.at(0).id));
        QVERIFY(endpoints.at(0).id != endpoints.at(1).id);
        QCOMPARE(endpoints.at(0).name, QStringLiteral("test page"));
        QCOMPARE(endpoints.at(0).intervalS, 120.0);
        QCOMPARE(endpoints.at(0).tags, (QStringList{"crawl", "127.0.0.1", "page"}));
        QCOMPARE(endpoints.at(1).tags.last(), QStringLiteral("resource"));
        dialog.reportAdded(2, 2);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))
                    ->text()
                    .startsWith(QLatin1String("Added 2 endpoints.")));
    }

    void cancelStopsWithinATenthOfASecond()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 30; ++i) {
            links.append("/slow/" + QByteArray::number(i));
            site.set(links.last(), TestSite::Page{200, pageLinking({}), "text/html", {}, 2000ms});
        }
        site.html("/", pageLinking(links));
        CrawlDialog dialog{Endpoint{}};
        dialog.setOptions(quickOptions());
        dialog.setStartUrl(site.url());
        QSignalSpy finished(&dialog, &CrawlDialog::crawlFinished);
        auto *start = dialog.findChild<QPushButton *>(QStringLiteral("start"));
        auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelCrawl"));
        QVERIFY(!cancel->isEnabled());
        start->click();
        QVERIFY(dialog.isCrawling());
        QVERIFY(!start->isEnabled());
        const auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("pageBudget"));
        QCOMPARE(bar->maximum(), CrawlOptions().maxPages); // against the page budget while it runs
        QTRY_VERIFY_WITH_TIMEOUT(site.hits().size() >= 4, 5000);
        QElapsedTimer clock;
        clock.start();
        cancel->click();
        QVERIFY(finished.wait(1000));
        QVERIFY2(clock.elapsed() < 100, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
        QCOMPARE(finished.at(0).at(0).value<CrawlStop>(), CrawlStop::Cancelled);
        QVERIFY(!dialog.isCrawling());
        QVERIFY(start->isEnabled());
        QCOMPARE(dialog.crawler()->activeTasks(), 0);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("cancelled")));
    }

    void enterStartsAndNothingElse()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/slow"}));
        site.set("/slow", TestSite::Page{200, pageLinking({}), "text/html", {}, 1000ms});
        CrawlDialog dialog{Endpoint{}};
        dialog.setOptions(quickOptions());
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("startUrl"));
        url->setText(site.url());
        url->setFocus();
        QVERIFY(url->hasFocus());
        QSignalSpy finished(&dialog, &CrawlDialog::crawlFinished);
        QTest::keyClick(url, Qt::Key_Return);
        QVERIFY(dialog.isCrawling());
        // The field is disabled while the crawl runs, and the focus moves on: Enter reaches neither Cancel nor Close.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTest::keyClick(&dialog, Qt::Key_Enter);
        QVERIFY(dialog.isVisible());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).value<CrawlStop>(), CrawlStop::Completed);
    }

    void closingWhileCrawlingLeavesNothingBehind()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/slow"}));
        site.set("/slow", TestSite::Page{200, pageLinking({}), "text/html", {}, 2000ms});
        {
            CrawlDialog dialog{Endpoint{}};
            dialog.setOptions(quickOptions());
            dialog.setStartUrl(site.url());
            QVERIFY(dialog.startCrawl());
            QTRY_VERIFY_WITH_TIMEOUT(site.hitsOn("/slow") == 1, 5000);
            dialog.reject();
        }
        QTRY_COMPARE_WITH_TIMEOUT(site.connectionsOpen(), 0, 2000);
    }

    void badStartUrl()
    {
        CrawlDialog dialog{Endpoint{}};
        dialog.setStartUrl(QStringLiteral("ftp://127.0.0.1/"));
        QVERIFY(!dialog.startCrawl());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("not an http")));
        dialog.setStartUrl(QString());
        QVERIFY(!dialog.startCrawl());
        CrawlOptions options = quickOptions();
        options.exclude = {QStringLiteral("([")};
        dialog.setOptions(options);
        dialog.setStartUrl(QStringLiteral("http://127.0.0.1:9/"));
        QVERIFY(!dialog.startCrawl());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("--exclude")));
        QVERIFY(!dialog.isCrawling());
    }
};

QTEST_MAIN(TestCrawlDialog)
#include "tst_crawldialog.moc"
