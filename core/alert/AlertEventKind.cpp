#include "AlertEventKind.h"

#include "net/NameTable.h"

namespace {
constexpr NameTable<AlertEventKind, 6> names{{
    {AlertEventKind::Down, "down"},
    {AlertEventKind::Recovered, "recovered"},
    {AlertEventKind::Degraded, "degraded"},
    {AlertEventKind::StillDown, "still_down"},
    {AlertEventKind::Certificate, "certificate"},
    {AlertEventKind::Test, "test"},
}};
} // namespace

QString alertEventKindName(AlertEventKind kind)
{
    return nameIn(names, kind);
}

std::optional<AlertEventKind> alertEventKindFromName(const QString &name)
{
    return valueIn(names, name);
}

QList<AlertEventKind> ruleEventKinds()
{
    return {AlertEventKind::Down, AlertEventKind::Recovered, AlertEventKind::Degraded, AlertEventKind::StillDown,
            AlertEventKind::Certificate};
}
