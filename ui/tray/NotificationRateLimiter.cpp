#include "NotificationRateLimiter.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("NotificationRateLimiter", text);
}
} // namespace

NotificationRateLimiter::NotificationRateLimiter(std::chrono::milliseconds gather, std::chrono::milliseconds quiet)
    : m_gather(gather), m_quiet(quiet)
{ }

void NotificationRateLimiter::add(const QString &endpointName, bool wentDown, Clock::time_point now)
{
    // An endpoint that flapped inside one window counts once, as what it did last.
    m_down.removeAll(endpointName);
    m_recovered.removeAll(endpointName);
    (wentDown ? m_down : m_recovered).append(endpointName);
    if (!m_firstPending)
        m_firstPending = now;
}

std::optional<NotificationRateLimiter::Clock::time_point> NotificationRateLimiter::nextFlush() const
{
    if (!m_firstPending)
        return std::nullopt;
    const Clock::time_point gathered = *m_firstPending + m_gather;
    return m_quietUntil && *m_quietUntil > gathered ? *m_quietUntil : gathered;
}

std::optional<NotificationRateLimiter::Notification> NotificationRateLimiter::flush(Clock::time_point now)
{
    const auto due = nextFlush();
    if (!due || now < *due)
        return std::nullopt;

    Notification notification;
    notification.anyDown = !m_down.isEmpty();
    if (m_down.size() + m_recovered.size() == 1) {
        notification.title = notification.anyDown ? tr("%1 is down").arg(m_down.first())
                                                  : tr("%1 is up again").arg(m_recovered.first());
    } else if (m_recovered.isEmpty()) {
        notification.title = tr("%1 endpoints down").arg(m_down.size());
        notification.message = names(m_down);
    } else if (m_down.isEmpty()) {
        notification.title = tr("%1 endpoints recovered").arg(m_recovered.size());
        notification.message = names(m_recovered);
    } else {
        notification.title = tr("%1 down, %2 recovered").arg(m_down.size()).arg(m_recovered.size());
        notification.message = tr("Down: %1\nRecovered: %2").arg(names(m_down), names(m_recovered));
    }
    m_down.clear();
    m_recovered.clear();
    m_firstPending.reset();
    m_quietUntil = now + m_quiet;
    return notification;
}

QString NotificationRateLimiter::names(const QStringList &names)
{
    constexpr int shown = 3;
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return tr("%1 and %2 more").arg(names.first(shown).join(QStringLiteral(", "))).arg(names.size() - shown);
}
