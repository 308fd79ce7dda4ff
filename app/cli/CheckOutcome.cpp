#include "CheckOutcome.h"

CheckSummary CheckSummary::of(const QList<CheckOutcome> &outcomes, double elapsedMs)
{
    CheckSummary summary;
    summary.elapsedMs = elapsedMs;
    for (const CheckOutcome &outcome : outcomes) {
        switch (outcome.result.status) {
        case ProbeStatus::Up:
            ++summary.up;
            break;
        case ProbeStatus::Degraded:
            ++summary.degraded;
            break;
        case ProbeStatus::Down:
            ++summary.down;
            break;
        }
    }
    return summary;
}
