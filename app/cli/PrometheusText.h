#pragma once

#include "alert/AlertEngine.h"
#include "monitor/EndpointId.h"

#include <QByteArray>
#include <QStringList>

#include <array>
#include <unordered_map>

class Monitor;

// The /metrics page of `pingscope watch --metrics-listen`, in the Prometheus text exposition format
// (version 0.0.4). Per endpoint, labelled endpoint, target, kind and tags (comma-separated):
//   pingscope_up                                1 up or degraded, 0 down (absent before a status is known)
//   pingscope_probe_success                     1 if the last probe answered, else 0
//   pingscope_probe_duration_seconds{phase}     the last probe: phase "total" and each phase it measured
//   pingscope_http_status_code                  the last HTTP status
//   pingscope_cert_expiry_timestamp_seconds     the certificate's notAfter, Unix time
//   pingscope_icmp_packet_loss_ratio            of the last ping probe, 0 to 1
//   pingscope_probes_total{result}              probes by result: up, degraded, down
// For the process: pingscope_scheduler_lateness_seconds (histogram) and pingscope_probes_in_flight.
// For alerts (renderAlerts), per channel (labels channel, type): pingscope_alert_messages_total{result}
// (sent, failed), pingscope_alert_events_dropped_total, pingscope_alert_events_pending; and
// pingscope_alert_events_suppressed_total (held back by maintenance windows).
namespace PrometheusText {

// Probes per endpoint by result, indexed by ProbeStatus (up, degraded, down).
using ResultTallies = std::unordered_map<EndpointId, std::array<quint64, 3>>;
// Each endpoint's label text, kept between scrapes: with thousands of endpoints, escaping them all
// anew on every scrape stalls the event loop the probes run on. Drop an entry when its endpoint changes.
using LabelCache = std::unordered_map<EndpointId, QByteArray>;

QByteArray render(const Monitor &monitor, const ResultTallies &tallies, LabelCache &labels);
QByteArray renderAlerts(const AlertEngine &engine);

// A label value as the format wants it: backslash, double quote and newline escaped.
QByteArray escapeLabelValue(const QString &value);

// Every label name the page's series carry (the uptime gauges' window too): watch --label may add
// none of these.
inline const QStringList ownLabels{"endpoint", "target", "kind",    "tags", "phase",
                                   "result",   "le",     "channel", "type", "window"};

inline constexpr char contentType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace PrometheusText
