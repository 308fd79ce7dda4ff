#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

enum class ProbeStatus { Up, Degraded, Down };

QString probeStatusName(ProbeStatus status); // "up", "degraded", "down"

// Why a probe failed. The names (errorKindName) are part of the JSON and metrics contract.
enum class ErrorKind {
    None,
    Dns, // the name did not resolve
    Refused, // the port is closed
    Unreachable, // no route, host or network unreachable
    Timeout, // no complete answer within the endpoint's timeout
    Reset, // the peer closed or reset the connection mid-way
    Tls, // handshake or certificate failure
    HttpStatus, // a status outside the expected set
    BodyMismatch, // the body did not contain or match what was expected, or contained what it must not
    TooLarge, // the body exceeded max_body_bytes
    Redirects, // more redirects than max_redirects
    Protocol, // the peer answered, but not in the protocol asked for
    Permission, // the OS does not let this process do it (ICMP sockets)
    Cancelled, // the user or the monitor cancelled the probe
};

QString errorKindName(ErrorKind kind);
std::optional<ErrorKind> errorKindFromName(const QString &name);

// What a probe is doing now, for the live task state.
enum class ProbePhase { Starting, Resolving, Connecting, TlsHandshake, WaitingForFirstByte, Receiving, Pinging };

QString probePhaseName(ProbePhase phase); // "resolving", "connecting", "tls", …

// Each phase's own duration, as curl -w reports them once differenced: dns = time_namelookup,
// connect = time_connect - time_namelookup, tls = time_appconnect - time_connect,
// ttfb = time_starttransfer - max(time_appconnect, time_connect), transfer = time_total - time_starttransfer.
struct PhaseTimings
{
    using us = std::chrono::microseconds;
    std::optional<us> dns;
    std::optional<us> connect;
    std::optional<us> tls;
    std::optional<us> ttfb;
    std::optional<us> transfer;
};

struct CertificateInfo
{
    QDateTime notAfter; // UTC
    QString subject;
    QString issuer;
    bool chainValid = false; // verified against the trust store (or the endpoint's CA file)
};

struct IcmpReport
{
    int sent = 0;
    int received = 0;
    QList<std::chrono::microseconds> rtts; // of the replies received, in order

    double lossRatio() const { return sent == 0 ? 0.0 : double(sent - received) / sent; }
};

// One probe of one endpoint: the same value for every kind.
struct ProbeResult
{
    ProbeStatus status = ProbeStatus::Down;
    QDateTime started; // wall clock, UTC, when the probe really began (after any wait for a free slot)
    std::chrono::microseconds latency{0}; // from start to the end of the answer; never includes queueing
    PhaseTimings phases;
    std::optional<int> httpStatus;
    qint64 bytes = 0; // body bytes received
    std::optional<CertificateInfo> certificate;
    std::optional<IcmpReport> icmp;
    QStringList dnsAnswers;

    ErrorKind errorKind = ErrorKind::None;
    QString errorMessage; // one line a person understands; empty when up
    QString degradedReason; // why a result that answered is degraded; empty otherwise

    bool isUp() const { return status != ProbeStatus::Down; }

    static ProbeResult failure(ErrorKind kind, QString message);
};
