#pragma once

#include <QString>

#include <optional>

// `watch --shard K/N`: this agent's share of a profile, so that N agents given the same profile and
// the shards 1/N … N/N probe every endpoint exactly once between them.
//
// An endpoint belongs to a shard by its stable id alone (Endpoint::id), never by its place in the
// file, so editing the profile moves no other endpoint. The id's UTF-8 bytes are hashed with 64-bit
// FNV-1a (a fixed function: the same on every run, machine and Qt version, unlike qHash, which is
// seeded per process), and the hash picks a shard by jump consistent hashing (Lamping and Veach,
// 2014): going from N to N+1 agents moves only the endpoints the new agent takes, about 1/(N+1).
class Shard final
{
public:
    // "K/N" with 1 <= K <= N <= maxCount; on anything else nothing, with *error set to one line.
    static std::optional<Shard> parse(const QString &text, QString *error);

    static constexpr int maxCount = 10000;

    Shard() = default; // 1/1: everything
    Shard(int index, int count) : m_index(index), m_count(count) { }

    int index() const { return m_index; } // 1 to count
    int count() const { return m_count; }
    bool isWhole() const { return m_count == 1; }
    bool contains(const QString &endpointId) const { return shardOf(endpointId, m_count) == m_index; }
    QString toString() const { return QStringLiteral("%1/%2").arg(m_index).arg(m_count); }

    static quint64 fnv1a64(const QByteArray &bytes);
    // The shard (1 to count) an endpoint id falls in.
    static int shardOf(const QString &endpointId, int count);

private:
    int m_index = 1;
    int m_count = 1;
};
