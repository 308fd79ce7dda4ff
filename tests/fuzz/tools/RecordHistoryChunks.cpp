// Writes the history_chunk seed corpus: chunks and rollups as the history store writes them, for a
// steady endpoint, a flapping one with errors and HTTP statuses, and an ICMP one. Run once with the
// corpus folder as its argument; the files are committed.

#include "history/BucketCodec.h"
#include "history/ChunkCodec.h"

#include <QDir>
#include <QFile>

#include <cstdio>

namespace {
HistoryPoint point(qint64 timeMs, ProbeStatus status, qint64 latencyUs)
{
    HistoryPoint p;
    p.timeMs = timeMs;
    p.status = status;
    p.latencyUs = latencyUs;
    return p;
}

bool save(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: record_history_chunks CORPUS_DIR\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const qint64 start = 1'764'000'000'000;

    ChunkEncoder steady;
    QList<HistoryBucket> minutes(2);
    for (int i = 0; i < 120; ++i) {
        HistoryPoint p = point(start + i * 1000 + (i % 3), ProbeStatus::Up, 1200 + 10 * (i % 7));
        p.phasesUs = {100, 300, std::nullopt, 700, 90};
        p.httpStatus = 200;
        steady.append(p, 0);
        minutes[i / 60].startMs = start + (i / 60) * 60'000;
        minutes[i / 60].add(p);
    }

    ChunkEncoder flapping;
    for (int i = 0; i < 40; ++i) {
        const bool down = (i / 5) % 2 == 1;
        HistoryPoint p
            = point(start + i * 5000, down ? ProbeStatus::Down : ProbeStatus::Degraded, down ? 0 : 250'000 + i);
        p.errorKind = down ? ErrorKind::Refused : ErrorKind::None;
        p.httpStatus = down ? std::nullopt : std::optional<int>(503);
        flapping.append(p, down ? quint32(1 + i % 2) : 0);
    }

    ChunkEncoder icmp;
    for (int i = 0; i < 30; ++i) {
        HistoryPoint p = point(start + i * 1000, i % 10 == 9 ? ProbeStatus::Down : ProbeStatus::Up, 80 + i);
        p.icmp = HistoryIcmp{3, i % 10 == 9 ? 0 : 3 - i % 2};
        icmp.append(p, 0);
    }

    const bool ok = save(dir, QStringLiteral("steady-plain"), steady.bytes(false))
        && save(dir, QStringLiteral("steady-deflated"), steady.bytes(true))
        && save(dir, QStringLiteral("flapping-plain"), flapping.bytes(false))
        && save(dir, QStringLiteral("flapping-deflated"), flapping.bytes(true))
        && save(dir, QStringLiteral("icmp-plain"), icmp.bytes(false))
        && save(dir, QStringLiteral("minute-buckets"), BucketCodec::encode(minutes))
        && save(dir, QStringLiteral("empty"), QByteArray());
    return ok ? 0 : 1;
}
