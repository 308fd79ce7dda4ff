#include "AresChannel.h"

#include <QSocketNotifier>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace {
void initLibraryOnce()
{
    // Needed on some platforms only, but it must precede the first channel and is cheap.
    static std::once_flag once;
    std::call_once(once, [] { ares_library_init(ARES_LIB_INIT_ALL); });
}

int setServer(ares_channel channel, const DnsServerAddress &server)
{
    ares_addr_port_node node{};
    node.next = nullptr;
    node.udp_port = server.port;
    node.tcp_port = server.port;
    if (server.address.protocol() == QAbstractSocket::IPv4Protocol) {
        node.family = AF_INET;
        const quint32 ip = qToBigEndian(server.address.toIPv4Address());
        std::memcpy(&node.addr.addr4, &ip, sizeof ip);
    } else {
        node.family = AF_INET6;
        const Q_IPV6ADDR ip = server.address.toIPv6Address();
        static_assert(sizeof(node.addr.addr6) == sizeof(ip));
        std::memcpy(&node.addr.addr6, &ip, sizeof ip);
    }
    return ares_set_servers_ports(channel, &node);
}
} // namespace

AresChannel::Settings AresChannel::settingsFor(std::chrono::milliseconds remaining,
                                               std::optional<DnsServerAddress> server)
{
    Settings settings;
    settings.tries = 3; // waits of t, 2t and 4t: 7t in all
    settings.tryTimeout = std::max(remaining / 6, std::chrono::milliseconds(50));
    settings.server = std::move(server);
    return settings;
}

AresChannel::AresChannel(const Settings &settings, QObject *parent) : QObject(parent)
{
    initLibraryOnce();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { process(ARES_SOCKET_BAD, ARES_SOCKET_BAD); });

    ares_options options{};
    options.sock_state_cb = &AresChannel::socketStateCallback;
    options.sock_state_cb_data = this;
    options.timeout = int(settings.tryTimeout.count());
    options.tries = settings.tries;
    options.flags = settings.reportServerErrors ? ARES_FLAG_NOCHECKRESP : 0; // 0 is c-ares's default
    const int mask = ARES_OPT_SOCK_STATE_CB | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS;
    int status = ares_init_options(&m_channel, &options, mask);
    if (status == ARES_SUCCESS && settings.server) {
        status = setServer(m_channel, *settings.server);
        if (status != ARES_SUCCESS) {
            ares_destroy(m_channel);
            m_channel = nullptr;
        }
    }
    if (status != ARES_SUCCESS) {
        m_channel = nullptr;
        m_error = QStringLiteral("cannot set up the DNS resolver: %1").arg(QString::fromUtf8(ares_strerror(status)));
    }
}

AresChannel::~AresChannel()
{
    // Callbacks that ares_destroy runs (ARES_EDESTRUCTION) and its socket-state calls must find
    // nothing to do here.
    m_destroying = true;
    m_timer.stop();
    for (const Watch &watch : std::as_const(m_watches)) {
        delete watch.read;
        delete watch.write;
    }
    m_watches.clear();
    if (m_channel)
        ares_destroy(m_channel);
}

void AresChannel::cancel()
{
    if (!m_channel || m_destroying)
        return;
    ares_cancel(m_channel);
    afterCall();
}

void AresChannel::socketStateCallback(void *data, ares_socket_t fd, int readable, int writable)
{
    static_cast<AresChannel *>(data)->watch(fd, readable != 0, writable != 0);
}

void AresChannel::watch(ares_socket_t fd, bool readable, bool writable)
{
    if (m_destroying)
        return;
    Watch &watch = m_watches[fd];
    if (!readable && !writable) {
        // The socket is being closed, possibly from inside one of these notifiers' own signal.
        for (QSocketNotifier *notifier : {watch.read, watch.write}) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        m_watches.remove(fd);
        return;
    }
    if (readable && !watch.read)
        watch.read = makeNotifier(fd, true);
    if (writable && !watch.write)
        watch.write = makeNotifier(fd, false);
    if (watch.read)
        watch.read->setEnabled(readable);
    if (watch.write)
        watch.write->setEnabled(writable);
}

QSocketNotifier *AresChannel::makeNotifier(ares_socket_t fd, bool forRead)
{
    auto *notifier = new QSocketNotifier(qintptr(fd), forRead ? QSocketNotifier::Read : QSocketNotifier::Write, this);
    connect(notifier, &QSocketNotifier::activated, this,
            [this, fd, forRead] { process(forRead ? fd : ARES_SOCKET_BAD, forRead ? ARES_SOCKET_BAD : fd); });
    return notifier;
}

void AresChannel::process(ares_socket_t readFd, ares_socket_t writeFd)
{
    if (!m_channel || m_destroying)
        return;
    ares_process_fd(m_channel, readFd, writeFd);
    afterCall();
}

void AresChannel::afterCall()
{
    timeval wait{};
    if (ares_timeout(m_channel, nullptr, &wait)) {
        // Round up: waking a little early would only make c-ares find nothing due yet.
        const qint64 ms = qint64(wait.tv_sec) * 1000 + (wait.tv_usec + 999) / 1000;
        m_timer.start(std::chrono::milliseconds(ms));
    } else {
        m_timer.stop();
    }
    if (m_done && !m_doneQueued) {
        m_doneQueued = true;
        QMetaObject::invokeMethod(this, &AresChannel::done, Qt::QueuedConnection);
    }
}
