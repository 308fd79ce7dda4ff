#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <chrono>

// Turns "the first of several things happened" (connected, an error, the probe's abort) into one
// done() signal a coroutine can await. It notes when the first thing happened, and emits done()
// from a queued call: the thing may happen synchronously, before the coroutine suspends (a socket
// can fail inside connectToHost), and the coroutine must never resume inside another object's
// signal that it may then tear down.
class EventLatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLatch)

public:
    explicit EventLatch(QObject *parent = nullptr);

    void trigger(); // idempotent: only the first call counts
    bool isTriggered() const { return m_triggered; }

    // Time from construction to the first trigger().
    std::chrono::microseconds elapsedAtTrigger() const { return m_elapsedAtTrigger; }

signals:
    void done();

private:
    QElapsedTimer m_clock;
    std::chrono::microseconds m_elapsedAtTrigger{0};
    bool m_triggered = false;
};
