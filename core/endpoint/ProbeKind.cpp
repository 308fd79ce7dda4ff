#include "ProbeKind.h"

#include <array>
#include <utility>

namespace {
template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name,
                            Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    for (const auto &[candidate, text] : table) {
        if (name.compare(QLatin1String(text), cs) == 0)
            return candidate;
    }
    return std::nullopt;
}

constexpr std::array kinds{
    std::pair{ProbeKind::Http, "http"}, std::pair{ProbeKind::Tcp, "tcp"}, std::pair{ProbeKind::Tls, "tls"},
    std::pair{ProbeKind::Icmp, "icmp"}, std::pair{ProbeKind::Dns, "dns"},
};

constexpr std::array recordTypes{
    std::pair{DnsRecordType::A, "A"},         std::pair{DnsRecordType::AAAA, "AAAA"},
    std::pair{DnsRecordType::CNAME, "CNAME"}, std::pair{DnsRecordType::MX, "MX"},
    std::pair{DnsRecordType::TXT, "TXT"},     std::pair{DnsRecordType::NS, "NS"},
    std::pair{DnsRecordType::SRV, "SRV"},
};

constexpr std::array families{
    std::pair{IpFamily::Any, "any"},
    std::pair{IpFamily::V4, "4"},
    std::pair{IpFamily::V6, "6"},
};
} // namespace

QString probeKindName(ProbeKind kind)
{
    return nameOf(kinds, kind);
}

std::optional<ProbeKind> probeKindFromName(const QString &name)
{
    return valueOf(kinds, name);
}

QString dnsRecordTypeName(DnsRecordType type)
{
    return nameOf(recordTypes, type);
}

std::optional<DnsRecordType> dnsRecordTypeFromName(const QString &name)
{
    return valueOf(recordTypes, name, Qt::CaseInsensitive);
}

QString ipFamilyName(IpFamily family)
{
    return nameOf(families, family);
}

std::optional<IpFamily> ipFamilyFromName(const QString &name)
{
    return valueOf(families, name);
}
