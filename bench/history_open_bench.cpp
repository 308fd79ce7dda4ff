// How long the window takes to show a profile's history (issue #12: "History appears within 3 s of
// opening a profile with a year of data"): the real MainWindow, offscreen, opens a saved profile whose
// history file already holds a year (written by `history_bench --backfill-days 365 --seconds 0
// --history FILE`, or here with --backfill-days), and the time is taken from the open until the
// table's Uptime 24 h / 7 d / 30 d columns are filled for every endpoint and the chart shows the
// first endpoint; then until the chart shows each of the detail pane's ranges in turn. Monitoring
// is not started: this is the history alone. Prints one line of JSON per measurement.
//
//   history_open_bench --history FILE [--endpoints N] [--interval S] [--repeat N]
//                      [--backfill-days D [--dense-days D]]
#include "BenchSupport.h"
#include "HistoryBackfill.h"
#include "detail/EndpointDetailPane.h"
#include "detail/HistoryChartController.h"
#include "endpoint/ProfileWriter.h"
#include "history/HistoryLocation.h"
#include "history/ProfileHistory.h"
#include "probe/ProbeExecutor.h"
#include "table/EndpointTableModel.h"
#include "table/HistoryUptimeController.h"
#include "window/MainWindow.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

using namespace BenchSupport;

// Never asked: monitoring does not start.
class IdleExecutor final : public ProbeExecutor
{
public:
    QCoro::Task<ProbeResult> run(ProbeSpec, std::shared_ptr<NetContext> context) override
    {
        co_return ProbeResult::aborted(*context);
    }
};

// Waits until signal has fired count times since the spy began, or timeoutMs passed; the ms elapsed.
template<typename Sender, typename Signal>
double untilSignal(Sender *sender, Signal signal, const QElapsedTimer &since, int timeoutMs)
{
    QEventLoop loop;
    double at = -1;
    QObject::connect(sender, signal, &loop, [&] {
        at = msSince(since);
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return at;
}

int filledUptimes(const EndpointTableModel *model, int column)
{
    int filled = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() != QStringLiteral("–"))
            ++filled;
    }
    return filled;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int endpoints = argument(arguments, QStringLiteral("--endpoints"), 1000);
    const int intervalS = argument(arguments, QStringLiteral("--interval"), 60);
    const int repeat = argument(arguments, QStringLiteral("--repeat"), 3);
    const int backfillDays = argument(arguments, QStringLiteral("--backfill-days"), -1);
    const int historyAt = int(arguments.indexOf(QStringLiteral("--history")));
    if (historyAt < 0 || historyAt + 1 >= arguments.size()) {
        std::fprintf(stderr,
                     "usage: history_open_bench --history FILE [--endpoints N] [--interval S] [--repeat N] "
                     "[--backfill-days D [--dense-days D]]\n");
        return 2;
    }
    const QString history = QFileInfo(arguments.at(historyAt + 1)).absoluteFilePath();

    QTemporaryDir home; // the window's settings and data, never the user's
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.filePath(QStringLiteral("settings")));
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("PingscopeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("history_open_bench"));

    if (backfillDays >= 0) {
        HistoryBackfill::Plan plan;
        plan.endpoints = endpoints;
        plan.days = backfillDays;
        plan.denseDays = argument(arguments, QStringLiteral("--dense-days"), plan.denseDays);
        plan.denseIntervalS = intervalS;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(history + suffix);
        HistoryBackfill::Figures figures;
        if (!HistoryBackfill::write(plan, history, &figures))
            return 1;
        print(QStringLiteral("{\"backfill\":true,\"endpoints\":%1,\"days\":%2,\"results\":%3,\"wall_s\":%4}")
                  .arg(endpoints)
                  .arg(backfillDays)
                  .arg(figures.results)
                  .arg(figures.wallS, 0, 'f', 0)
                  .toUtf8());
    } else if (!QFileInfo::exists(history)) {
        std::fprintf(stderr, "%s: no such history\n", qPrintable(history));
        return 1;
    }

    // A saved profile of the history's endpoints; its history is the file, as if the user had moved
    // it there (History ▸ Profile History).
    Profile profile;
    profile.name = QStringLiteral("Year");
    for (int i = 0; i < endpoints; ++i) {
        Endpoint endpoint;
        endpoint.id = HistoryBackfill::keyOf(i);
        endpoint.name = QStringLiteral("endpoint %1").arg(i);
        endpoint.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(10000 + i % 50000));
        endpoint.intervalS = intervalS;
        profile.endpoints << endpoint;
    }
    const QString profilePath = home.filePath(QStringLiteral("year.json"));
    {
        QSaveFile file(profilePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(ProfileWriter::toJson(profile)) < 0 || !file.commit()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(profilePath));
            return 1;
        }
    }
    HistoryLocation::rememberMove(profilePath, history);

    for (int round = 0; round < repeat; ++round) {
        IdleExecutor executor;
        Workspace workspace(&executor);
        MainWindow window(&workspace);
        window.resize(1400, 900);
        window.show();
        QCoreApplication::processEvents();

        HistoryChartController *chart = window.detailPane()->historyChart();
        QElapsedTimer opening;
        opening.start();
        // The chart and the columns may finish in either order: listen to both from the start.
        double chartMs = -1;
        double uptimeMs = -1;
        QEventLoop loop;
        auto done = [&] {
            if (chartMs >= 0 && uptimeMs >= 0)
                loop.quit();
        };
        QObject::connect(chart, &HistoryChartController::refreshed, &loop, [&] {
            if (chartMs < 0)
                chartMs = msSince(opening);
            done();
        });
        QObject::connect(window.uptimeController(), &HistoryUptimeController::refreshed, &loop, [&] {
            if (uptimeMs < 0)
                uptimeMs = msSince(opening);
            done();
        });
        if (!window.openProfile(profilePath)) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(profilePath));
            return 1;
        }
        const double openMs = msSince(opening);
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
        if (chartMs < 0 || uptimeMs < 0)
            loop.exec();
        const EndpointTableModel *model = window.tableModel();
        print(QStringLiteral("{\"open\":%1,\"endpoints\":%2,\"history_file\":\"%3\",\"open_call_ms\":%4,"
                             "\"chart_ms\":%5,\"uptime_columns_ms\":%6,\"history_shown_ms\":%7,"
                             "\"filled_24h\":%8,\"filled_7d\":%9,\"filled_30d\":%10,\"chart_points\":%11}")
                  .arg(round + 1)
                  .arg(model->rowCount())
                  .arg(window.profileHistory()->hasFile() ? QFileInfo(history).fileName() : QStringLiteral("none"))
                  .arg(openMs, 0, 'f', 0)
                  .arg(chartMs, 0, 'f', 0)
                  .arg(uptimeMs, 0, 'f', 0)
                  .arg(std::max(chartMs, uptimeMs), 0, 'f', 0)
                  .arg(filledUptimes(model, EndpointTableModel::Uptime24hColumn))
                  .arg(filledUptimes(model, EndpointTableModel::Uptime7dColumn))
                  .arg(filledUptimes(model, EndpointTableModel::Uptime30dColumn))
                  .arg(chart->data().pointCount())
                  .toUtf8());

        // Each range of the detail pane, from choosing it until the chart shows it.
        if (round == 0) {
            QComboBox *ranges = window.detailPane()->rangeBox();
            for (int index = 1; index < ranges->count(); ++index) {
                if (ranges->itemData(index).toInt() < 0)
                    continue; // custom asks for a range in a dialog
                QElapsedTimer choosing;
                choosing.start();
                ranges->setCurrentIndex(index);
                const double ms = untilSignal(chart, &HistoryChartController::refreshed, choosing, 60'000);
                print(QStringLiteral("{\"range\":\"%1\",\"resolution\":\"%2\",\"chart_ms\":%3,\"points\":%4}")
                          .arg(ranges->itemText(index), historyResolutionName(chart->resolution()))
                          .arg(ms, 0, 'f', 0)
                          .arg(chart->data().pointCount())
                          .toUtf8());
            }
            ranges->setCurrentIndex(0);
        }
        window.hide();
    }
    return 0;
}
