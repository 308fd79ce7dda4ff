#pragma once

#include <QHash>
#include <QObject>

#include <coroutine>
#include <deque>
#include <list>

// A counting semaphore that coroutines await instead of blocking: the global cap on probes in flight.
//
//     auto slot = semaphore.acquire();
//     const bool granted = co_await slot; // false: the waiter was cancelled and holds nothing
//     ...
//     if (granted) semaphore.release();
//
// Waiters are served strictly first in, first out: a released slot passes to the oldest waiter
// rather than being free for whoever asks next, so a burst of new probes cannot starve old ones.
// cancel(ticket) takes a waiter out of the queue; it resumes with false.
//
// Waiters are resumed from the event loop (a queued call), never inside release() or cancel():
// a probe that answers at once would otherwise resume the next waiter from inside its own
// release, nesting one stack frame per queued probe. Whatever is still waiting or due to resume
// when the semaphore is destroyed is resumed with false from its destructor, so no coroutine frame
// is left suspended for ever.
class AsyncSemaphore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AsyncSemaphore)

public:
    class Acquire;

    explicit AsyncSemaphore(int capacity, QObject *parent = nullptr);
    ~AsyncSemaphore() override;

    // An awaitable for one slot. Await it at once; its ticket() names it for cancel().
    Acquire acquire();

    // Removes a waiter from the queue; it resumes with false. False if it was not waiting
    // (already granted, already cancelled, or unknown).
    bool cancel(quint64 ticket);

    // Gives a granted slot back.
    void release();

    // Takes effect at once for growth; a shrink waits for slots in use to come back.
    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    int inUse() const { return m_inUse; }
    int waiting() const { return int(m_queue.size()); }

private:
    struct Waiter
    {
        quint64 ticket = 0;
        std::coroutine_handle<> handle;
        bool *granted = nullptr; // in the awaiting coroutine's frame, alive while it is suspended
    };

    bool tryTakeFree();
    void enqueue(quint64 ticket, std::coroutine_handle<> handle, bool *granted);
    void grantWaiting();
    void scheduleResume(Waiter waiter, bool granted);
    void resumeReady();

    int m_capacity;
    int m_inUse = 0;
    quint64 m_lastTicket = 0;
    std::list<Waiter> m_queue;
    QHash<quint64, std::list<Waiter>::iterator> m_byTicket;
    std::deque<Waiter> m_ready; // granted or cancelled, to resume from the event loop
    bool m_resumeQueued = false;
};

class AsyncSemaphore::Acquire
{
public:
    quint64 ticket() const { return m_ticket; }

    bool await_ready() noexcept
    {
        m_granted = m_semaphore->tryTakeFree();
        return m_granted;
    }
    void await_suspend(std::coroutine_handle<> handle) { m_semaphore->enqueue(m_ticket, handle, &m_granted); }
    bool await_resume() const noexcept { return m_granted; }

private:
    friend class AsyncSemaphore;
    Acquire(AsyncSemaphore *semaphore, quint64 ticket) : m_semaphore(semaphore), m_ticket(ticket) { }

    AsyncSemaphore *m_semaphore;
    quint64 m_ticket;
    bool m_granted = false;
};
