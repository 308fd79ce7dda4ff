#pragma once

#include "AlertChannelSettings.h"
#include "AlertDelivery.h"
#include "AlertMessage.h"

#include <QCoroTask>

#include <memory>

class NetContext;

// One way to send a message. send() must finish within the channel's timeout and soon after
// context is cancelled, and must not touch the channel after its first suspension: the engine may
// be gone by then, so everything it needs is copied into the coroutine.
class AlertChannel
{
public:
    explicit AlertChannel(AlertChannelSettings settings) : m_settings(std::move(settings)) { }
    virtual ~AlertChannel() = default;
    Q_DISABLE_COPY_MOVE(AlertChannel)

    const AlertChannelSettings &settings() const { return m_settings; }

    // Why the channel cannot send at all here ("apprise is not installed"); empty when it can.
    virtual QString unavailableReason() const { return {}; }

    // secret: the value of {secret}, empty when the channel has none.
    virtual QCoro::Task<AlertDelivery> send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context)
        = 0;

protected:
    // A delivery that failed before anything was sent, as a finished task.
    static QCoro::Task<AlertDelivery> failedAtOnce(QString error);
    static QCoro::Task<AlertDelivery> succeededAtOnce();

private:
    AlertChannelSettings m_settings;
};
