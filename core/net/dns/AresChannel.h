#pragma once

#include "DnsServerAddress.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <ares.h>

#include <chrono>
#include <optional>

class QSocketNotifier;

// One c-ares channel driven by the Qt event loop: c-ares tells us through its socket-state callback
// which sockets to watch, a QSocketNotifier per socket and direction feeds ares_process_fd, and one
// precise timer set from ares_timeout() drives retransmits.
//
// A channel serves one lookup and is then thrown away. c-ares 1.18 has no answer cache (the query
// cache came in 1.23), and a fresh channel also reads /etc/resolv.conf anew, so a probe always
// measures a real lookup with the system's current resolvers.
//
// The query's callback calls markDone(). c-ares may run it synchronously inside ares_getaddrinfo,
// ares_process_fd or ares_cancel, so done() is always emitted from a queued call: whoever awaits it
// has suspended by then, and never resumes inside c-ares.
class AresChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AresChannel)

public:
    struct Settings
    {
        std::chrono::milliseconds tryTimeout{1000}; // the first try's; c-ares doubles it on each round
        int tries = 3;
        std::optional<DnsServerAddress> server; // none = the system's resolvers
        // End the query on a SERVFAIL, NOTIMP or REFUSED answer instead of moving on to the next
        // server; c-ares 1.18 reports a query whose every server was skipped so as
        // ARES_ECONNREFUSED, losing the server's actual answer.
        bool reportServerErrors = false;
    };

    // Tries spread over the time left: the first after remaining/6, so the retransmits fall inside
    // the probe's timeout and the last try outlasts it. The probe's deadline, not c-ares, then ends
    // a lookup that gets no answer, with kind timeout.
    static Settings settingsFor(std::chrono::milliseconds remaining, std::optional<DnsServerAddress> server);

    explicit AresChannel(const Settings &settings, QObject *parent = nullptr);
    ~AresChannel() override;

    bool isValid() const { return m_channel != nullptr; }
    QString error() const { return m_error; }

    // Starts a query: call(channel) must issue one c-ares request whose callback calls markDone().
    template<typename Call> void start(Call call)
    {
        call(m_channel);
        afterCall();
    }

    // Ends the pending query at once; its callback runs with ARES_ECANCELLED.
    void cancel();

    void markDone() { m_done = true; }
    bool isDone() const { return m_done; }

signals:
    void done(); // once, from a queued call, after markDone()

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static void socketStateCallback(void *data, ares_socket_t fd, int readable, int writable);
    void watch(ares_socket_t fd, bool readable, bool writable);
    QSocketNotifier *makeNotifier(ares_socket_t fd, bool forRead);
    void process(ares_socket_t readFd, ares_socket_t writeFd);
    void afterCall();

    ares_channel m_channel = nullptr;
    QString m_error;
    QHash<ares_socket_t, Watch> m_watches;
    QTimer m_timer;
    bool m_done = false;
    bool m_doneQueued = false;
    bool m_destroying = false;
};
