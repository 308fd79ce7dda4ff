#pragma once

#include <QString>

#include <optional>

// Which addresses of a host to use: both (in the resolver's order), IPv4 only or IPv6 only.
enum class IpFamily { Any, V4, V6 };

QString ipFamilyName(IpFamily family); // "any", "4", "6"
std::optional<IpFamily> ipFamilyFromName(const QString &name);
