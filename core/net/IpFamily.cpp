#include "IpFamily.h"

#include "NameTable.h"

namespace {
constexpr NameTable<IpFamily, 3> families{{
    {IpFamily::Any, "any"},
    {IpFamily::V4, "4"},
    {IpFamily::V6, "6"},
}};
} // namespace

QString ipFamilyName(IpFamily family)
{
    return nameIn(families, family);
}

std::optional<IpFamily> ipFamilyFromName(const QString &name)
{
    return valueIn(families, name);
}
