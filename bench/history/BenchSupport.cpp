#include "BenchSupport.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <unistd.h>

void BenchSupport::print(const QByteArray &json)
{
    std::printf("%s\n", json.constData());
    std::fflush(stdout);
}

int BenchSupport::argument(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : fallback;
}

double BenchSupport::msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double BenchSupport::threadCpuSeconds(const QByteArray &name)
{
    const long ticks = sysconf(_SC_CLK_TCK);
    for (const QString &task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(ticks);
    }
    return -1;
}

qint64 BenchSupport::storageWriteBytes()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("write_bytes:"))
            return line.mid(12).trimmed().toLongLong();
    }
    return -1;
}

void BenchSupport::waitDone(QCoro::Task<> task)
{
    bool done = false;
    QEventLoop loop;
    auto run = [](QCoro::Task<> t, bool *d, QEventLoop *l) -> QCoro::Task<> {
        co_await std::move(t);
        *d = true;
        l->quit();
    };
    auto runner = run(std::move(task), &done, &loop);
    if (!done)
        loop.exec();
}
