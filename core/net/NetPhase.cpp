#include "NetPhase.h"

QString netPhaseName(NetPhase phase)
{
    switch (phase) {
    case NetPhase::Starting:
        return QStringLiteral("starting");
    case NetPhase::Resolving:
        return QStringLiteral("resolving");
    case NetPhase::Connecting:
        return QStringLiteral("connecting");
    case NetPhase::TlsHandshake:
        return QStringLiteral("tls");
    case NetPhase::WaitingForFirstByte:
        return QStringLiteral("waiting");
    case NetPhase::Receiving:
        return QStringLiteral("receiving");
    case NetPhase::Pinging:
        return QStringLiteral("pinging");
    }
    return {};
}
