#include "AsyncSemaphore.h"

#include <QPointer>

#include <algorithm>

AsyncSemaphore::AsyncSemaphore(int capacity, QObject *parent) : QObject(parent), m_capacity(std::max(1, capacity)) { }

AsyncSemaphore::~AsyncSemaphore()
{
    // Nothing may stay suspended on a semaphore that is gone: resume every waiter with false.
    // A slot granted but not yet taken up is void too: there is nothing left to release it to.
    m_ready.insert(m_ready.end(), m_queue.begin(), m_queue.end());
    m_queue.clear();
    m_byTicket.clear();
    for (const Waiter &waiter : m_ready)
        *waiter.granted = false;
    while (!m_ready.empty()) {
        const Waiter waiter = m_ready.front();
        m_ready.pop_front();
        waiter.handle.resume();
    }
}

AsyncSemaphore::Acquire AsyncSemaphore::acquire()
{
    return Acquire(this, ++m_lastTicket);
}

bool AsyncSemaphore::tryTakeFree()
{
    // Free slots go to the queue first; a newcomer only takes one when nobody is waiting.
    if (!m_queue.empty() || m_inUse >= m_capacity)
        return false;
    ++m_inUse;
    return true;
}

void AsyncSemaphore::enqueue(quint64 ticket, std::coroutine_handle<> handle, bool *granted)
{
    m_queue.push_back(Waiter{ticket, handle, granted});
    m_byTicket.insert(ticket, std::prev(m_queue.end()));
}

bool AsyncSemaphore::cancel(quint64 ticket)
{
    const auto found = m_byTicket.find(ticket);
    if (found == m_byTicket.end())
        return false;
    const Waiter waiter = *found.value();
    m_queue.erase(found.value());
    m_byTicket.erase(found);
    scheduleResume(waiter, false);
    return true;
}

void AsyncSemaphore::release()
{
    Q_ASSERT(m_inUse > 0);
    if (m_inUse > 0)
        --m_inUse;
    grantWaiting();
}

void AsyncSemaphore::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    grantWaiting();
}

void AsyncSemaphore::grantWaiting()
{
    while (m_inUse < m_capacity && !m_queue.empty()) {
        const Waiter waiter = m_queue.front();
        m_queue.pop_front();
        m_byTicket.remove(waiter.ticket);
        ++m_inUse; // the slot belongs to this waiter from now, even before it resumes
        scheduleResume(waiter, true);
    }
}

void AsyncSemaphore::scheduleResume(Waiter waiter, bool granted)
{
    *waiter.granted = granted;
    m_ready.push_back(waiter);
    if (!m_resumeQueued) {
        m_resumeQueued = true;
        QMetaObject::invokeMethod(this, &AsyncSemaphore::resumeReady, Qt::QueuedConnection);
    }
}

void AsyncSemaphore::resumeReady()
{
    m_resumeQueued = false;
    // Waiters that a resumed coroutine makes ready wait for the next pass, so this loop is bounded.
    std::deque<Waiter> ready;
    ready.swap(m_ready);
    const QPointer<AsyncSemaphore> self(this);
    while (!ready.empty()) {
        const Waiter waiter = ready.front();
        ready.pop_front();
        waiter.handle.resume();
        if (!self) {
            // Destroyed by what that coroutine did; its destructor resumed only what it still held.
            for (const Waiter &left : ready) {
                *left.granted = false;
                left.handle.resume();
            }
            return;
        }
    }
}
