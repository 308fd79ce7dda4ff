#include "history/StatusTimeline.h"

#include <QTest>

// Uptime and outages against cases computed by hand. Times in seconds for reading; the code counts ms.
namespace {
constexpr qint64 s = 1000;

StatusChangeRow change(qint64 at, EndpointStatus status, ErrorKind kind = ErrorKind::None, QString message = {})
{
    return StatusChangeRow{at, status, kind, std::move(message)};
}

HistoryRun run(qint64 start, qint64 end, bool live = false)
{
    return HistoryRun{start, end, live};
}
} // namespace

class TestStatusTimeline final : public QObject
{
    Q_OBJECT

private slots:
    void gapsAreNeverDowntime()
    {
        // Run 1: 0–100 s, up from 0, down from 60 s to its end. Not running 100–200 s. Run 2: 200–300 s, up.
        const QList<StatusChangeRow> changes{change(0, EndpointStatus::Up),
                                             change(60 * s, EndpointStatus::Down, ErrorKind::Refused, "refused"),
                                             change(200 * s, EndpointStatus::Up)};
        const QList<HistoryRun> runs{run(0, 100 * s), run(200 * s, 300 * s)};
        const HistoryUptime uptime = StatusTimeline::uptime("a", changes, runs, {0, 300 * s});
        QCOMPARE(uptime.upMs, 160 * s); // 60 + 100
        QCOMPARE(uptime.downMs, 40 * s); // 60–100 only: the gap is not down
        QCOMPARE(uptime.observedMs(), 200 * s);
        QCOMPARE(*uptime.ratio(), 0.8);
        QCOMPARE(uptime.coverage(), 200.0 / 300.0);

        const auto outages = StatusTimeline::outages("a", changes, runs, {0, 300 * s}, 300 * s);
        QCOMPARE(outages.size(), 1);
        QCOMPARE(outages[0].startMs, 60 * s);
        QCOMPARE(*outages[0].endMs, 100 * s); // ends with the run, not when it answered again
        QCOMPARE(outages[0].durationMs, 40 * s);
        QCOMPARE(outages[0].errorKind, ErrorKind::Refused);
        QCOMPARE(outages[0].message, QStringLiteral("refused"));
    }

    void aRunThatStartedWhileDown()
    {
        // The run starts at 0; the status is unknown until the first probes fail at 10 s (down); up at 50 s.
        const QList<StatusChangeRow> changes{change(10 * s, EndpointStatus::Down, ErrorKind::Timeout, "timed out"),
                                             change(50 * s, EndpointStatus::Up)};
        const QList<HistoryRun> runs{run(0, 100 * s)};
        const HistoryUptime uptime = StatusTimeline::uptime("a", changes, runs, {0, 100 * s});
        QCOMPARE(uptime.upMs, 50 * s);
        QCOMPARE(uptime.downMs, 40 * s); // the unknown first 10 s are neither
        QCOMPARE(uptime.observedMs(), 90 * s);
        const auto outages = StatusTimeline::outages("a", changes, runs, {0, 100 * s}, 100 * s);
        QCOMPARE(outages.size(), 1);
        QCOMPARE(outages[0].startMs, 10 * s);
        QCOMPARE(*outages[0].endMs, 50 * s);
        QCOMPARE(outages[0].errorKind, ErrorKind::Timeout);
    }

    void anOutageSpanningMidnight()
    {
        const qint64 day = 86'400 * s;
        const qint64 hour = 3600 * s;
        const qint64 d1 = 20'000 * day; // a midnight, UTC
        // Running 23:00 on day 1 to 02:00 on day 2; down 23:30–00:30.
        const QList<StatusChangeRow> changes{
            change(d1 - hour, EndpointStatus::Up),
            change(d1 - hour / 2, EndpointStatus::Down, ErrorKind::Dns, "no such name"),
            change(d1 + hour / 2, EndpointStatus::Up)};
        const QList<HistoryRun> runs{run(d1 - hour, d1 + 2 * hour)};
        const HistoryUptime dayTwo = StatusTimeline::uptime("a", changes, runs, {d1, d1 + day});
        QCOMPARE(dayTwo.downMs, hour / 2);
        QCOMPARE(dayTwo.upMs, 3 * hour / 2);
        const HistoryUptime dayOne = StatusTimeline::uptime("a", changes, runs, {d1 - day, d1});
        QCOMPARE(dayOne.downMs, hour / 2);
        QCOMPARE(dayOne.upMs, hour / 2);
        // The outage is listed whole for either day, once.
        for (const HistoryRange range : {HistoryRange{d1, d1 + day}, HistoryRange{d1 - day, d1}}) {
            const auto outages = StatusTimeline::outages("a", changes, runs, range, d1 + 3 * hour);
            QCOMPARE(outages.size(), 1);
            QCOMPARE(outages[0].startMs, d1 - hour / 2);
            QCOMPARE(*outages[0].endMs, d1 + hour / 2);
            QCOMPARE(outages[0].durationMs, hour);
        }
    }

    void aRestartWhileDownIsTwoOutages()
    {
        // Run 1 0–100 s, down from 50 s to its end; run 2 150–250 s, down at once (150 s), up at 200 s.
        const QList<StatusChangeRow> changes{change(0, EndpointStatus::Up), change(50 * s, EndpointStatus::Down),
                                             change(150 * s, EndpointStatus::Down),
                                             change(200 * s, EndpointStatus::Up)};
        const QList<HistoryRun> runs{run(0, 100 * s), run(150 * s, 250 * s)};
        const HistoryUptime uptime = StatusTimeline::uptime("a", changes, runs, {0, 250 * s});
        QCOMPARE(uptime.upMs, 100 * s); // 0–50, 200–250
        QCOMPARE(uptime.downMs, 100 * s); // 50–100, 150–200; not 100–150
        const auto outages = StatusTimeline::outages("a", changes, runs, {0, 250 * s}, 250 * s);
        QCOMPARE(outages.size(), 2);
        QCOMPARE(outages[0].startMs, 50 * s);
        QCOMPARE(*outages[0].endMs, 100 * s);
        QCOMPARE(outages[1].startMs, 150 * s);
        QCOMPARE(*outages[1].endMs, 200 * s);
    }

    void aStatusDoesNotCarryOverARestart()
    {
        // Up in run 1; run 2 has no change at all: nothing of run 2 is observed.
        const QList<StatusChangeRow> changes{change(0, EndpointStatus::Up)};
        const QList<HistoryRun> runs{run(0, 100 * s), run(200 * s, 300 * s)};
        const HistoryUptime uptime = StatusTimeline::uptime("a", changes, runs, {0, 300 * s});
        QCOMPARE(uptime.upMs, 100 * s);
        QCOMPARE(uptime.downMs, 0);
    }

    void anOpenOutageInALiveRun()
    {
        const QList<StatusChangeRow> changes{change(0, EndpointStatus::Up), change(80 * s, EndpointStatus::Down)};
        const QList<HistoryRun> runs{run(0, 100 * s, true)};
        const auto outages = StatusTimeline::outages("a", changes, runs, {0, 100 * s}, 100 * s);
        QCOMPARE(outages.size(), 1);
        QVERIFY(!outages[0].endMs);
        QCOMPARE(outages[0].durationMs, 20 * s);
    }

    void offlineUnknownAndPausedAreNotObserved()
    {
        const QList<StatusChangeRow> changes{change(0, EndpointStatus::Up),
                                             change(10 * s, EndpointStatus::Offline),
                                             change(20 * s, EndpointStatus::Degraded),
                                             change(30 * s, EndpointStatus::Paused),
                                             change(40 * s, EndpointStatus::Down),
                                             change(50 * s, EndpointStatus::Unknown)};
        const HistoryUptime uptime = StatusTimeline::uptime("a", changes, {run(0, 60 * s)}, {0, 60 * s});
        QCOMPARE(uptime.upMs, 20 * s); // up 0–10, degraded 20–30
        QCOMPARE(uptime.downMs, 10 * s);
        QVERIFY(!StatusTimeline::uptime("a", {}, {run(0, 60 * s)}, {0, 60 * s}).ratio());
    }

    void rangeClipsUptimeButNotOutages()
    {
        const QList<StatusChangeRow> changes{change(0, EndpointStatus::Up), change(40 * s, EndpointStatus::Down),
                                             change(80 * s, EndpointStatus::Up)};
        const QList<HistoryRun> runs{run(0, 100 * s)};
        const HistoryUptime uptime = StatusTimeline::uptime("a", changes, runs, {50 * s, 100 * s});
        QCOMPARE(uptime.downMs, 30 * s);
        QCOMPARE(uptime.upMs, 20 * s);
        QCOMPARE(uptime.rangeMs, 50 * s);
        const auto outages = StatusTimeline::outages("a", changes, runs, {50 * s, 100 * s}, 100 * s);
        QCOMPARE(outages.size(), 1);
        QCOMPARE(outages[0].startMs, 40 * s);
        QVERIFY(StatusTimeline::outages("a", changes, runs, {81 * s, 100 * s}, 100 * s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatusTimeline)
#include "tst_statustimeline.moc"
