#include "IcmpWindowsEcho.h"

#include "async/EngineClock.h"
#include "net/icmp/IcmpPacket.h"

#include <QCoroSignal>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QWinEventNotifier>

// The Windows headers must come in this order.
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <icmpapi.h>
// clang-format on

#include <chrono>
#include <cstring>
#include <optional>
#include <vector>

namespace {

// The echo requests of one probe. The OS writes each reply into its buffer until the request's event
// is set, so the session outlives an aborted probe until every request it sent has completed (at the
// latest when the timeout given to the OS, the probe's remaining time, runs out); only then is the
// ICMP handle closed and the memory freed.
class WindowsEchoSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowsEchoSession)

public:
    WindowsEchoSession(QHostAddress address, IcmpOptions options, std::shared_ptr<NetContext> context)
        : m_address(std::move(address))
        , m_v6(m_address.protocol() == QAbstractSocket::IPv6Protocol)
        , m_options(options)
        , m_context(std::move(context))
        , m_cookie(QRandomGenerator::global()->generate64())
    {
        m_options.count = qMax(m_options.count, 1);
        m_requests.reserve(size_t(m_options.count));
        m_handle = m_v6 ? ::Icmp6CreateFile() : ::IcmpCreateFile();
        m_spacing.setTimerType(Qt::PreciseTimer);
        connect(&m_spacing, &QTimer::timeout, this, &WindowsEchoSession::sendNext);
        connect(m_context.get(), &NetContext::aborted, this, &WindowsEchoSession::finish);
    }

    ~WindowsEchoSession() override
    {
        for (Request &request : m_requests) {
            delete request.notifier;
            ::CloseHandle(request.event);
        }
        if (m_handle != INVALID_HANDLE_VALUE)
            ::IcmpCloseHandle(m_handle);
    }

    bool isOpen() const { return m_handle != INVALID_HANDLE_VALUE; }
    bool isFinished() const { return m_finished; }

    void start()
    {
        if (m_context->isAborted()) {
            finish();
            return;
        }
        sendNext();
        if (!m_finished && int(m_requests.size()) < m_options.count)
            m_spacing.start(qMax(m_options.spacingMs, 0));
    }

    // The probe is done with us: go now, or once the OS has finished with every buffer.
    void release()
    {
        m_released = true;
        finish();
        deleteWhenIdle();
    }

    IcmpWindowsEcho::Outcome outcome() const
    {
        IcmpWindowsEcho::Outcome outcome;
        outcome.report.sent = int(m_requests.size());
        for (const Request &request : m_requests) {
            if (request.rtt) {
                ++outcome.report.received;
                outcome.report.rtts.append(*request.rtt);
            }
        }
        outcome.error = m_error;
        return outcome;
    }

signals:
    void finished();

private:
    struct Request
    {
        HANDLE event = nullptr;
        QWinEventNotifier *notifier = nullptr;
        QByteArray payload;
        QByteArray reply;
        EngineClock::time_point sentAt;
        std::optional<std::chrono::microseconds> rtt;
        bool completed = false;
        bool failed = false;
    };

    void sendNext()
    {
        if (m_finished)
            return;
        const DWORD timeoutMs = DWORD(qMax<qint64>(m_context->remaining().count(), 1));
        Request request;
        request.event = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
        request.payload = IcmpPacket::echoPayload(m_cookie, m_options.payloadBytes, 0);
        // Room for one reply, its echoed data, and the IO_STATUS_BLOCK the API asks to be added.
        const qsizetype replySize = (m_v6 ? sizeof(ICMPV6_ECHO_REPLY) : sizeof(ICMP_ECHO_REPLY))
            + request.payload.size() + 8 + sizeof(IO_STATUS_BLOCK);
        request.reply = QByteArray(replySize, '\0');
        request.sentAt = EngineClock::now();
        DWORD sent = 0;
        if (m_v6) {
            sockaddr_in6 source{};
            source.sin6_family = AF_INET6;
            sockaddr_in6 destination{};
            destination.sin6_family = AF_INET6;
            const Q_IPV6ADDR bytes = m_address.toIPv6Address();
            std::memcpy(&destination.sin6_addr, bytes.c, sizeof bytes.c);
            destination.sin6_scope_id = m_address.scopeId().toULong();
            sent = ::Icmp6SendEcho2(m_handle, request.event, nullptr, nullptr, &source, &destination,
                                    request.payload.data(), WORD(request.payload.size()), nullptr, request.reply.data(),
                                    DWORD(request.reply.size()), timeoutMs);
        } else {
            const IPAddr destination = htonl(m_address.toIPv4Address());
            sent = ::IcmpSendEcho2(m_handle, request.event, nullptr, nullptr, destination, request.payload.data(),
                                   WORD(request.payload.size()), nullptr, request.reply.data(),
                                   DWORD(request.reply.size()), timeoutMs);
        }
        const DWORD error = ::GetLastError();
        if (sent == 0 && error != ERROR_IO_PENDING) {
            ::CloseHandle(request.event);
            m_error.kind = ErrorKind::Unreachable;
            m_error.message = QStringLiteral("cannot send an echo request to %1 (Windows error %2)")
                                  .arg(m_address.toString())
                                  .arg(error);
            finish();
            return;
        }
        const size_t index = m_requests.size();
        request.notifier = new QWinEventNotifier(request.event, this);
        connect(request.notifier, &QWinEventNotifier::activated, this, [this, index] { completed(index); });
        m_requests.push_back(std::move(request));
        if (int(m_requests.size()) >= m_options.count)
            m_spacing.stop();
    }

    void completed(size_t index)
    {
        const EngineClock::time_point at = EngineClock::now();
        Request &request = m_requests[index];
        if (request.completed)
            return;
        request.completed = true;
        request.notifier->setEnabled(false);
        if (!m_finished)
            record(request, at);
        if (m_released)
            deleteWhenIdle();
        else if (!m_finished)
            settleIfDone();
    }

    void record(Request &request, EngineClock::time_point at)
    {
        ULONG status = IP_REQ_TIMED_OUT;
        if (m_v6) {
            if (::Icmp6ParseReplies(request.reply.data(), DWORD(request.reply.size())) > 0)
                status = reinterpret_cast<const ICMPV6_ECHO_REPLY *>(request.reply.constData())->Status;
        } else if (::IcmpParseReplies(request.reply.data(), DWORD(request.reply.size())) > 0) {
            status = reinterpret_cast<const ICMP_ECHO_REPLY *>(request.reply.constData())->Status;
        }
        switch (status) {
        case IP_SUCCESS:
            request.rtt = std::chrono::duration_cast<std::chrono::microseconds>(at - request.sentAt);
            break;
        case IP_REQ_TIMED_OUT:
            break; // lost; the deadline ends the probe
        case IP_TTL_EXPIRED_TRANSIT:
            request.failed = true;
            m_error.kind = ErrorKind::Unreachable;
            m_error.message = QStringLiteral("%1 did not answer: the time to live ran out").arg(m_address.toString());
            break;
        default: // IP_DEST_HOST_UNREACHABLE, IP_DEST_NET_UNREACHABLE, IP_DEST_PROHIBITED, …
            request.failed = true;
            m_error.kind = ErrorKind::Unreachable;
            m_error.message = QStringLiteral("%1 is unreachable (IP status %2)").arg(m_address.toString()).arg(status);
            break;
        }
    }

    void settleIfDone()
    {
        if (int(m_requests.size()) < m_options.count)
            return;
        for (const Request &request : m_requests) {
            if (!request.rtt && !request.failed)
                return;
        }
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_spacing.stop();
        // Queued, as on POSIX: the probe resumes from the event loop, never inside our own slot.
        QMetaObject::invokeMethod(
            this, [this] { emit finished(); }, Qt::QueuedConnection);
    }

    void deleteWhenIdle()
    {
        for (const Request &request : m_requests) {
            if (!request.completed)
                return;
        }
        deleteLater();
    }

    QHostAddress m_address;
    bool m_v6;
    IcmpOptions m_options;
    std::shared_ptr<NetContext> m_context;
    quint64 m_cookie;
    HANDLE m_handle = INVALID_HANDLE_VALUE;
    QTimer m_spacing;
    std::vector<Request> m_requests;
    bool m_finished = false;
    bool m_released = false;
    ErrorKind m_error.kind = ErrorKind::None;
    QString m_errorMessage;
};

} // namespace

QCoro::Task<IcmpWindowsEcho::Outcome> IcmpWindowsEcho::ping(QHostAddress address, IcmpOptions options,
                                                            std::shared_ptr<NetContext> context)
{
    auto *session = new WindowsEchoSession(std::move(address), options, context);
    if (!session->isOpen()) {
        Outcome outcome;
        outcome.errorKind = ErrorKind::Permission;
        outcome.errorMessage = QStringLiteral("cannot open the Windows ICMP service (error %1)").arg(::GetLastError());
        session->release();
        co_return outcome;
    }
    session->start();
    if (!session->isFinished())
        co_await qCoro(session, &WindowsEchoSession::finished);
    const Outcome outcome = session->outcome();
    session->release();
    co_return outcome;
}

#include "IcmpWindowsEcho.moc"
