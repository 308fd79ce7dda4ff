#include "TcpConnector.h"

#include "async/DeleteLater.h"
#include "async/EventLatch.h"

#include <QCoroSignal>

namespace {
QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}
} // namespace

QString TcpConnector::hostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

ProbeResult TcpConnector::socketFailure(QAbstractSocket::SocketError error, const QString &errorString,
                                        const QString &where)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ProbeResult::failure(
            ErrorKind::Refused, QStringLiteral("connection refused by %1 (nothing listens on that port)").arg(where));
    case QAbstractSocket::NetworkError:
        // Qt reports ENETUNREACH and EHOSTUNREACH this way, with the reason in the text.
        return ProbeResult::failure(ErrorKind::Unreachable,
                                    QStringLiteral("cannot reach %1 (%2)").arg(where, lowerFirst(errorString)));
    case QAbstractSocket::SocketTimeoutError:
        return ProbeResult::failure(ErrorKind::Timeout, QStringLiteral("connecting to %1 timed out").arg(where));
    case QAbstractSocket::SocketAccessError:
        return ProbeResult::failure(
            ErrorKind::Permission,
            QStringLiteral("not allowed to connect to %1 (%2)").arg(where, lowerFirst(errorString)));
    case QAbstractSocket::RemoteHostClosedError:
        return ProbeResult::failure(ErrorKind::Reset, QStringLiteral("%1 closed the connection").arg(where));
    default:
        return ProbeResult::failure(ErrorKind::Unreachable,
                                    QStringLiteral("cannot connect to %1 (%2)").arg(where, lowerFirst(errorString)));
    }
}

QCoro::Task<ConnectOutcome> TcpConnector::connect(QAbstractSocket *socket, std::shared_ptr<HostResolver> resolver,
                                                  QString host, quint16 port, IpFamily family,
                                                  std::shared_ptr<ProbeContext> context)
{
    ConnectOutcome outcome;
    const auto finish = [&](ProbeResult failure) {
        failure.started = context->startedAt();
        failure.phases = outcome.phases;
        failure.latency = context->elapsed();
        outcome.failure = std::move(failure);
        return outcome;
    };
    const auto aborted = [&] { return finish(context->abortedResult()); };

    context->setPhase(ProbePhase::Resolving);
    const ResolveOutcome resolved = co_await resolver->resolve(host, family, context);
    if (context->isAborted())
        co_return aborted();
    outcome.phases.dns = resolved.duration;
    if (!resolved.ok())
        co_return finish(ProbeResult::failure(resolved.errorKind, resolved.errorMessage));

    context->setPhase(ProbePhase::Connecting);
    // abort() emits no error signal; each attempt's latch also listens to the context.
    QObject::connect(context.get(), &ProbeContext::aborted, socket, [socket] { socket->abort(); });
    std::chrono::microseconds connecting{0};
    ProbeResult lastFailure;
    for (const QHostAddress &address : resolved.addresses) {
        if (context->remaining().count() <= 0)
            break;
        socket->abort(); // forget the previous attempt
        auto latch = makeLater<EventLatch>();
        // The latch resumes us through a queued call, and by then a peer that accepted and hung up at
        // once has made the socket Unconnected again. Remember that the connect itself succeeded.
        auto reached = std::make_shared<bool>(false);
        QObject::connect(socket, &QAbstractSocket::connected, latch.get(), [reached] { *reached = true; });
        QObject::connect(socket, &QAbstractSocket::connected, latch.get(), &EventLatch::trigger);
        QObject::connect(socket, &QAbstractSocket::errorOccurred, latch.get(), &EventLatch::trigger);
        QObject::connect(context.get(), &ProbeContext::aborted, latch.get(), &EventLatch::trigger);
        socket->connectToHost(address, port);
        co_await qCoro(latch.get(), &EventLatch::done);

        connecting += latch->elapsedAtTrigger();
        outcome.phases.connect = connecting;
        if (context->isAborted())
            co_return aborted();
        if (*reached) {
            outcome.connected = true;
            outcome.peer = address;
            co_return outcome;
        }
        lastFailure = socketFailure(socket->error(), socket->errorString(), hostPort(address, port));
    }
    if (lastFailure.errorKind == ErrorKind::None) // no time left for even one attempt
        co_return aborted();
    co_return finish(std::move(lastFailure));
}
