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
    QObject::connect(raw, &QProcess::readyReadStandardOutput, latch.get(),
                     [raw, captured] { appendCapped(captured->output, raw->readAllStandardOutput()); });
    QObject::connect(raw, &QProcess::readyReadStandardError, latch.get(),
                     [raw, captured] { appendCapped(captured->errors, raw->readAllStandardError()); });
    QObject::connect(raw, &QProcess::finished, latch.get(), &EventLatch::trigger);
    QObject::connect(raw, &QProcess::errorOccurred, latch.get(),
                     [raw, captured, latch = latch.get()](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart) {
                             captured->startError = raw->errorString();
                             latch->trigger();
                         }
                     });
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
