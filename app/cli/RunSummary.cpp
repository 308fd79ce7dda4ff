#include "RunSummary.h"

#include "ProcessUsage.h"

#include <QString>

namespace {

QByteArray number(double value, int decimals)
{
    return QByteArray::number(value, 'f', decimals);
}

QByteArray milliseconds(std::chrono::microseconds duration)
{
    return number(double(duration.count()) / 1000.0, 3);
}

QByteArray field(const char *name, const QByteArray &value)
{
    return QByteArray("\"") + name + "\": " + value;
}

} // namespace

void RunSummary::record(ProbeKind kind, const ProbeResult &result)
{
    if (result.isUp())
        m_latency[kind].record(result.latency);
}

QByteArray RunSummary::render(double durationS, int endpoints, const MonitorCounters &counters) const
{
    // Written by hand rather than through QJsonObject, which would sort the keys: people read this too.
    QByteArrayList kinds;
    for (const auto &[kind, histogram] : m_latency) {
        kinds << field(probeKindName(kind).toLatin1().constData(),
                       "{" + field("p50", milliseconds(histogram.percentile(50))) + ", "
                           + field("p99", milliseconds(histogram.percentile(99))) + ", "
                           + field("count", QByteArray::number(histogram.count())) + "}");
    }
    const ProcessUsage usage = ProcessUsage::now();
    const QByteArrayList fields = {
        field("duration_s", number(durationS, 3)),
        field("endpoints", QByteArray::number(endpoints)),
        field("probes_due", QByteArray::number(counters.due)),
        field("probes_done", QByteArray::number(counters.done)),
        field("probes_failed", QByteArray::number(counters.failed)),
        field("probes_skipped", QByteArray::number(counters.skipped)),
        field("probes_cancelled", QByteArray::number(counters.cancelled)),
        field("lateness_ms",
              "{" + field("p50", milliseconds(counters.latenessP50)) + ", "
                  + field("p99", milliseconds(counters.latenessP99)) + "}"),
        field("latency_ms", "{" + kinds.join(", ") + "}"),
        field("cpu_seconds", number(usage.cpuSeconds, 3)),
        field("peak_rss_mb", number(usage.peakRssMb, 1)),
    };
    return "{" + fields.join(", ") + "}";
}
