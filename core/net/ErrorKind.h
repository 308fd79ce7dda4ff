#pragma once

#include <QString>

#include <optional>

// Why a network operation failed. The names (errorKindName) are part of the JSON and metrics contract.
enum class ErrorKind {
    None,
    Dns, // the name did not resolve
    Refused, // the port is closed
    Unreachable, // no route, host or network unreachable
    Timeout, // no complete answer within the time allowed
    Reset, // the peer closed or reset the connection mid-way
    Tls, // handshake or certificate failure
    HttpStatus, // a status outside the expected set
    BodyMismatch, // the body did not contain or match what was expected, or contained what it must not
    TooLarge, // the body exceeded its limit
    Redirects, // more redirects than allowed
    Protocol, // the peer answered, but not in the protocol asked for
    Permission, // the OS does not let this process do it (ICMP sockets)
    Cancelled, // the user or the engine cancelled the operation
};

QString errorKindName(ErrorKind kind); // "dns", "refused", "http_status", …
std::optional<ErrorKind> errorKindFromName(const QString &name);
