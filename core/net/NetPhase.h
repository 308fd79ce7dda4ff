#pragma once

#include <QString>

// What a network operation is doing now, for the live task state.
enum class NetPhase { Starting, Resolving, Connecting, TlsHandshake, WaitingForFirstByte, Receiving, Pinging };

QString netPhaseName(NetPhase phase); // "resolving", "connecting", "tls", …
