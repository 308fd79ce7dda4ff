#pragma once

#include <QString>

#include <optional>

// What a target is asked with. https is the http kind with TLS; the scheme lives in the URL.
enum class ProbeKind { Http, Tcp, Tls, Icmp, Dns };

QString probeKindName(ProbeKind kind);
std::optional<ProbeKind> probeKindFromName(const QString &name);
