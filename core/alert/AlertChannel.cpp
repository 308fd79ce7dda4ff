#include "AlertChannel.h"

QCoro::Task<AlertDelivery> AlertChannel::failedAtOnce(QString error)
{
    co_return AlertDelivery{false, std::move(error), {}, 1};
}

QCoro::Task<AlertDelivery> AlertChannel::succeededAtOnce()
{
    co_return AlertDelivery{true, {}, {}, 1};
}
