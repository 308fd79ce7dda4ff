#pragma once

#include "ProbeResult.h"
#include "endpoint/ProbeSpec.h"

#include <QDateTime>

// Turns a probe that answered into Degraded where the endpoint's thresholds say so: slower than
// degraded_ms, a certificate inside cert_warning_days of its expiry, or ICMP packets lost while
// others came back. Every kind is graded by the same rules, in one place.
void gradeResult(ProbeResult &result, const ProbeSpec &spec, const QDateTime &now = QDateTime::currentDateTimeUtc());
