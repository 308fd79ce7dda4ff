#pragma once

#include "IcmpPacket.h"
#include "async/EngineClock.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <chrono>
#include <memory>

class QSocketNotifier;

// One non-blocking ICMP socket of one family, shared by every probe of that family that runs at the
// same time (a monitor may ping thousands of hosts; one socket with one notifier scales, a socket per
// probe does not). Each probe subscribes with its payload cookie; every datagram that arrives is
// parsed once and handed to the one probe whose cookie it carries. A reply without a subscribed cookie
// (another program's, a probe that already gave up, our own request seen on loopback) is dropped.
class IcmpSocket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IcmpSocket)

public:
    // Datagram: unprivileged "ping" socket (Linux within net.ipv4.ping_group_range, macOS); the kernel
    // picks the identifier and routes replies to us by it. Raw: needs root or CAP_NET_RAW, and sees
    // every ICMP packet of the host, so replies are filtered by identifier as well as by cookie.
    enum class Mode { Datagram, Raw };

    // A probe waiting for replies. Called from inside the socket's read loop: a listener must not
    // destroy the socket from there (the probe resumes through a queued call for that reason).
    class Listener
    {
    public:
        virtual void icmpMessage(const IcmpPacket::Message &message, const QHostAddress &from,
                                 EngineClock::time_point at)
            = 0;

    protected:
        ~Listener() = default;
    };

    // Opens a socket; on failure returns nothing and sets *errorNumber to errno (EACCES or EPERM
    // when the OS does not allow it).
    static std::unique_ptr<IcmpSocket> open(IcmpPacket::Family family, Mode mode, int *errorNumber);
    ~IcmpSocket() override;

    IcmpPacket::Family family() const { return m_family; }
    Mode mode() const { return m_mode; }
    quint16 identifier() const { return m_identifier; }
    quint16 nextSequence() { return m_nextSequence++; }

    // Sends one packet built by IcmpPacket::echoRequest; returns 0 or the errno of the failed send.
    int send(const QHostAddress &to, const QByteArray &packet);

    void subscribe(quint64 cookie, Listener *listener);
    void unsubscribe(quint64 cookie);
    qsizetype listenerCount() const { return m_listeners.size(); }

private:
    IcmpSocket(int fd, IcmpPacket::Family family, Mode mode);
    void readPending();

    int m_fd;
    IcmpPacket::Family m_family;
    Mode m_mode;
    quint16 m_identifier;
    quint16 m_nextSequence;
    QSocketNotifier *m_notifier;
    QHash<quint64, Listener *> m_listeners;
    QByteArray m_buffer;
};
