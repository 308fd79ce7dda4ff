#pragma once

#include "AlertChannel.h"

#include <QProcessEnvironment>

// Runs a program with arguments, no shell: each argument is one template and stays one argument
// whatever an endpoint's name holds. The message is in PINGSCOPE_* environment variables and, as
// JSON, on stdin. Exit code 0 is success; otherwise the exit code and stderr go to the log.
class CommandChannel final : public AlertChannel
{
public:
    explicit CommandChannel(AlertChannelSettings settings);

    QCoro::Task<AlertDelivery> send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context) override;

    static QStringList arguments(const AlertChannelSettings &settings, const AlertMessage &message,
                                 const QString &secret);
    // PINGSCOPE_EVENT, PINGSCOPE_ENDPOINT … one per template field but events and secret.
    static QProcessEnvironment environment(const AlertMessage &message);
};
