#include "PrometheusText.h"

#include "monitor/Monitor.h"

#include <charconv>
#include <chrono>
#include <functional>
#include <vector>

namespace {

using std::chrono::microseconds;

// The shortest text that reads back as the same double, as Prometheus's own Go client writes it.
QByteArray number(double value)
{
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? QByteArray(buffer, int(end - buffer)) : QByteArray("NaN");
}

double seconds(microseconds duration)
{
    return double(duration.count()) / 1e6;
}

// One endpoint's labels, written once and reused for each of its samples.
QByteArray labelsOf(const Endpoint &endpoint)
{
    using PrometheusText::escapeLabelValue;
    return "endpoint=\"" + escapeLabelValue(endpoint.displayName()) + "\",target=\""
        + escapeLabelValue(endpoint.probe.target.toString()) + "\",kind=\""
        + escapeLabelValue(probeKindName(endpoint.probe.target.kind)) + "\",tags=\""
        + escapeLabelValue(endpoint.tags.join(QLatin1Char(','))) + "\"";
}

struct Row
{
    QByteArray labels;
    EndpointState state;
    const std::array<quint64, 3> *tally = nullptr;
};

class Page
{
public:
    explicit Page(qsizetype expected) { m_text.reserve(expected); }

    void family(const char *name, const char *type, const char *help)
    {
        m_text += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    }
    // extra: one more label, already written as name="value", or empty.
    void sample(const char *name, const QByteArray &labels, double value, const QByteArray &extra = {})
    {
        m_text += name;
        if (!labels.isEmpty() || !extra.isEmpty()) {
            m_text += '{';
            m_text += labels;
            if (!labels.isEmpty() && !extra.isEmpty())
                m_text += ',';
            m_text += extra;
            m_text += '}';
        }
        m_text += ' ';
        m_text += number(value);
        m_text += '\n';
    }
    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace

QByteArray PrometheusText::escapeLabelValue(const QString &value)
{
    QByteArray escaped;
    const QByteArray utf8 = value.toUtf8();
    escaped.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

QByteArray PrometheusText::render(const Monitor &monitor, const ResultTallies &tallies, LabelCache &labels)
{
    static const std::array<quint64, 3> none{};
    std::vector<Row> rows;
    rows.reserve(std::size_t(monitor.endpointCount()));
    for (const EndpointId id : monitor.endpointIds()) {
        auto cached = labels.find(id);
        if (cached == labels.end()) {
            const auto endpoint = monitor.endpoint(id);
            if (!endpoint)
                continue;
            cached = labels.emplace(id, labelsOf(*endpoint)).first;
        }
        const auto state = monitor.state(id);
        if (!state)
            continue;
        const auto tally = tallies.find(id);
        rows.push_back(Row{cached->second, *state, tally == tallies.end() ? &none : &tally->second});
    }

    Page page(qsizetype(rows.size()) * 1024 + 4096); // about a kilobyte per endpoint
    // Each family's samples together, as the format requires: one pass over the rows per family.
    const auto perEndpoint
        = [&](const char *name, const char *type, const char *help, const std::function<void(const Row &)> &write) {
              page.family(name, type, help);
              for (const Row &row : rows)
                  write(row);
          };

    perEndpoint(
        "pingscope_up", "gauge", "Whether the endpoint is up or degraded (1) or down (0), after its failure threshold.",
        [&](const Row &row) {
            // Failing is not Down yet: the series keeps the verdict it had (none before a first answer).
            const EndpointStatus status
                = row.state.status == EndpointStatus::Failing ? row.state.verdict : row.state.status;
            if (status == EndpointStatus::Up || status == EndpointStatus::Degraded || status == EndpointStatus::Down)
                page.sample("pingscope_up", row.labels, status == EndpointStatus::Down ? 0 : 1);
        });
    perEndpoint("pingscope_failing", "gauge",
                "Whether the endpoint's last probes failed, fewer in a row than its failure threshold (1), or not (0).",
                [&](const Row &row) {
                    if (row.state.status != EndpointStatus::Paused)
                        page.sample("pingscope_failing", row.labels,
                                    row.state.status == EndpointStatus::Failing ? 1 : 0);
                });
    perEndpoint("pingscope_probe_success", "gauge", "Whether the endpoint's last probe answered (1) or failed (0).",
                [&](const Row &row) {
                    if (row.state.lastResult)
                        page.sample("pingscope_probe_success", row.labels, row.state.lastResult->isUp() ? 1 : 0);
                });
    perEndpoint("pingscope_probe_duration_seconds", "gauge",
                "How long the endpoint's last probe took: phase total, and each phase it measured.",
                [&](const Row &row) {
                    if (!row.state.lastResult)
                        return;
                    const ProbeResult &result = *row.state.lastResult;
                    const auto phase = [&](const char *name, std::optional<microseconds> value) {
                        if (value)
                            page.sample("pingscope_probe_duration_seconds", row.labels, seconds(*value),
                                        QByteArray("phase=\"") + name + '"');
                    };
                    phase("total", result.latency);
                    phase("dns", result.phases.dns);
                    phase("connect", result.phases.connect);
                    phase("tls", result.phases.tls);
                    phase("ttfb", result.phases.ttfb);
                    phase("transfer", result.phases.transfer);
                });
    perEndpoint("pingscope_http_status_code", "gauge", "The HTTP status of the endpoint's last answer.",
                [&](const Row &row) {
                    if (row.state.lastResult && row.state.lastResult->httpStatus)
                        page.sample("pingscope_http_status_code", row.labels, *row.state.lastResult->httpStatus);
                });
    perEndpoint("pingscope_cert_expiry_timestamp_seconds", "gauge",
                "When the endpoint's TLS certificate expires, in Unix time.", [&](const Row &row) {
                    if (row.state.lastResult && row.state.lastResult->certificate
                        && row.state.lastResult->certificate->notAfter.isValid())
                        page.sample("pingscope_cert_expiry_timestamp_seconds", row.labels,
                                    double(row.state.lastResult->certificate->notAfter.toSecsSinceEpoch()));
                });
    perEndpoint("pingscope_icmp_packet_loss_ratio", "gauge",
                "The share of echo requests of the endpoint's last ping probe that got no reply.", [&](const Row &row) {
                    if (row.state.lastResult && row.state.lastResult->icmp)
                        page.sample("pingscope_icmp_packet_loss_ratio", row.labels,
                                    row.state.lastResult->icmp->lossRatio());
                });
    perEndpoint(
        "pingscope_probes_total", "counter", "Probes of the endpoint that finished, by result.", [&](const Row &row) {
            static const QByteArray up("result=\"up\""), degraded("result=\"degraded\""), down("result=\"down\"");
            page.sample("pingscope_probes_total", row.labels, double((*row.tally)[0]), up);
            page.sample("pingscope_probes_total", row.labels, double((*row.tally)[1]), degraded);
            page.sample("pingscope_probes_total", row.labels, double((*row.tally)[2]), down);
        });

    const DurationHistogram &lateness = monitor.latenessHistogram();
    page.family("pingscope_scheduler_lateness_seconds", "histogram",
                "How late probes started after they were due, waiting for the scheduler and a free slot.");
    static constexpr double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    for (const double bound : bounds) {
        const auto limit = microseconds(qint64(bound * 1e6));
        page.sample("pingscope_scheduler_lateness_seconds_bucket", {}, double(lateness.countAtOrBelow(limit)),
                    "le=\"" + number(bound) + '"');
    }
    page.sample("pingscope_scheduler_lateness_seconds_bucket", {}, double(lateness.count()), "le=\"+Inf\"");
    page.sample("pingscope_scheduler_lateness_seconds_sum", {}, seconds(lateness.sum()));
    page.sample("pingscope_scheduler_lateness_seconds_count", {}, double(lateness.count()));

    page.family("pingscope_probes_in_flight", "gauge", "Probes queued for a free slot or running.");
    page.sample("pingscope_probes_in_flight", {}, monitor.counters().inFlight);
    return page.text();
}

QByteArray PrometheusText::renderAlerts(const AlertEngine &engine)
{
    const QList<AlertEngine::ChannelCounters> channels = engine.channelCounters();
    Page page(512 + 256 * channels.size());
    QList<QByteArray> labels;
    for (const AlertEngine::ChannelCounters &channel : channels)
        labels << "channel=\"" + escapeLabelValue(channel.name) + "\",type=\"" + escapeLabelValue(channel.type) + '"';
    page.family("pingscope_alert_messages_total", "counter",
                "Alert messages a channel sent, or failed to send, by result.");
    for (qsizetype i = 0; i < channels.size(); ++i) {
        page.sample("pingscope_alert_messages_total", labels.at(i), double(channels.at(i).messagesSent),
                    "result=\"sent\"");
        page.sample("pingscope_alert_messages_total", labels.at(i), double(channels.at(i).messagesFailed),
                    "result=\"failed\"");
    }
    page.family("pingscope_alert_events_dropped_total", "counter",
                "Alert events a channel never sent: too many waiting, or left at exit.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        page.sample("pingscope_alert_events_dropped_total", labels.at(i), double(channels.at(i).eventsDropped));
    page.family("pingscope_alert_events_pending", "gauge", "Alert events waiting to go out on a channel.");
    for (qsizetype i = 0; i < channels.size(); ++i)
        page.sample("pingscope_alert_events_pending", labels.at(i), double(channels.at(i).eventsPending));
    page.family("pingscope_alert_events_suppressed_total", "counter", "Alert events held back by maintenance windows.");
    page.sample("pingscope_alert_events_suppressed_total", {}, double(engine.eventsSuppressed()));
    return page.text();
}
