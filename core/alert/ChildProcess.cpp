#include "ChildProcess.h"

#include "async/DeleteLater.h"
#include "async/EventLatch.h"
#include "net/NetContext.h"

#include <QCoroSignal>
#include <QProcess>

namespace {
void appendCapped(QByteArray &buffer, const QByteArray &more)
{
    buffer.append(more.left(std::max<qsizetype>(0, ChildProcess::maximumCaptured - buffer.size())));
}

// Fills captured with what the process writes, as it comes, and with why it could not start;
// triggers the latch once it finished or failed to start.
void collect(QProcess *process, EventLatch *latch, const std::shared_ptr<ChildProcess::Outcome> &captured)
{
    QObject::connect(process, &QProcess::readyReadStandardOutput, latch,
                     [process, captured] { appendCapped(captured->output, process->readAllStandardOutput()); });
    QObject::connect(process, &QProcess::readyReadStandardError, latch,
                     [process, captured] { appendCapped(captured->errors, process->readAllStandardError()); });
    QObject::connect(process, &QProcess::finished, latch, &EventLatch::trigger);
    QObject::connect(process, &QProcess::errorOccurred, latch,
                     [process, captured, latch](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart) {
                             captured->startError = process->errorString();
                             latch->trigger();
                         }
                     });
}
} // namespace

QString ChildProcess::Outcome::errorLine() const
{
    const QList<QByteArray> lines = errors.split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const QString line = QString::fromUtf8(*it).simplified();
        if (!line.isEmpty())
            return line.size() > 200 ? line.left(200) + QStringLiteral("…") : line;
    }
    return {};
}

QCoro::Task<ChildProcess::Outcome> ChildProcess::run(QString program, QStringList arguments,
                                                     QProcessEnvironment environment, QByteArray input,
                                                     std::shared_ptr<NetContext> context)
{
    Outcome outcome;
    if (context->isAborted()) {
        outcome.aborted = true;
        co_return outcome;
    }
    // Both freed later: the await resumes from the latch's queued signal, and the process must
    // not be deleted while it may still be inside its own signal.
    const auto process = makeLater<QProcess>();
    const auto latch = makeLater<EventLatch>();
    auto captured = std::make_shared<Outcome>();
    process->setProgram(program);
    process->setArguments(arguments);
    process->setProcessEnvironment(environment);
    QProcess *raw = process.get();
    // Outside the coroutine: clang-tidy's coroutine-parameter check takes the parameters of a
    // lambda made in a coroutine (and its closure's copy constructor) for the coroutine's own.
    collect(raw, latch.get(), captured);
    // A kill ends it for sure; finished() follows, and with it the latch.
    QObject::connect(context.get(), &NetContext::aborted, raw, [raw] {
        if (raw->state() != QProcess::NotRunning)
            raw->kill();
    });
    process->start();
    if (process->state() != QProcess::NotRunning) {
        process->write(input);
        process->closeWriteChannel();
    }
    co_await qCoro(latch.get(), &EventLatch::done);

    outcome = *captured;
    outcome.started = captured->startError.isEmpty();
    appendCapped(outcome.output, process->readAllStandardOutput());
    appendCapped(outcome.errors, process->readAllStandardError());
    outcome.aborted = context->isAborted();
    if (outcome.started && !outcome.aborted) {
        outcome.crashed = process->exitStatus() == QProcess::CrashExit;
        outcome.exitCode = process->exitCode();
    }
    co_return outcome;
}
