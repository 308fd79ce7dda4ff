#pragma once

#include "net/CertificateInfo.h"
#include "net/ErrorKind.h"
#include "net/NetError.h"
#include "net/PhaseTimings.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

class NetContext;

enum class ProbeStatus { Up, Degraded, Down };

QString probeStatusName(ProbeStatus status); // "up", "degraded", "down"

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
    static ProbeResult failure(const NetError &error) { return failure(error.kind, error.message); }
    // The failure of a probe that ran under context: its start, its time so far and the phases it got through.
    static ProbeResult failureAt(const NetError &error, const NetContext &context, PhaseTimings phases = {});
    // What a probe returns once its context aborted: Timeout or Cancelled, with a message naming the
    // phase it was in, and its start and elapsed time.
    static ProbeResult aborted(const NetContext &context);
};
