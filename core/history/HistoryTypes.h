#pragma once

#include "endpoint/ProbeKind.h"
#include "monitor/EndpointStatus.h"
#include "probe/ProbeResult.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>

// Times in the history are milliseconds since the Unix epoch, UTC: what the files store, cheap to
// compare and to send between threads. Helpers convert at the edges (toMs / fromMs).
qint64 historyMsOf(const QDateTime &time);
QDateTime historyTimeOf(qint64 ms);

// One probe result to record, keyed by the endpoint's stable key (its id in the profile), with the
// status the user saw after it.
struct HistoryEntry
{
    QString key;
    ProbeResult result;
    EndpointStatus status = EndpointStatus::Unknown;
};

// A change of shown status that no probe caused (pause, resume, network loss, an edit, a removal).
struct HistoryStatusMark
{
    QString key;
    qint64 timeMs = 0;
    EndpointStatus status = EndpointStatus::Unknown;
};

// What an endpoint is called now. A rename updates it; the key, and so the history, stays.
struct HistoryEndpoint
{
    QString key;
    QString name;
    QString target;
    ProbeKind kind = ProbeKind::Http;

    friend bool operator==(const HistoryEndpoint &, const HistoryEndpoint &) = default;
};

// [fromMs, toMs): the half-open range a query covers.
struct HistoryRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;

    qint64 lengthMs() const { return toMs - fromMs; }
    bool contains(qint64 ms) const { return ms >= fromMs && ms < toMs; }
};

enum class HistoryResolution { Raw, Minute, Hour, Day };

QString historyResolutionName(HistoryResolution resolution); // "raw", "minute", "hour", "day"
qint64 historyBucketMs(HistoryResolution resolution); // 60,000 for minute …; 0 for raw
// The finest resolution that draws range in at most maxPoints points, counting one result per
// intervalMs for raw; raw → minute → hour → day.
HistoryResolution historyResolutionFor(HistoryRange range, int maxPoints, qint64 intervalMs);

// Of a ping probe: echo requests sent and replies received (not each reply's time).
struct HistoryIcmp
{
    int sent = 0;
    int received = 0;

    double lossRatio() const { return sent == 0 ? 0.0 : double(sent - received) / sent; }
    friend bool operator==(const HistoryIcmp &, const HistoryIcmp &) = default;
};

// One stored result, as a query returns it. Durations are kept to 10 µs.
struct HistoryPoint
{
    qint64 timeMs = 0; // when the probe started
    ProbeStatus status = ProbeStatus::Down;
    qint64 latencyUs = 0;
    std::array<std::optional<qint32>, 5> phasesUs; // dns, connect, tls, ttfb, transfer
    std::optional<int> httpStatus;
    ErrorKind errorKind = ErrorKind::None;
    QString message;
    std::optional<HistoryIcmp> icmp;

    friend bool operator==(const HistoryPoint &, const HistoryPoint &) = default;
};

// A latency histogram that merges by adding: log buckets, 16 per power of two (within 2.2 %), so a
// month's percentiles come from rollups. Stored sparse.
class LatencyHistogram final
{
public:
    void record(qint64 us);
    void merge(const LatencyHistogram &other);
    quint64 count() const { return m_count; }
    qint64 percentileUs(double p) const; // nearest rank; the bucket's midpoint; 0 when empty
    bool isEmpty() const { return m_count == 0; }

    QByteArray toBytes() const;
    static std::optional<LatencyHistogram> fromBytes(QByteArrayView bytes);

    friend bool operator==(const LatencyHistogram &, const LatencyHistogram &) = default;

private:
    static int bucketOf(qint64 us);
    static qint64 midpointOf(int bucket);

    QList<std::pair<int, quint32>> m_buckets; // (bucket, count), ascending by bucket
    quint64 m_count = 0;
};

// Counts by status and the latency of the answered results over one bucket of time; buckets of the
// same time merge, so minute rollups make hours and hours make days.
struct HistoryBucket
{
    qint64 startMs = 0;
    quint32 up = 0;
    quint32 degraded = 0;
    quint32 down = 0;
    qint64 latencyMinUs = 0; // over up and degraded results
    qint64 latencyMaxUs = 0;
    qint64 latencySumUs = 0;
    LatencyHistogram histogram;

    quint32 total() const { return up + degraded + down; }
    quint32 answered() const { return up + degraded; }
    double latencyMeanUs() const { return answered() ? double(latencySumUs) / answered() : 0.0; }
    void add(const HistoryPoint &point);
    void merge(const HistoryBucket &other);

    friend bool operator==(const HistoryBucket &, const HistoryBucket &) = default;
};

// A query's answer: raw points, or buckets at the resolution asked for (ascending).
struct HistorySeries
{
    HistoryResolution resolution = HistoryResolution::Raw;
    QList<HistoryPoint> points;
    QList<HistoryBucket> buckets;
};

// When Pingscope was recording into this history. Time outside every run is a gap, never downtime.
struct HistoryRun
{
    qint64 startMs = 0;
    qint64 endMs = 0; // the last moment known to be recorded (now while live)
    bool live = false;
};

// A time the endpoint was Down. Down ends when it answers again or when the run ends.
struct HistoryOutage
{
    QString key;
    qint64 startMs = 0;
    std::optional<qint64> endMs; // empty while still down in a live run
    qint64 durationMs = 0; // to the end, or to now while open
    ErrorKind errorKind = ErrorKind::None; // of the result that made it Down
    QString message;
};

// Up time over observed time in a range. Observed = up + down; time not running, unknown, offline
// or paused is neither.
struct HistoryUptime
{
    QString key;
    qint64 upMs = 0;
    qint64 downMs = 0;
    qint64 rangeMs = 0;

    qint64 observedMs() const { return upMs + downMs; }
    std::optional<double> ratio() const
    {
        return observedMs() > 0 ? std::optional<double>(double(upMs) / double(observedMs())) : std::nullopt;
    }
    double coverage() const { return rangeMs > 0 ? double(observedMs()) / double(rangeMs) : 0.0; }
};

// A failure of the store, for the user: what failed and why, with the file's path.
struct HistoryError
{
    enum class Kind { None, Corrupt, Foreign, NewerSchema, ReadOnly, DiskFull, Io };
    Kind kind = Kind::None;
    QString message;

    explicit operator bool() const { return kind != Kind::None; }
};

Q_DECLARE_METATYPE(HistoryEntry)
Q_DECLARE_METATYPE(HistoryStatusMark)
Q_DECLARE_METATYPE(HistoryEndpoint)
