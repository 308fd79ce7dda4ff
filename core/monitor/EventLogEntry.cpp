#include "EventLogEntry.h"

QString eventSeverityName(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info:
        return QStringLiteral("info");
    case EventSeverity::Warning:
        return QStringLiteral("warning");
    case EventSeverity::Error:
        return QStringLiteral("error");
    }
    return {};
}
