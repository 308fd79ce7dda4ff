#pragma once

#include <QLoggingCategory>

// One logging category per area of the engine, quiet below warnings unless asked for, e.g.
// QT_LOGGING_RULES="pingscope.net.*.debug=true;pingscope.monitor.debug=true" (docs/ARCHITECTURE.md
// lists them). Debug lines cost one flag test when off, so they may stand on hot paths.
Q_DECLARE_LOGGING_CATEGORY(lcCurl) // pingscope.net.curl: transfers and their results
Q_DECLARE_LOGGING_CATEGORY(lcDns) // pingscope.net.dns: name lookups
Q_DECLARE_LOGGING_CATEGORY(lcIcmp) // pingscope.net.icmp: ICMP sockets and what they cannot send
Q_DECLARE_LOGGING_CATEGORY(lcProbe) // pingscope.probe: every probe's outcome
Q_DECLARE_LOGGING_CATEGORY(lcProfile) // pingscope.profile: profiles read and written
Q_DECLARE_LOGGING_CATEGORY(lcMonitor) // pingscope.monitor: the schedule, endpoints added and removed
Q_DECLARE_LOGGING_CATEGORY(lcWorkspace) // pingscope.workspace: what is open, and how it closed
