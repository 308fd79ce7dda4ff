#include "ProbeResult.h"

#include <array>
#include <utility>

namespace {
constexpr std::array errorKindNames{
    std::pair{ErrorKind::None, "none"},
    std::pair{ErrorKind::Dns, "dns"},
    std::pair{ErrorKind::Refused, "refused"},
    std::pair{ErrorKind::Unreachable, "unreachable"},
    std::pair{ErrorKind::Timeout, "timeout"},
    std::pair{ErrorKind::Reset, "reset"},
    std::pair{ErrorKind::Tls, "tls"},
    std::pair{ErrorKind::HttpStatus, "http_status"},
    std::pair{ErrorKind::BodyMismatch, "body_mismatch"},
    std::pair{ErrorKind::TooLarge, "too_large"},
    std::pair{ErrorKind::Redirects, "redirects"},
    std::pair{ErrorKind::Protocol, "protocol"},
    std::pair{ErrorKind::Permission, "permission"},
    std::pair{ErrorKind::Cancelled, "cancelled"},
};
} // namespace

QString probeStatusName(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Up:
        return QStringLiteral("up");
    case ProbeStatus::Degraded:
        return QStringLiteral("degraded");
    case ProbeStatus::Down:
        return QStringLiteral("down");
    }
    return {};
}

QString errorKindName(ErrorKind kind)
{
    for (const auto &[candidate, name] : errorKindNames) {
        if (candidate == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ErrorKind> errorKindFromName(const QString &name)
{
    for (const auto &[kind, text] : errorKindNames) {
        if (name == QLatin1String(text))
            return kind;
    }
    return std::nullopt;
}

QString probePhaseName(ProbePhase phase)
{
    switch (phase) {
    case ProbePhase::Starting:
        return QStringLiteral("starting");
    case ProbePhase::Resolving:
        return QStringLiteral("resolving");
    case ProbePhase::Connecting:
        return QStringLiteral("connecting");
    case ProbePhase::TlsHandshake:
        return QStringLiteral("tls");
    case ProbePhase::WaitingForFirstByte:
        return QStringLiteral("waiting");
    case ProbePhase::Receiving:
        return QStringLiteral("receiving");
    case ProbePhase::Pinging:
        return QStringLiteral("pinging");
    }
    return {};
}

ProbeResult ProbeResult::failure(ErrorKind kind, QString message)
{
    ProbeResult result;
    result.status = ProbeStatus::Down;
    result.errorKind = kind;
    result.errorMessage = std::move(message);
    return result;
}
