#include "IcmpEchoSession.h"

#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

namespace {

// The address alone: a reply to a link-local destination comes back with the scope as an index.
bool sameHost(const QHostAddress &a, const QHostAddress &b)
{
    const Q_IPV6ADDR x = a.toIPv6Address();
    const Q_IPV6ADDR y = b.toIPv6Address();
    return std::memcmp(x.c, y.c, sizeof x.c) == 0;
}

QString unreachableText(IcmpPacket::Family family, quint8 code)
{
    if (family == IcmpPacket::Family::V4) {
        switch (code) {
        case 0:
            return QStringLiteral("network unreachable");
        case 1:
            return QStringLiteral("host unreachable");
        case 9:
        case 10:
        case 13:
            return QStringLiteral("administratively prohibited");
        default:
            return QStringLiteral("destination unreachable (code %1)").arg(code);
        }
    }
    switch (code) {
    case 0:
        return QStringLiteral("no route to the destination");
    case 1:
        return QStringLiteral("administratively prohibited");
    case 3:
        return QStringLiteral("host unreachable");
    default:
        return QStringLiteral("destination unreachable (code %1)").arg(code);
    }
}

} // namespace

IcmpEchoSession::IcmpEchoSession(std::shared_ptr<IcmpSocket> socket, const QHostAddress &destination,
                                 IcmpOptions options, std::shared_ptr<NetContext> context)
    : m_socket(std::move(socket))
    , m_destination(destination)
    , m_options(options)
    , m_context(std::move(context))
    , m_cookie(QRandomGenerator::global()->generate64())
{
    m_options.count = qMax(m_options.count, 1);
    m_options.spacingMs = qMax(m_options.spacingMs, 0);
    m_requests.reserve(size_t(m_options.count));
    m_spacing.setTimerType(Qt::PreciseTimer);
    connect(&m_spacing, &QTimer::timeout, this, &IcmpEchoSession::sendNext);
    connect(m_context.get(), &NetContext::aborted, this, &IcmpEchoSession::finish);
}

IcmpEchoSession::~IcmpEchoSession()
{
    if (m_subscribed)
        m_socket->unsubscribe(m_cookie);
}

void IcmpEchoSession::start()
{
    if (m_context->isAborted()) {
        finish();
        return;
    }
    m_socket->subscribe(m_cookie, this);
    m_subscribed = true;
    sendNext();
    if (!m_finished && int(m_requests.size()) < m_options.count)
        m_spacing.start(m_options.spacingMs);
}

void IcmpEchoSession::sendNext()
{
    if (m_finished)
        return;
    Request request;
    request.sequence = m_socket->nextSequence();
    request.sentAt = EngineClock::now();
    const quint64 sentAtNs
        = quint64(std::chrono::duration_cast<std::chrono::nanoseconds>(request.sentAt.time_since_epoch()).count());
    const QByteArray packet
        = IcmpPacket::echoRequest(m_socket->family(), m_socket->identifier(), request.sequence,
                                  IcmpPacket::echoPayload(m_cookie, m_options.payloadBytes, sentAtNs));
    // Stamped again right before the send, so building the packet is not part of the RTT.
    request.sentAt = EngineClock::now();
    if (const int error = m_socket->send(m_destination, packet)) {
        m_error.kind = error == EACCES || error == EPERM ? ErrorKind::Permission : ErrorKind::Unreachable;
        m_error.message = QStringLiteral("cannot send an echo request to %1: %2")
                              .arg(m_destination.toString(), QString::fromLocal8Bit(std::strerror(error)));
        finish(); // the requests already sent may still have been answered; report() tells
        return;
    }
    m_requests.push_back(request);
    if (int(m_requests.size()) >= m_options.count)
        m_spacing.stop();
}

IcmpEchoSession::Request *IcmpEchoSession::requestOf(quint16 sequence)
{
    for (Request &request : m_requests) {
        if (request.sequence == sequence)
            return &request;
    }
    return nullptr;
}

void IcmpEchoSession::icmpMessage(const IcmpPacket::Message &message, const QHostAddress &from,
                                  EngineClock::time_point at)
{
    if (m_finished)
        return;
    Request *request = requestOf(message.sequence);
    if (!request || request->rtt || request->failed)
        return; // not one of ours, or a duplicate
    if (message.kind == IcmpPacket::Message::Kind::EchoReply) {
        if (!sameHost(from, m_destination))
            return; // our cookie from elsewhere: not an answer from the host we asked
        request->rtt = std::chrono::duration_cast<std::chrono::microseconds>(at - request->sentAt);
    } else {
        request->failed = true;
        m_error.kind = ErrorKind::Unreachable;
        m_error.message = message.kind == IcmpPacket::Message::Kind::TimeExceeded
            ? QStringLiteral("%1 did not answer: the time to live ran out at %2")
                  .arg(m_destination.toString(), from.toString())
            : QStringLiteral("%1 is unreachable: %2 (reported by %3)")
                  .arg(m_destination.toString(), unreachableText(m_socket->family(), message.code), from.toString());
    }
    settleIfDone();
}

void IcmpEchoSession::settleIfDone()
{
    if (int(m_requests.size()) < m_options.count)
        return;
    for (const Request &request : m_requests) {
        if (!request.rtt && !request.failed)
            return;
    }
    finish();
}

void IcmpEchoSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_spacing.stop();
    if (m_subscribed) {
        m_socket->unsubscribe(m_cookie);
        m_subscribed = false;
    }
    // Queued: finish() may run inside the socket's read loop or the context's aborted() emission, and
    // the probe that resumes on finished() may release the socket or the context.
    QMetaObject::invokeMethod(
        this, [this] { emit finished(); }, Qt::QueuedConnection);
}

IcmpReport IcmpEchoSession::report() const
{
    IcmpReport report;
    report.sent = int(m_requests.size());
    for (const Request &request : m_requests) {
        if (request.rtt) {
            ++report.received;
            report.rtts.append(*request.rtt);
        }
    }
    return report;
}
