#include "TargetDescription.h"

QString TargetDescription::kind(const Target &target)
{
    switch (target.kind) {
    case ProbeKind::Http:
        return target.isHttps() ? tr("HTTPS request") : tr("HTTP request");
    case ProbeKind::Tcp:
        return tr("TCP connect");
    case ProbeKind::Tls:
        return tr("TLS handshake");
    case ProbeKind::Icmp:
        return tr("ICMP ping");
    case ProbeKind::Dns:
        return tr("DNS %1 lookup").arg(dnsRecordTypeName(target.dnsType));
    }
    return {};
}

QString TargetDescription::understoodAs(const Target &target)
{
    return tr("%1 (%2)").arg(target.toString(), kind(target));
}
