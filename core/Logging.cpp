#include "Logging.h"

Q_LOGGING_CATEGORY(lcCurl, "pingscope.net.curl", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDns, "pingscope.net.dns", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIcmp, "pingscope.net.icmp", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProbe, "pingscope.probe", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProfile, "pingscope.profile", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMonitor, "pingscope.monitor", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWorkspace, "pingscope.workspace", QtWarningMsg)
