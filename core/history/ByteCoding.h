#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Varints (LEB128) and zig-zag signed values: the building blocks of the chunk and rollup formats.
// The reader never reads past its bytes and says so instead, so it can take any input.
namespace ByteCoding {

inline void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(quint8(value) | 0x80));
        value >>= 7;
    }
    out.append(char(quint8(value)));
}

inline quint64 zigzag(qint64 value)
{
    return (quint64(value) << 1) ^ quint64(value >> 63);
}

inline qint64 unzigzag(quint64 value)
{
    return qint64(value >> 1) ^ -qint64(value & 1);
}

inline void putSigned(QByteArray &out, qint64 value)
{
    putVarint(out, zigzag(value));
}

class Reader final
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) { }

    std::optional<quint64> varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_bytes.size())
                return std::nullopt;
            const auto byte = quint8(m_bytes[m_at++]);
            value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        return std::nullopt; // more than 10 bytes: not a varint this code writes
    }
    std::optional<qint64> signedVarint()
    {
        const auto value = varint();
        return value ? std::optional<qint64>(unzigzag(*value)) : std::nullopt;
    }
    std::optional<quint8> byte()
    {
        if (m_at >= m_bytes.size())
            return std::nullopt;
        return quint8(m_bytes[m_at++]);
    }
    std::optional<QByteArrayView> take(quint64 size)
    {
        if (size > quint64(m_bytes.size() - m_at))
            return std::nullopt;
        const QByteArrayView part = m_bytes.sliced(m_at, qsizetype(size));
        m_at += qsizetype(size);
        return part;
    }
    QByteArrayView rest() const { return m_bytes.sliced(m_at); }
    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
};

} // namespace ByteCoding
