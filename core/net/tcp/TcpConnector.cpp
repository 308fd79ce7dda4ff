#include "TcpConnector.h"

#include "async/DeleteLater.h"
#include "async/EventLatch.h"
#include "net/HostPort.h"

#include <QCoroSignal>

namespace {
QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}
} // namespace

NetError TcpConnector::socketFailure(QAbstractSocket::SocketError error, const QString &errorString,
                                     const QString &where)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return {ErrorKind::Refused,
                QStringLiteral("connection refused by %1 (nothing listens on that port)").arg(where)};
    case QAbstractSocket::NetworkError:
        // Qt reports ENETUNREACH and EHOSTUNREACH this way, with the reason in the text.
        return {ErrorKind::Unreachable, QStringLiteral("cannot reach %1 (%2)").arg(where, lowerFirst(errorString))};
    case QAbstractSocket::SocketTimeoutError:
        return {ErrorKind::Timeout, QStringLiteral("connecting to %1 timed out").arg(where)};
    case QAbstractSocket::SocketAccessError:
        return {ErrorKind::Permission,
                QStringLiteral("not allowed to connect to %1 (%2)").arg(where, lowerFirst(errorString))};
    case QAbstractSocket::RemoteHostClosedError:
        return {ErrorKind::Reset, QStringLiteral("%1 closed the connection").arg(where)};
    default:
        return {ErrorKind::Unreachable,
                QStringLiteral("cannot connect to %1 (%2)").arg(where, lowerFirst(errorString))};
    }
}

QCoro::Task<ConnectOutcome> TcpConnector::connect(QAbstractSocket *socket, std::shared_ptr<HostResolver> resolver,
                                                  QString host, quint16 port, IpFamily family,
                                                  std::shared_ptr<NetContext> context)
{
    ConnectOutcome outcome;
    const auto finish = [&](NetError error) {
        outcome.error = std::move(error);
        return outcome;
    };
    const auto aborted = [&] { return finish(context->abortedError()); };

    context->setPhase(NetPhase::Resolving);
    const ResolveOutcome resolved = co_await resolver->resolve(host, family, context);
    if (context->isAborted())
        co_return aborted();
    outcome.phases.dns = resolved.duration;
    if (!resolved.ok())
        co_return finish(resolved.error);

    context->setPhase(NetPhase::Connecting);
    // abort() emits no error signal; each attempt's latch also listens to the context.
    QObject::connect(context.get(), &NetContext::aborted, socket, [socket] { socket->abort(); });
    std::chrono::microseconds connecting{0};
    NetError lastFailure;
    for (const QHostAddress &address : resolved.addresses) {
        if (context->remaining().count() <= 0)
            break;
        socket->abort(); // forget the previous attempt
        auto latch = makeLater<EventLatch>();
        // The latch resumes us through a queued call, and by then a peer that accepted and hung up at
        // once has made the socket Unconnected again. Remember that the connect itself succeeded.
        auto reached = std::make_shared<bool>(false);
        // The check takes the closure's implicit copy constructor for a reference parameter of this
        // coroutine; the lambda has no parameter and holds the flag by value.
        // NOLINTNEXTLINE(cppcoreguidelines-avoid-reference-coroutine-parameters): false positive
        QObject::connect(socket, &QAbstractSocket::connected, latch.get(), [reached] { *reached = true; });
        QObject::connect(socket, &QAbstractSocket::connected, latch.get(), &EventLatch::trigger);
        QObject::connect(socket, &QAbstractSocket::errorOccurred, latch.get(), &EventLatch::trigger);
        QObject::connect(context.get(), &NetContext::aborted, latch.get(), &EventLatch::trigger);
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
        lastFailure = socketFailure(socket->error(), socket->errorString(), HostPort::join(address, port));
    }
    if (!lastFailure.isError()) // no time left for even one attempt
        co_return aborted();
    co_return finish(std::move(lastFailure));
}
