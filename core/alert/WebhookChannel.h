#pragma once

#include "AlertChannel.h"

#include <QPointer>

class CurlMulti;

// A JSON POST (or the method, headers and body template the channel says) through the engine's
// libcurl multi handle, with a timeout per attempt and retries with a doubling backoff. 2xx is
// success; 4xx other than 429 is not retried, since asking again will not change the answer.
class WebhookChannel final : public AlertChannel
{
public:
    WebhookChannel(AlertChannelSettings settings, CurlMulti *multi);

    QCoro::Task<AlertDelivery> send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context) override;

    // The backoff before retry n (0-based): 1 s, 2 s, 4 s … at most 30 s.
    static std::chrono::milliseconds backoff(int retry);
    // What is sent, for tests: the URL, the header lines and the body.
    struct Request
    {
        QByteArray url;
        QList<QByteArray> headers;
        QByteArray body;
    };
    static Request request(const AlertChannelSettings &settings, const AlertMessage &message, const QString &secret);

private:
    QPointer<CurlMulti> m_multi;
};
