#pragma once

#include "CheckOutcome.h"

#include <QString>

// The aligned text table of `pingscope check --format text`: status, name, latency, phases, error.
namespace ResultTable {
// colour: ANSI colours for the status, for a terminal; plain text when piped.
QString render(const QList<CheckOutcome> &outcomes, const CheckSummary &summary, bool colour);
} // namespace ResultTable
