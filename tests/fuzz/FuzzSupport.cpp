#include "FuzzSupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace Fuzz {

void fail(const char *condition, const char *file, int line, const QString &detail)
{
    // Control characters spelled out: the detail usually quotes the input, NUL bytes and all.
    QByteArray shown;
    for (const char c : detail.toUtf8()) {
        if (quint8(c) < 0x20 || c == 0x7f)
            shown += "\\x" + QByteArray::number(quint8(c), 16).rightJustified(2, '0');
        else
            shown += c;
    }
    std::fprintf(stderr, "%s:%d: property does not hold: %s\n  %s\n", file, line, condition, shown.constData());
    std::abort();
}

QByteArray Fields::next()
{
    const qsizetype end = m_rest.indexOf(separator);
    // A copy: the input is libFuzzer's buffer, which must not be referenced after the call.
    const QByteArray field = end < 0 ? QByteArray(m_rest.constData(), m_rest.size()) : m_rest.left(end);
    m_rest = end < 0 ? QByteArray() : m_rest.mid(end + 1);
    return field;
}

bool sameTarget(const Target &a, const Target &b)
{
    return a.kind == b.kind && a.host == b.host && a.port == b.port && a.toString() == b.toString()
        && a.url.toEncoded() == b.url.toEncoded();
}

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "pingscope-fuzz";
    static char *argv[] = {name, nullptr};
    // Never destroyed: the fuzzer ends the process with exit(), and objects of the last input may
    // still hold timers.
    static auto *application = new QCoreApplication(argc, argv);
    Q_UNUSED(application);
}

} // namespace Fuzz
