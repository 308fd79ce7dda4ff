#include "MetricsExporter.h"

#include "BasicAuth.h" // complete for the unique_ptr, though only built where PINGSCOPE_WITH_WEB_CONFIG
#if PINGSCOPE_WITH_WEB_CONFIG
#include "WebConfig.h"
#endif

#include "monitor/Monitor.h"
#include "net/HostPort.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSslConfiguration>

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
    m_server->route(QStringLiteral("/metrics"), [this](const QHttpServerRequest &request) { return answer(request); });
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

#if PINGSCOPE_WITH_WEB_CONFIG
quint16 MetricsExporter::listen(const ListenAddress &where, const WebConfig &config, QString *error)
{
    m_tls = config.hasTls();
    if (!reconfigure(config, error))
        return 0;
    return listen(where, error);
}

bool MetricsExporter::reconfigure(const WebConfig &config, QString *error)
{
    if (config.hasTls() != m_tls) {
        *error = m_tls ? QStringLiteral("the web configuration no longer has TLS: restart to serve plain HTTP")
                       : QStringLiteral("the web configuration has TLS now: restart to serve HTTPS");
        return false;
    }
    if (config.hasTls()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(config.certificateChain);
        tls.setPrivateKey(config.privateKey);
        tls.setProtocol(config.minimumVersion.value_or(QSsl::TlsV1_2OrLater));
        m_server->sslSetup(tls); // used for each connection accepted from now on
    }
    m_auth = config.users.isEmpty() ? nullptr : std::make_unique<BasicAuth>(config.users);
    return true;
}
#endif

QHttpServerResponse MetricsExporter::answer(const QHttpServerRequest &request)
{
#if PINGSCOPE_WITH_WEB_CONFIG
    if (m_auth && !m_auth->allows(request.value("Authorization"))) {
        QHttpServerResponse refused(QByteArray("text/plain; charset=utf-8"), QByteArray("Unauthorized\n"),
                                    QHttpServerResponse::StatusCode::Unauthorized);
        refused.setHeader("WWW-Authenticate", BasicAuth::challenge);
        return refused;
    }
#else
    Q_UNUSED(request)
#endif
    return QHttpServerResponse(QByteArray(PrometheusText::contentType), page());
}

QByteArray MetricsExporter::page() const
{
    QByteArray text = PrometheusText::render(*m_monitor, m_tallies, m_labels);
    if (m_extra)
        text += m_extra();
    if (m_alerts)
        text += PrometheusText::renderAlerts(*m_alerts);
    return m_constantLabels.applyTo(text);
}

void MetricsExporter::count(const QList<EndpointResult> &results)
{
    for (const EndpointResult &result : results)
        ++m_tallies[result.id][std::size_t(result.result.status)];
}
