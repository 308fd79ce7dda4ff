#include "EventLatch.h"

EventLatch::EventLatch(QObject *parent) : QObject(parent)
{
    m_clock.start();
}

void EventLatch::trigger()
{
    if (m_triggered)
        return;
    m_triggered = true;
    m_elapsedAtTrigger
        = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(m_clock.nsecsElapsed()));
    QMetaObject::invokeMethod(this, &EventLatch::done, Qt::QueuedConnection);
}
