#include "ProbeKind.h"

#include "net/NameTable.h"

namespace {
constexpr NameTable<ProbeKind, 5> kinds{{
    {ProbeKind::Http, "http"},
    {ProbeKind::Tcp, "tcp"},
    {ProbeKind::Tls, "tls"},
    {ProbeKind::Icmp, "icmp"},
    {ProbeKind::Dns, "dns"},
}};
} // namespace

QString probeKindName(ProbeKind kind)
{
    return nameIn(kinds, kind);
}

std::optional<ProbeKind> probeKindFromName(const QString &name)
{
    return valueIn(kinds, name);
}
