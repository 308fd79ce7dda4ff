#include "NetContext.h"

#include <QTimerEvent>

NetContext::NetContext(std::chrono::milliseconds timeout, QObject *parent) : QObject(parent), m_timeout(timeout) { }

void NetContext::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    if (!isAborted() && m_deadlineTimer == 0)
        m_deadlineTimer = startTimer(m_timeout, Qt::PreciseTimer);
}

void NetContext::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_deadlineTimer)
        abort(ErrorKind::Timeout);
    else
        QObject::timerEvent(event);
}

void NetContext::cancel()
{
    abort(ErrorKind::Cancelled);
}

void NetContext::abort(ErrorKind reason)
{
    if (isAborted())
        return;
    m_abortReason = reason;
    if (m_deadlineTimer != 0)
        killTimer(std::exchange(m_deadlineTimer, 0));
    emit aborted(reason);
}

std::chrono::microseconds NetContext::elapsed() const
{
    if (!m_clock.isValid())
        return std::chrono::microseconds{0};
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(m_clock.nsecsElapsed()));
}

std::chrono::milliseconds NetContext::remaining() const
{
    const auto left = m_timeout - std::chrono::duration_cast<std::chrono::milliseconds>(elapsed());
    return left.count() > 0 ? left : std::chrono::milliseconds{0};
}

void NetContext::setPhase(NetPhase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

NetError NetContext::abortedError() const
{
    if (!isAborted())
        return {};
    const QString doing = [this] {
        switch (m_phase) {
        case NetPhase::Starting:
            return QStringLiteral("before it started");
        case NetPhase::Resolving:
            return QStringLiteral("while resolving the name");
        case NetPhase::Connecting:
            return QStringLiteral("while connecting");
        case NetPhase::TlsHandshake:
            return QStringLiteral("during the TLS handshake");
        case NetPhase::WaitingForFirstByte:
            return QStringLiteral("while waiting for the first byte");
        case NetPhase::Receiving:
            return QStringLiteral("while receiving");
        case NetPhase::Pinging:
            return QStringLiteral("while waiting for echo replies");
        }
        return QString();
    }();
    if (m_abortReason == ErrorKind::Cancelled)
        return {ErrorKind::Cancelled, QStringLiteral("cancelled %1").arg(doing)};
    return {ErrorKind::Timeout,
            QStringLiteral("no answer within %1 ms (timed out %2)").arg(m_timeout.count()).arg(doing)};
}
