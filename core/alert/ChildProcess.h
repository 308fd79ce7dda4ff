#pragma once

#include <QByteArray>
#include <QCoroTask>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class NetContext;

// Runs a program without a shell, input on its stdin, until it exits or context is aborted (its
// deadline or a cancel), when it is killed. Asynchronous: nothing waits on the event loop.
namespace ChildProcess {

struct Outcome
{
    bool started = false;
    bool aborted = false; // killed: the context timed out or was cancelled
    int exitCode = -1; // when it exited normally
    bool crashed = false; // killed by a signal not ours
    QByteArray output; // stdout, at most maximumCaptured bytes
    QByteArray errors; // stderr, likewise
    QString startError; // why it did not start

    bool succeeded() const { return started && !aborted && !crashed && exitCode == 0; }
    // The last non-empty line of stderr, shortened: what a log line can carry.
    QString errorLine() const;
};

inline constexpr qsizetype maximumCaptured = 64LL * 1024;

QCoro::Task<Outcome> run(QString program, QStringList arguments, QProcessEnvironment environment, QByteArray input,
                         std::shared_ptr<NetContext> context);

} // namespace ChildProcess
