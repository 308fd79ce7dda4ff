#include "Shard.h"

#include <QRegularExpression>

std::optional<Shard> Shard::parse(const QString &text, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,5})/([0-9]{1,5})$"));
    const auto match = form.match(text);
    const int index = match.hasMatch() ? match.captured(1).toInt() : 0;
    const int count = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (count < 1 || count > maxCount || index < 1 || index > count) {
        *error = QStringLiteral("--shard wants K/N, this agent's share K of N agents, with 1 <= K <= N <= %1 "
                                "(e.g. 2/3; got \"%2\")")
                     .arg(maxCount)
                     .arg(text);
        return std::nullopt;
    }
    return Shard(index, count);
}

quint64 Shard::fnv1a64(const QByteArray &bytes)
{
    quint64 hash = 14695981039346656037ULL; // the FNV offset basis
    for (const char c : bytes) {
        hash ^= quint64(quint8(c));
        hash *= 1099511628211ULL; // the FNV prime
    }
    return hash;
}

int Shard::shardOf(const QString &endpointId, int count)
{
    // Jump consistent hash: a pseudo-random walk seeded by the key jumps over bucket numbers; the
    // last bucket below count is the key's. All integer steps but one division in double, exact in
    // IEEE 754 everywhere, so every platform agrees.
    quint64 key = fnv1a64(endpointId.toUtf8());
    qint64 bucket = -1;
    qint64 next = 0;
    while (next < count) {
        bucket = next;
        key = key * 2862933555777941757ULL + 1;
        next = qint64(double(bucket + 1) * (double(1LL << 31) / double((key >> 33) + 1)));
    }
    return int(bucket) + 1;
}
