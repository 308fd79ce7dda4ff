#include "ProbeContext.h"

#include <QTimerEvent>

ProbeContext::ProbeContext(std::chrono::milliseconds timeout, QObject *parent) : QObject(parent), m_timeout(timeout) { }

void ProbeContext::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    if (!isAborted() && m_deadlineTimer == 0)
        m_deadlineTimer = startTimer(m_timeout, Qt::PreciseTimer);
}

void ProbeContext::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_deadlineTimer)
        abort(ErrorKind::Timeout);
    else
        QObject::timerEvent(event);
}

void ProbeContext::cancel()
{
    abort(ErrorKind::Cancelled);
}

void ProbeContext::abort(ErrorKind reason)
{
    if (isAborted())
        return;
    m_abortReason = reason;
    if (m_deadlineTimer != 0)
        killTimer(std::exchange(m_deadlineTimer, 0));
    emit aborted(reason);
}

std::chrono::microseconds ProbeContext::elapsed() const
{
    if (!m_clock.isValid())
        return std::chrono::microseconds{0};
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(m_clock.nsecsElapsed()));
}

std::chrono::milliseconds ProbeContext::remaining() const
{
    const auto left = m_timeout - std::chrono::duration_cast<std::chrono::milliseconds>(elapsed());
    return left.count() > 0 ? left : std::chrono::milliseconds{0};
}

void ProbeContext::setPhase(ProbePhase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

ProbeResult ProbeContext::abortedResult() const
{
    const QString doing = [this] {
        switch (m_phase) {
        case ProbePhase::Starting:
            return QStringLiteral("before it started");
        case ProbePhase::Resolving:
            return QStringLiteral("while resolving the name");
        case ProbePhase::Connecting:
            return QStringLiteral("while connecting");
        case ProbePhase::TlsHandshake:
            return QStringLiteral("during the TLS handshake");
        case ProbePhase::WaitingForFirstByte:
            return QStringLiteral("while waiting for the first byte");
        case ProbePhase::Receiving:
            return QStringLiteral("while receiving");
        case ProbePhase::Pinging:
            return QStringLiteral("while waiting for echo replies");
        }
        return QString();
    }();
    ProbeResult result = m_abortReason == ErrorKind::Cancelled
        ? ProbeResult::failure(ErrorKind::Cancelled, QStringLiteral("cancelled %1").arg(doing))
        : ProbeResult::failure(
            ErrorKind::Timeout,
            QStringLiteral("no answer within %1 ms (timed out %2)").arg(m_timeout.count()).arg(doing));
    result.started = m_startedAt;
    result.latency = elapsed();
    return result;
}
