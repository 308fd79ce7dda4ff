#include "PingscopeProcess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTimer>

#include <csignal>

PingscopeProcess::PingscopeProcess(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    m_process.setProcessEnvironment(environment);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { m_out += m_process.readAllStandardOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_err += m_process.readAllStandardError(); });
    QObject::connect(&m_process, &QProcess::finished, &m_process, [this] {
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        m_finished = true;
    });
    m_process.start(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"), arguments);
    m_process.waitForStarted(10000);
}

PingscopeProcess::~PingscopeProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool PingscopeProcess::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (condition() || clock.elapsed() >= timeoutMs)
            loop.quit();
    });
    // Output and the end of the child wake the loop at once, not on the next tick.
    QObject::connect(&m_process, &QProcess::finished, &loop, [&] {
        if (condition())
            loop.quit();
    });
    if (condition())
        return true;
    tick.start(2);
    loop.exec();
    return condition();
}

bool PingscopeProcess::waitForFinished(int timeoutMs)
{
    return waitUntil([this] { return m_finished; }, timeoutMs);
}

bool PingscopeProcess::sendSignal(int signalNumber)
{
    return isRunning() && ::kill(pid_t(m_process.processId()), signalNumber) == 0;
}

qint64 PingscopeProcess::signalAndTimeExit(int signalNumber, int timeoutMs)
{
    QElapsedTimer clock;
    qint64 exitedAfter = -1;
    const auto connection
        = QObject::connect(&m_process, &QProcess::finished, &m_process, [&] { exitedAfter = clock.elapsed(); });
    clock.start();
    ::kill(pid_t(m_process.processId()), signalNumber);
    waitForFinished(timeoutMs);
    QObject::disconnect(connection);
    return exitedAfter;
}

int PingscopeProcess::exitCode() const
{
    if (!m_finished)
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
}

QList<QByteArray> PingscopeProcess::outLines() const
{
    QList<QByteArray> lines = m_out.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

PingscopeRun runPingscope(const QStringList &arguments, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    PingscopeProcess process(arguments);
    process.waitForFinished(timeoutMs);
    return {process.exitCode(), process.out(), process.err(), clock.elapsed()};
}
