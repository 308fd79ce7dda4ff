#include "TlsProbe.h"

#include "async/DeleteLater.h"
#include "async/EventLatch.h"
#include "net/HostPort.h"
#include "net/tcp/TcpConnector.h"
#include "net/tls/CertificateCheck.h"

#include <QCoroSignal>
#include <QSslConfiguration>
#include <QSslSocket>

#include <optional>

namespace {
// The system store, read once: a CA file replaces Qt's on-demand loading of the system's roots,
// so both must be given together.
const QList<QSslCertificate> &systemCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

std::optional<QSslConfiguration> configurationFor(const HttpOptions &http, QString *error)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!http.caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(http.caFile, QSsl::Pem);
        if (extra.isEmpty()) {
            *error = QStringLiteral("cannot read a certificate from the CA file %1").arg(http.caFile);
            return std::nullopt;
        }
        configuration.setCaCertificates(systemCertificates() + extra);
    }
    return configuration;
}

// OpenSSL's words when the first bytes back are not a TLS record, e.g. an HTTP answer.
bool looksLikeNotTls(const QString &errorString)
{
    return errorString.contains(QLatin1String("wrong version number"))
        || errorString.contains(QLatin1String("packet length too long"))
        || errorString.contains(QLatin1String("unknown protocol"))
        || errorString.contains(QLatin1String("record layer failure"));
}

// "Error during SSL handshake: error:0A00010B:SSL routines::wrong version number" -> "wrong version number"
QString reasonOf(const QString &errorString)
{
    const QString reason = errorString.section(QLatin1Char(':'), -1).trimmed();
    return reason.isEmpty() ? errorString : reason;
}

NetError handshakeFailure(const QSslSocket &socket, const QString &where)
{
    const QString reason = reasonOf(socket.errorString());
    switch (socket.error()) {
    case QAbstractSocket::SslHandshakeFailedError:
        if (looksLikeNotTls(socket.errorString()))
            return {ErrorKind::Protocol, QStringLiteral("%1 does not speak TLS (%2)").arg(where, reason)};
        return {ErrorKind::Tls, QStringLiteral("TLS handshake with %1 failed (%2)").arg(where, reason)};
    case QAbstractSocket::RemoteHostClosedError:
        return {ErrorKind::Reset, QStringLiteral("%1 closed the connection during the TLS handshake").arg(where)};
    default:
        return TcpConnector::socketFailure(socket.error(), socket.errorString(), where);
    }
}
} // namespace

TlsProbe::TlsProbe(std::shared_ptr<HostResolver> resolver) : m_resolver(std::move(resolver)) { }

QCoro::Task<ProbeResult> TlsProbe::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    auto resolver = m_resolver; // this probe object need not outlive the coroutine
    if (!QSslSocket::supportsSsl())
        co_return ProbeResult::failureAt({ErrorKind::Tls, QStringLiteral("this system has no TLS library")}, *context);
    QString configurationError;
    const std::optional<QSslConfiguration> configuration = configurationFor(spec.http, &configurationError);
    if (!configuration)
        co_return ProbeResult::failureAt({ErrorKind::Tls, configurationError}, *context);

    auto socket = makeLater<QSslSocket>();
    socket->setSslConfiguration(*configuration);
    ConnectOutcome connected = co_await TcpConnector::connect(socket.get(), std::move(resolver), spec.target.host,
                                                              spec.target.port, spec.ipFamily, context);
    if (!connected.connected) {
        socket->abort();
        co_return ProbeResult::failureAt(connected.error, *context, connected.phases);
    }

    context->setPhase(NetPhase::TlsHandshake);
    PhaseTimings phases = connected.phases;
    // Let the handshake finish whatever the verification says, so the certificate can always be
    // reported; whether a failed verification fails the probe is decided below.
    QObject::connect(socket.get(), &QSslSocket::sslErrors, socket.get(),
                     [raw = socket.get()] { raw->ignoreSslErrors(); });
    auto latch = makeLater<EventLatch>();
    QObject::connect(socket.get(), &QSslSocket::encrypted, latch.get(), &EventLatch::trigger);
    QObject::connect(socket.get(), &QAbstractSocket::errorOccurred, latch.get(), &EventLatch::trigger);
    QObject::connect(context.get(), &NetContext::aborted, latch.get(), &EventLatch::trigger);
    socket->setPeerVerifyName(spec.target.host);
    if (socket->state() != QAbstractSocket::ConnectedState) {
        // The peer accepted and hung up before we could say hello; startClientEncryption() would
        // only warn and leave us waiting for the deadline.
        const NetError failure{ErrorKind::Reset,
                               QStringLiteral("%1 closed the connection before the TLS handshake")
                                   .arg(HostPort::join(connected.peer, spec.target.port))};
        co_return ProbeResult::failureAt(failure, *context, phases);
    }
    socket->startClientEncryption();
    co_await qCoro(latch.get(), &EventLatch::done);

    phases.tls = latch->elapsedAtTrigger();
    if (context->isAborted()) {
        socket->abort();
        co_return ProbeResult::failureAt(context->abortedError(), *context, phases);
    }
    const QString where = HostPort::join(connected.peer, spec.target.port);
    if (!socket->isEncrypted()) {
        const NetError failure = handshakeFailure(*socket, where);
        socket->abort();
        co_return ProbeResult::failureAt(failure, *context, phases);
    }

    const QSslCertificate leaf = socket->peerCertificate();
    const QList<QSslError> errors = socket->sslHandshakeErrors();
    socket->disconnectFromHost(); // with a close_notify, as a polite client would

    ProbeResult result;
    result.status = ProbeStatus::Up;
    result.started = context->startedAt();
    result.phases = phases;
    result.latency = phases.dns.value_or(std::chrono::microseconds{0})
        + phases.connect.value_or(std::chrono::microseconds{0}) + *phases.tls;
    result.certificate = CertificateCheck::info(leaf, errors);
    if (spec.http.verifyTls && !errors.isEmpty()) {
        result.status = ProbeStatus::Down;
        result.errorKind = ErrorKind::Tls;
        result.errorMessage = CertificateCheck::failureMessage(errors, leaf, spec.target.host);
    }
    co_return result;
}
