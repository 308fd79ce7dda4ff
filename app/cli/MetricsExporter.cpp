#include "MetricsExporter.h"

#include "monitor/Monitor.h"
#include "net/HostPort.h"

#include <QHttpServer>
#include <QHttpServerResponse>

std::optional<MetricsExporter::ListenAddress> MetricsExporter::parseListenAddress(const QString &text)
{
    QString host;
    QString port = text;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return std::nullopt;
    ListenAddress where;
    where.port = quint16(number);
    if (host.isEmpty() || host == QLatin1String("localhost"))
        where.address = QHostAddress(QHostAddress::LocalHost);
    else if (!where.address.setAddress(host))
        return std::nullopt;
    return where;
}

MetricsExporter::MetricsExporter(Monitor *monitor, QObject *parent)
    : QObject(parent), m_monitor(monitor), m_server(std::make_unique<QHttpServer>())
{
    connect(monitor, &Monitor::resultsReady, this, &MetricsExporter::count);
    connect(monitor, &Monitor::endpointsRemoved, this, [this](const QList<EndpointId> &ids) {
        for (const EndpointId id : ids) {
            m_tallies.erase(id);
            m_labels.erase(id);
        }
    });
    connect(monitor, &Monitor::endpointUpdated, this, [this](EndpointId id) { m_labels.erase(id); });
    m_server->route(QStringLiteral("/metrics"),
                    [this] { return QHttpServerResponse(QByteArray(PrometheusText::contentType), page()); });
}

MetricsExporter::~MetricsExporter() = default;

quint16 MetricsExporter::listen(const ListenAddress &where, QString *error)
{
    const quint16 port = m_server->listen(where.address, where.port);
    if (port == 0) {
        *error = QStringLiteral("cannot listen on %1 (in use, or not an address of this machine)")
                     .arg(HostPort::join(where.address, where.port));
    }
    return port;
}

QByteArray MetricsExporter::page() const
{
    QByteArray text = PrometheusText::render(*m_monitor, m_tallies, m_labels);
    if (m_extra)
        text += m_extra();
    if (m_alerts)
        text += PrometheusText::renderAlerts(*m_alerts);
    return text;
}

void MetricsExporter::count(const QList<EndpointResult> &results)
{
    for (const EndpointResult &result : results)
        ++m_tallies[result.id][std::size_t(result.result.status)];
}
