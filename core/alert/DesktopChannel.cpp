#include "DesktopChannel.h"

#include "DesktopNotifier.h"

DesktopChannel::DesktopChannel(AlertChannelSettings settings, DesktopNotifier *notifier)
    : AlertChannel(std::move(settings)), m_notifier(notifier)
{ }

QString DesktopChannel::unavailableReason() const
{
    return m_notifier ? QString()
                      : QStringLiteral("there is no desktop to notify here (pingscope watch runs without one)");
}

QCoro::Task<AlertDelivery> DesktopChannel::send(AlertMessage message, QString, std::shared_ptr<NetContext>)
{
    if (!m_notifier)
        return failedAtOnce(unavailableReason());
    // Synchronous: showing a notification does not wait on anyone.
    const QString problem = m_notifier->notify(message.title(), message.text(), message.severity(), settings().sound,
                                               settings().soundFile);
    return problem.isEmpty() ? succeededAtOnce() : failedAtOnce(problem);
}
