#pragma once

#include "CheckOutcome.h"

#include <QByteArray>

// `pingscope check --format junit`: one test case per endpoint, a failure carrying the error, for CI systems.
namespace JUnitReport {
QByteArray render(const QList<CheckOutcome> &outcomes, const CheckSummary &summary);
} // namespace JUnitReport
