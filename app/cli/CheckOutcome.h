#pragma once

#include "endpoint/Endpoint.h"
#include "probe/ProbeResult.h"

#include <QList>

// One endpoint probed once by `pingscope check`, as every output format sees it.
struct CheckOutcome
{
    Endpoint endpoint;
    ProbeResult result;
};

struct CheckSummary
{
    int up = 0;
    int degraded = 0;
    int down = 0;
    double elapsedMs = 0;

    static CheckSummary of(const QList<CheckOutcome> &outcomes, double elapsedMs);
};
