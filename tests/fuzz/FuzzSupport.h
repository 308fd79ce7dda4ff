#pragma once

#include "endpoint/Target.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <utility>

// What the fuzz targets share. Each target is one LLVMFuzzerTestOneInput; libFuzzer drives it in
// the clang build (-DPINGSCOPE_FUZZ=ON), FuzzReplayMain.cpp feeds it its corpus in every build.

// Stops the run when a property of the parser does not hold: libFuzzer keeps the input as a crash,
// the replay test fails. A parser that returns nonsense without crashing is found this way too.
#define FUZZ_CHECK(condition, detail)                                                                                  \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            Fuzz::fail(#condition, __FILE__, __LINE__, (detail));                                                      \
    } while (false)

namespace Fuzz {

[[noreturn]] void fail(const char *condition, const char *file, int line, const QString &detail);

// The input as text, as the program would read it from a file or a paste.
inline QString text(const std::uint8_t *data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The start of a binary input, percent-encoded, for the message of a failed check.
inline QString shown(const std::uint8_t *data, std::size_t size)
{
    const auto shownBytes = qsizetype(size < 200 ? size : 200);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(data), shownBytes).toPercentEncoding());
}

// A structured input cut into fields at the byte 0x1f (ASCII's unit separator), which no field the
// targets care about needs, so the fuzzer is free to put newlines, quotes and backslashes anywhere.
class Fields final
{
public:
    static constexpr char separator = '\x1f';

    Fields(const std::uint8_t *data, std::size_t size)
        : m_rest(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)))
    { }
    explicit Fields(QByteArray input) : m_rest(std::move(input)) { }

    // The next field, empty once the input is used up; the last field runs to the end.
    QByteArray next();
    QString nextText() { return QString::fromUtf8(next()); }
    bool atEnd() const { return m_rest.isEmpty(); }

private:
    QByteArray m_rest;
};

// Whether two targets probe the same thing: the same kind, host, port and canonical text (for http,
// the URL curl is given). QUrl's own == is stricter: "#" in a fragment and "%23" differ there, though
// both are sent as %23.
bool sameTarget(const Target &a, const Target &b);

// A QCoreApplication for targets that need an event loop, made on first use and kept for the run.
void ensureApplication();

} // namespace Fuzz
