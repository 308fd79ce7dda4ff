#include "AlertDelay.h"

#include "async/DeleteLater.h"
#include "async/EventLatch.h"
#include "net/NetContext.h"

#include <QCoroSignal>
#include <QTimer>

QCoro::Task<> AlertDelay::wait(std::chrono::milliseconds delay, std::shared_ptr<NetContext> context)
{
    if (context->isAborted())
        co_return;
    // The latch emits done() from a queued call, so the wait resumes from the event loop, never
    // inside the timer's or the context's signal.
    const auto latch = makeLater<EventLatch>();
    QTimer::singleShot(delay, Qt::PreciseTimer, latch.get(), &EventLatch::trigger);
    QObject::connect(context.get(), &NetContext::aborted, latch.get(), &EventLatch::trigger);
    co_await qCoro(latch.get(), &EventLatch::done);
}
