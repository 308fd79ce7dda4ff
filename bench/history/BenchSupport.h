#pragma once

#include <QByteArray>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStringList>

#include <optional>

// What the history benchmarks share: one line of JSON per measurement, elapsed and CPU time, and
// waiting for a store's task with the event loop running.
namespace BenchSupport {

void print(const QByteArray &json);
// The number after name among arguments ("--endpoints 1000"), else fallback.
int argument(const QStringList &arguments, const QString &name, int fallback);
double msSince(const QElapsedTimer &timer);
// CPU seconds of this process's thread named name (Qt names the OS thread after the QThread's objectName).
double threadCpuSeconds(const QByteArray &name);
// Bytes this process had the kernel write to storage (/proc/self/io write_bytes: page-cache
// writeback counted when the page is dirtied), checkpoints into the main file included.
qint64 storageWriteBytes();

template<typename T> T wait(QCoro::Task<T> task)
{
    std::optional<T> value;
    QEventLoop loop;
    auto run = [](QCoro::Task<T> t, std::optional<T> *into, QEventLoop *l) -> QCoro::Task<> {
        *into = co_await std::move(t);
        l->quit();
    };
    auto runner = run(std::move(task), &value, &loop);
    if (!value)
        loop.exec();
    return std::move(*value);
}

void waitDone(QCoro::Task<> task);

} // namespace BenchSupport
