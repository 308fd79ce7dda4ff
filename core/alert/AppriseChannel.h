#pragma once

#include "AlertChannel.h"

// An Apprise URL (mailto://, slack://, ntfys://, tgram:// … 90+ services) through the `apprise`
// program, run without a shell. Nothing of the message and nothing secret is on its command line,
// where any user of the machine could read it: the URL goes in the environment (APPRISE_URLS),
// the text on stdin, and the title names only what happened ("Pingscope: 3 down").
class AppriseChannel final : public AlertChannel
{
public:
    explicit AppriseChannel(AlertChannelSettings settings);

    QString unavailableReason() const override;
    QCoro::Task<AlertDelivery> send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context) override;

    // The program found on PATH, or empty.
    static QString program();
    static QString missingText(); // what the editor and the log say when it is not installed
};
