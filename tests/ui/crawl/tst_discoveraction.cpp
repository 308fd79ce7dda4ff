#include "FakeProbeExecutor.h"
#include "TestSite.h"

#include "crawl/CrawlDialog.h"
#include "crawl/CrawlFilterModel.h"
#include "monitor/Monitor.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

// Endpoints → Discover from a site… in the window: the URLs a crawl found become endpoints of the
// open profile through the monitor, as an import's do, and those it has already are skipped.
class TestDiscoverAction : public QObject
{
    Q_OBJECT

private:
    // Answers the modal dialog from its own event loop: crawls the site, adds every row, closes it
    // whatever happened, so that a failure fails the test instead of leaving the dialog open.
    void crawlAndAddAll(const QString &url)
    {
        QTimer::singleShot(0, this, [url] {
            auto *dialog = qobject_cast<CrawlDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            answer(*dialog, url);
            dialog->reject();
        });
    }

    static void answer(CrawlDialog &dialog, const QString &url)
    {
        CrawlOptions options;
        options.perHostInterval = 0ms;
        options.respectRobots = false;
        dialog.setOptions(options);
        dialog.setStartUrl(url);
        QSignalSpy finished(&dialog, &CrawlDialog::crawlFinished);
        QVERIFY(dialog.startCrawl());
        QVERIFY(finished.wait(15000));
        dialog.table()->selectAll();
        dialog.findChild<QPushButton *>(QStringLiteral("addEndpoints"))->click();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("PingscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_discoveraction"));
    }

    void discoveredUrlsBecomeEndpointsOnce()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/about", "/missing", "/about#nowhere"}));
        site.html("/about", pageLinking({"/"}));

        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        QAction *discover = window.actions()->discover;
        bool inEndpointsMenu = false;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == QLatin1String("&Endpoints") && menu->menu()->actions().contains(discover))
                inEndpointsMenu = true;
        }
        QVERIFY(inEndpointsMenu);

        crawlAndAddAll(site.url());
        discover->trigger();
        // /, /about and /missing: the #fragment row names no URL of its own.
        QCOMPARE(monitor.endpointCount(), 3);
        QStringList targets;
        for (const EndpointId id : monitor.endpointIds()) {
            const auto endpoint = monitor.endpoint(id);
            targets.append(endpoint->probe.target.toString());
            QVERIFY(endpoint->tags.contains(QStringLiteral("crawl")));
        }
        targets.sort();
        QCOMPARE(targets,
                 (QStringList{site.url(), site.url(QStringLiteral("/about")), site.url(QStringLiteral("/missing"))}));

        crawlAndAddAll(site.url());
        discover->trigger();
        QCOMPARE(monitor.endpointCount(), 3); // every one is in the profile already
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestDiscoverAction)
#include "tst_discoveraction.moc"
