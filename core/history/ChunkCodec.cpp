#include "ChunkCodec.h"

#include "ByteCoding.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace {

constexpr char magic = 'C';
constexpr quint8 version = 1;
constexpr quint8 deflatedFlag = 1;
constexpr int streamCount = 7;

enum FlagBits : quint8 {
    StatusMask = 0x03,
    HasHttp = 0x04,
    HasError = 0x08,
    HasIcmp = 0x10,
    HasPhases = 0x20,
};

qint64 units(qint64 us)
{
    return (std::max<qint64>(us, 0) + 5) / 10;
}

quint8 statusCode(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Up:
        return 0;
    case ProbeStatus::Degraded:
        return 1;
    case ProbeStatus::Down:
        return 2;
    }
    return 2;
}

std::optional<QByteArray> inflate(QByteArrayView packed, quint64 plainSize)
{
    if (plainSize > quint64(ChunkCodec::maxPlainBytes))
        return std::nullopt;
    QByteArray plain(qsizetype(plainSize), Qt::Uninitialized);
    uLongf size = uLongf(plainSize);
    if (uncompress(reinterpret_cast<Bytef *>(plain.data()), &size, reinterpret_cast<const Bytef *>(packed.data()),
                   uLong(packed.size()))
            != Z_OK
        || size != plainSize)
        return std::nullopt;
    return plain;
}

// Sums of untrusted deltas wrap instead of overflowing (which would be undefined); the result is
// then checked against a range any real value is in.
qint64 wrapAdd(qint64 a, qint64 b)
{
    return qint64(quint64(a) + quint64(b));
}

constexpr qint64 maxUnits = qint64(1) << 40; // 10 µs units: about 128 days, more than any timeout

std::optional<DecodedChunk> fail(QString *error, const char *what)
{
    if (error)
        *error = QStringLiteral("damaged chunk: %1").arg(QLatin1String(what));
    return std::nullopt;
}

// zlib's compress2 sets up its largest window and hash tables (about 270 KB, allocated, cleared and
// given back for every call): with chunks of a few hundred bytes that was most of the writer's CPU
// (bench/history_bench, perf). A window no larger than the chunk finds the same matches, so the
// stream is sized to it; inflate reads any window size from the stream's header.
QByteArray deflated(const QByteArray &plain)
{
    int windowBits = 9; // zlib's smallest
    while (windowBits < MAX_WBITS && (qsizetype(1) << windowBits) < plain.size())
        ++windowBits;
    const int memLevel = std::clamp(windowBits - 6, 1, MAX_MEM_LEVEL);
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray packed(qsizetype(deflateBound(&stream, uLong(plain.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    stream.avail_in = uInt(plain.size());
    stream.next_out = reinterpret_cast<Bytef *>(packed.data());
    stream.avail_out = uInt(packed.size());
    const bool ended = deflate(&stream, Z_FINISH) == Z_STREAM_END;
    packed.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return ended ? packed : QByteArray();
}

} // namespace

void ChunkEncoder::append(const HistoryPoint &point, quint32 messageId)
{
    if (m_count == 0) {
        m_firstMs = point.timeMs;
        m_lastMs = point.timeMs;
    } else {
        const qint64 delta = point.timeMs - m_lastMs;
        ByteCoding::putSigned(m_streams[Times], delta - m_lastDeltaMs);
        m_lastDeltaMs = delta;
        m_lastMs = point.timeMs;
    }
    quint8 flags = statusCode(point.status);
    bool anyPhase = false;
    for (const auto &phase : point.phasesUs)
        anyPhase = anyPhase || phase.has_value();
    if (point.httpStatus)
        flags |= HasHttp;
    if (point.errorKind != ErrorKind::None || messageId != 0)
        flags |= HasError;
    if (point.icmp)
        flags |= HasIcmp;
    if (anyPhase)
        flags |= HasPhases;
    m_streams[Flags].append(char(flags));

    const qint64 latency = units(point.latencyUs);
    ByteCoding::putSigned(m_streams[Latency], latency - m_lastLatency);
    m_lastLatency = latency;
    if (anyPhase) {
        quint8 mask = 0;
        for (std::size_t i = 0; i < point.phasesUs.size(); ++i)
            mask |= point.phasesUs[i] ? quint8(1u << i) : 0;
        m_streams[Phases].append(char(mask));
        for (std::size_t i = 0; i < point.phasesUs.size(); ++i) {
            if (!point.phasesUs[i])
                continue;
            const qint64 value = units(*point.phasesUs[i]);
            ByteCoding::putSigned(m_streams[Phases], value - m_lastPhases[i]);
            m_lastPhases[i] = value;
        }
    }
    if (point.httpStatus)
        ByteCoding::putVarint(m_streams[Http], quint64(std::max(0, *point.httpStatus)));
    if (flags & HasError) {
        ByteCoding::putVarint(m_streams[Errors], quint64(point.errorKind));
        ByteCoding::putVarint(m_streams[Errors], messageId);
    }
    if (point.icmp) {
        ByteCoding::putVarint(m_streams[Icmp], quint64(std::max(0, point.icmp->sent)));
        ByteCoding::putVarint(m_streams[Icmp], quint64(std::max(0, point.icmp->received)));
    }
    ++m_count;
}

qsizetype ChunkEncoder::byteSize() const
{
    qsizetype size = 0;
    for (const QByteArray &stream : m_streams)
        size += stream.size();
    return size;
}

QByteArray ChunkEncoder::bytes(bool deflate) const
{
    QByteArray plain;
    plain.reserve(byteSize() + 16);
    for (const QByteArray &stream : m_streams)
        ByteCoding::putVarint(plain, quint64(stream.size()));
    for (const QByteArray &stream : m_streams)
        plain += stream;

    const QByteArray packed = deflate ? deflated(plain) : QByteArray(); // empty if zlib could not
    QByteArray out;
    out.append(magic);
    out.append(char(version));
    out.append(char(packed.isEmpty() ? 0 : deflatedFlag));
    ByteCoding::putVarint(out, quint64(m_count));
    ByteCoding::putSigned(out, m_firstMs);
    if (packed.isEmpty())
        return out + plain;
    ByteCoding::putVarint(out, quint64(plain.size()));
    return out + packed;
}

std::optional<DecodedChunk> ChunkCodec::decode(QByteArrayView bytes, QString *error)
{
    ByteCoding::Reader header(bytes);
    const auto first = header.byte();
    const auto ver = header.byte();
    const auto flags = header.byte();
    if (!first || *first != quint8(magic) || !ver || !flags)
        return fail(error, "not a chunk");
    if (*ver != version)
        return fail(error, "unknown chunk version");
    const auto count = header.varint();
    const auto firstMs = header.signedVarint();
    if (!count || !firstMs || *count > quint64(maxPoints))
        return fail(error, "bad header");

    QByteArray inflated;
    QByteArrayView plain = header.rest();
    if (*flags & deflatedFlag) {
        const auto plainSize = header.varint();
        if (!plainSize)
            return fail(error, "bad header");
        auto unpacked = inflate(header.rest(), *plainSize);
        if (!unpacked)
            return fail(error, "does not inflate");
        inflated = std::move(*unpacked);
        plain = inflated;
    }

    ByteCoding::Reader body(plain);
    std::array<ByteCoding::Reader, streamCount> streams{
        ByteCoding::Reader({}), ByteCoding::Reader({}), ByteCoding::Reader({}), ByteCoding::Reader({}),
        ByteCoding::Reader({}), ByteCoding::Reader({}), ByteCoding::Reader({})};
    std::array<quint64, streamCount> sizes{};
    for (auto &size : sizes) {
        const auto value = body.varint();
        if (!value)
            return fail(error, "bad stream table");
        size = *value;
    }
    for (int i = 0; i < streamCount; ++i) {
        const auto part = body.take(sizes[std::size_t(i)]);
        if (!part)
            return fail(error, "stream past the end");
        streams[std::size_t(i)] = ByteCoding::Reader(*part);
    }
    if (!body.atEnd())
        return fail(error, "bytes after the streams");
    // Every result has at least its flags byte, so the flags stream bounds the count honestly.
    if (sizes[1] != *count)
        return fail(error, "count does not match the flags");

    DecodedChunk chunk;
    chunk.points.reserve(qsizetype(*count));
    chunk.messageIds.reserve(qsizetype(*count));
    qint64 time = *firstMs;
    qint64 delta = 0;
    qint64 latency = 0;
    std::array<qint64, 5> phases{};
    auto &[times, flagStream, latencies, phaseStream, https, errors, icmps] = streams;
    for (quint64 n = 0; n < *count; ++n) {
        HistoryPoint point;
        if (n > 0) {
            const auto dod = times.signedVarint();
            if (!dod)
                return fail(error, "times end early");
            delta = wrapAdd(delta, *dod);
            time = wrapAdd(time, delta);
        }
        point.timeMs = time;
        const auto bits = flagStream.byte();
        if (!bits || (*bits & StatusMask) == 3 || (*bits & 0xc0))
            return fail(error, "bad flags");
        point.status = (*bits & StatusMask) == 0 ? ProbeStatus::Up
            : (*bits & StatusMask) == 1          ? ProbeStatus::Degraded
                                                 : ProbeStatus::Down;
        const auto latencyDelta = latencies.signedVarint();
        if (!latencyDelta)
            return fail(error, "latencies end early");
        latency = wrapAdd(latency, *latencyDelta);
        if (latency < 0 || latency > maxUnits)
            return fail(error, "latency out of range");
        point.latencyUs = latency * 10;
        if (*bits & HasPhases) {
            const auto mask = phaseStream.byte();
            if (!mask || (*mask & 0xe0))
                return fail(error, "bad phase mask");
            for (std::size_t i = 0; i < phases.size(); ++i) {
                if (!(*mask & (1u << i)))
                    continue;
                const auto value = phaseStream.signedVarint();
                if (!value)
                    return fail(error, "phases end early");
                phases[i] = wrapAdd(phases[i], *value);
                if (phases[i] < 0 || phases[i] > maxUnits)
                    return fail(error, "phase out of range");
                point.phasesUs[i] = qint32(std::min<qint64>(phases[i] * 10, INT32_MAX));
            }
        }
        if (*bits & HasHttp) {
            const auto code = https.varint();
            if (!code || *code > 999)
                return fail(error, "bad HTTP status");
            point.httpStatus = int(*code);
        }
        quint32 messageId = 0;
        if (*bits & HasError) {
            const auto kind = errors.varint();
            const auto message = errors.varint();
            if (!kind || *kind > quint64(ErrorKind::Cancelled) || !message || *message > 0xffffffffu)
                return fail(error, "bad error");
            point.errorKind = ErrorKind(*kind);
            messageId = quint32(*message);
        }
        if (*bits & HasIcmp) {
            const auto sent = icmps.varint();
            const auto received = icmps.varint();
            if (!sent || !received || *sent > 0xffff || *received > *sent)
                return fail(error, "bad ICMP counts");
            point.icmp = HistoryIcmp{int(*sent), int(*received)};
        }
        chunk.points.append(std::move(point));
        chunk.messageIds.append(messageId);
    }
    for (const auto &stream : streams) {
        if (!stream.atEnd())
            return fail(error, "bytes left in a stream");
    }
    return chunk;
}
