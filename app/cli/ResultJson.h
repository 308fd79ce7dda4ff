#pragma once

#include "CheckOutcome.h"

#include <QJsonObject>

// The JSON of `pingscope check --format json`. A stable contract: fields may be added, never renamed or dropped.
namespace ResultJson {
QJsonObject outcome(const CheckOutcome &outcome);
QJsonObject document(const QList<CheckOutcome> &outcomes, const CheckSummary &summary);
} // namespace ResultJson
