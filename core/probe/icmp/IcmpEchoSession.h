#pragma once

#include "async/EngineClock.h"
#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "net/icmp/IcmpSocket.h"
#include "probe/ProbeResult.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

// The echo requests of one probe and the replies to them, on a shared IcmpSocket. Sends one request
// at once and the rest icmp.spacingMs apart, and finishes when every request sent has been answered
// (or answered with an ICMP error), when a send fails, or when the context aborts (deadline or
// cancel): then it stops sending, unsubscribes from the socket and emits finished() through a queued
// call, so the probe never resumes inside the socket's read loop and may release the socket freely.
class IcmpEchoSession final : public QObject, private IcmpSocket::Listener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IcmpEchoSession)

public:
    IcmpEchoSession(std::shared_ptr<IcmpSocket> socket, const QHostAddress &destination, IcmpOptions options,
                    std::shared_ptr<NetContext> context);
    ~IcmpEchoSession() override;

    void start();
    bool isFinished() const { return m_finished; }

    // Requests sent (those the deadline cut off are not counted), replies received and their RTTs.
    IcmpReport report() const;

    // Why nothing may come back: a failed send or an ICMP error quoting one of our requests.
    const NetError &error() const { return m_error; }

signals:
    void finished();

private:
    struct Request
    {
        quint16 sequence = 0;
        EngineClock::time_point sentAt;
        std::optional<std::chrono::microseconds> rtt;
        bool failed = false; // an ICMP error came back instead of a reply
    };

    void sendNext();
    void finish();
    void settleIfDone();
    Request *requestOf(quint16 sequence);
    void icmpMessage(const IcmpPacket::Message &message, const QHostAddress &from, EngineClock::time_point at) override;

    std::shared_ptr<IcmpSocket> m_socket;
    QHostAddress m_destination;
    IcmpOptions m_options;
    std::shared_ptr<NetContext> m_context;
    quint64 m_cookie;
    QTimer m_spacing;
    std::vector<Request> m_requests;
    bool m_subscribed = false;
    bool m_finished = false;
    NetError m_error;
};
