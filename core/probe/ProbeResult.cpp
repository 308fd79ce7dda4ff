#include "ProbeResult.h"

#include "net/NetContext.h"

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

ProbeResult ProbeResult::failure(ErrorKind kind, QString message)
{
    ProbeResult result;
    result.status = ProbeStatus::Down;
    result.errorKind = kind;
    result.errorMessage = std::move(message);
    return result;
}

ProbeResult ProbeResult::failureAt(const NetError &error, const NetContext &context, PhaseTimings phases)
{
    ProbeResult result = failure(error);
    result.started = context.startedAt();
    result.latency = context.elapsed();
    result.phases = phases;
    return result;
}

ProbeResult ProbeResult::aborted(const NetContext &context)
{
    return failureAt(context.abortedError(), context);
}
