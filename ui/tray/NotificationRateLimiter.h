#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// Turns a stream of "went down" / "recovered" events into few notifications. Events are gathered
// for a short while before the first notification, and after any notification further events wait
// out a quiet period and then go out as one summary: a network outage that takes a hundred
// endpoints down is one notification, not a hundred.
//
// It keeps no timer of its own: the caller passes the time and calls flush() at nextFlush(), so the
// rules are testable without waiting.
class NotificationRateLimiter final
{
public:
    using Clock = std::chrono::steady_clock;

    struct Notification
    {
        QString title;
        QString message;
        bool anyDown = false;
    };

    explicit NotificationRateLimiter(std::chrono::milliseconds gather = std::chrono::seconds(2),
                                     std::chrono::milliseconds quiet = std::chrono::seconds(30));

    void add(const QString &endpointName, bool wentDown, Clock::time_point now);
    std::optional<Notification> flush(Clock::time_point now); // a notification if one is due now
    std::optional<Clock::time_point> nextFlush() const; // empty when nothing is waiting
    int pending() const { return m_down.size() + m_recovered.size(); }

private:
    static QString names(const QStringList &names);

    std::chrono::milliseconds m_gather;
    std::chrono::milliseconds m_quiet;
    std::optional<Clock::time_point> m_firstPending;
    std::optional<Clock::time_point> m_quietUntil;
    QStringList m_down;
    QStringList m_recovered;
};
