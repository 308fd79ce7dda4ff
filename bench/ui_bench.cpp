// Drives the real MainWindow offscreen over a Monitor with many endpoints and measures how long the
// UI thread is ever busy: a 1 ms timer's lateness is the length of each event-loop stall.
//
//   ui_bench [--endpoints N] [--interval S] [--seconds S] [--sort-column C] [--fail-percent P]
//
// Probes never leave the process: BenchExecutor answers after a random 1–60 ms on a timer, and a
// share of endpoints fail, so statuses, the log and notifications all see traffic.
#include "BenchSupport.h"
#include "async/DeleteLater.h"
#include "monitor/Monitor.h"
#include "probe/ProbeExecutor.h"
#include "table/EndpointTableModel.h"
#include "window/MainWindow.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QCoroSignal>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

// Ends when its delay passes or the probe's context aborts, whichever is first.
class Waiter final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Once only: QCoro resumes through a queued call, so a second emission would resume the
    // coroutine again after it ended.
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        emit done();
    }

signals:
    void done();

private:
    bool m_finished = false;
};

class BenchExecutor final : public ProbeExecutor
{
public:
    explicit BenchExecutor(int failPercent) : m_failPercent(failPercent) { }

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context) override
    {
        context->start();
        const int delayMs = QRandomGenerator::global()->bounded(1, 60);
        // Every endpoint fails or answers the same way each time, so statuses settle as in real use.
        const bool fails = int(qHash(spec.target.port) % 100) < m_failPercent;
        auto waiter = makeSharedLater<Waiter>();
        QTimer::singleShot(delayMs, waiter.get(), [w = waiter.get()] { w->finish(); });
        QObject::connect(context.get(), &NetContext::aborted, waiter.get(), [w = waiter.get()] { w->finish(); });
        co_await qCoro(waiter.get(), &Waiter::done);
        if (context->isAborted())
            co_return ProbeResult::aborted(*context);
        ProbeResult result = fails
            ? ProbeResult::failure(ErrorKind::Refused, QStringLiteral("connection refused by 127.0.0.1:9"))
            : ProbeResult{};
        if (!fails)
            result.status = ProbeStatus::Up;
        result.started = context->startedAt();
        result.latency = context->elapsed();
        co_return result;
    }

private:
    int m_failPercent;
};

// This thread's CPU time: on a shared machine a stall in wall time can be another process's doing,
// while CPU time spent between two ticks is our own work.
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

qint64 rssKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = std::size_t(std::clamp(p / 100.0 * double(values.size()), 1.0, double(values.size())));
    return values[rank - 1];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    using BenchSupport::argument;
    const int endpoints = argument(arguments, QStringLiteral("--endpoints"), 10000);
    const int intervalS = argument(arguments, QStringLiteral("--interval"), 5);
    const int seconds = argument(arguments, QStringLiteral("--seconds"), 30);
    const int sortColumn = argument(arguments, QStringLiteral("--sort-column"), EndpointTableModel::P50Column);
    const int failPercent = argument(arguments, QStringLiteral("--fail-percent"), 5);

    QTemporaryDir settingsDir; // the window's settings, never the user's
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("PingscopeBench"));

    BenchExecutor executor(failPercent);
    Workspace workspace(&executor);
    Monitor &monitor = *workspace.monitor();
    MainWindow window(&workspace);
    window.resize(1400, 900);

    Profile profile;
    profile.name = QStringLiteral("Benchmark");
    for (int i = 0; i < endpoints; ++i) {
        Endpoint endpoint;
        endpoint.name = QStringLiteral("endpoint %1").arg(i, 5, 10, QLatin1Char('0'));
        endpoint.id = QString::number(i);
        endpoint.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(1024 + i % 60000));
        endpoint.intervalS = intervalS;
        endpoint.failureThreshold = 1;
        endpoint.tags = {QStringLiteral("group%1").arg(i % 10)};
        profile.endpoints << endpoint;
    }
    QElapsedTimer startup;
    startup.start();
    window.loadProfile(profile, {});
    window.show();
    if (sortColumn >= 0)
        window.tableView()->sortByColumn(sortColumn, Qt::AscendingOrder);
    QCoreApplication::processEvents();
    const qint64 startupMs = startup.elapsed();
    window.startMonitoring();

    // Skip the first interval: first runs are spread over it, so it is not the steady state.
    std::vector<double> stallsMs;
    std::vector<double> busyMs;
    stallsMs.reserve(std::size_t(seconds) * 1000);
    busyMs.reserve(std::size_t(seconds) * 1000);
    qint64 lastCpu = threadCpuNs();
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    const qint64 warmupNs = qint64(intervalS) * 1'000'000'000;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (now > warmupNs) {
            stallsMs.push_back(std::max(0.0, double(now - last) / 1e6 - 1.0));
            busyMs.push_back(double(cpu - lastCpu) / 1e6);
        }
        last = now;
        lastCpu = cpu;
    });
    ticker.start();
    const quint64 doneBefore = monitor.counters().done;
    QTimer::singleShot(std::chrono::seconds(intervalS + seconds), &app, &QCoreApplication::quit);
    app.exec();

    const MonitorCounters counters = monitor.counters();
    const double measuredS = double(clock.nsecsElapsed()) / 1e9;
    std::printf("ui_bench: %d endpoints, interval %d s, %d s measured after a %d s warm-up, sorted by column %d, "
                "%d%% failing\n",
                endpoints, intervalS, seconds, intervalS, sortColumn, failPercent);
    std::printf("  startup (load profile + first show): %lld ms\n", startupMs);
    std::printf("  probes: %llu done (%.0f/s), %llu skipped, lateness p50 %.2f ms p99 %.2f ms\n",
                static_cast<unsigned long long>(counters.done - doneBefore),
                double(counters.done - doneBefore) / measuredS, static_cast<unsigned long long>(counters.skipped),
                double(counters.latenessP50.count()) / 1000.0, double(counters.latenessP99.count()) / 1000.0);
    std::printf("  event-loop stalls over %zu ticks: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
                stallsMs.size(), percentile(stallsMs, 50), percentile(stallsMs, 99), percentile(stallsMs, 99.9),
                stallsMs.empty() ? 0.0 : *std::max_element(stallsMs.begin(), stallsMs.end()));
    std::printf("  UI-thread CPU time between ticks: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
                percentile(busyMs, 50), percentile(busyMs, 99), percentile(busyMs, 99.9),
                busyMs.empty() ? 0.0 : *std::max_element(busyMs.begin(), busyMs.end()));
    std::printf(
        "  wall-clock stalls over 16 ms: %lld\n",
        static_cast<long long>(std::count_if(stallsMs.begin(), stallsMs.end(), [](double s) { return s > 16; })));
    std::printf("  RSS %lld MiB, peak %lld MiB\n", rssKiB("VmRSS:") / 1024, rssKiB("VmHWM:") / 1024);
    window.stopMonitoring();
    QCoreApplication::processEvents();
    return 0;
}

#include "ui_bench.moc"
