#pragma once

#include "ConstantLabels.h"
#include "PrometheusText.h"
#include "monitor/MonitorUpdates.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class AlertEngine;
class BasicAuth;
class Monitor;
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
struct WebConfig;

// Serves a Monitor's /metrics page over HTTP for Prometheus to scrape, and counts probes by
// result per endpoint (the monitor keeps no such totals).
class MetricsExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsExporter)

public:
    struct ListenAddress
    {
        QHostAddress address;
        quint16 port = 0;
    };

    // "ADDR:PORT", "[v6]:PORT", ":PORT" or "PORT"; with no address, loopback only (127.0.0.1):
    // metrics describe a network from the inside and are not for everyone to read.
    static std::optional<ListenAddress> parseListenAddress(const QString &text);

    explicit MetricsExporter(Monitor *monitor, QObject *parent = nullptr);
    ~MetricsExporter() override;

    // The port listened on (the one picked when asked for 0), or 0 with *error set. With a web
    // configuration: HTTPS with its certificate, and its users only.
    quint16 listen(const ListenAddress &where, QString *error);
#if PINGSCOPE_WITH_WEB_CONFIG
    quint16 listen(const ListenAddress &where, const WebConfig &config, QString *error);
    // Another web configuration while listening (watch reads it again on SIGHUP): a renewed
    // certificate or other users take effect for the next connection. TLS cannot be switched on or
    // off without a restart: false with *error set, and the old configuration stays.
    bool reconfigure(const WebConfig &config, QString *error);
#endif

    // watch --label: put on every series of the page.
    void setConstantLabels(ConstantLabels labels)
    {
        m_constantLabels = std::move(labels);
    }

    // The alert channels' counters join the page; the engine must outlive the exporter.
    void setAlertEngine(const AlertEngine *engine)
    {
        m_alerts = engine;
    }

    QByteArray page() const;
    // More families for the page (watch --history adds the uptime gauges).
    void setExtra(std::function<QByteArray()> extra)
    {
        m_extra = std::move(extra);
    }

private:
    void count(const QList<EndpointResult> &results);
    QHttpServerResponse answer(const QHttpServerRequest &request);

    Monitor *m_monitor;
    const AlertEngine *m_alerts = nullptr;
    std::unique_ptr<QHttpServer> m_server;
    PrometheusText::ResultTallies m_tallies;
    mutable PrometheusText::LabelCache m_labels;
    std::function<QByteArray()> m_extra;
    ConstantLabels m_constantLabels;
    std::unique_ptr<BasicAuth> m_auth; // null: no authentication
    bool m_tls = false;
};
