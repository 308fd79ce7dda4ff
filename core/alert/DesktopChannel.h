#pragma once

#include "AlertChannel.h"

#include <QPointer>

class DesktopNotifier;

// The desktop notification (the tray's), with an optional sound. Without a notifier (`watch`) it
// fails with a message saying so, once per message, like any channel that cannot deliver.
class DesktopChannel final : public AlertChannel
{
public:
    DesktopChannel(AlertChannelSettings settings, DesktopNotifier *notifier);

    QString unavailableReason() const override;
    QCoro::Task<AlertDelivery> send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context) override;

private:
    DesktopNotifier *m_notifier;
};
