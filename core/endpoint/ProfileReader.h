#pragma once

#include "Profile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

struct ProfileReadResult
{
    std::optional<Profile> profile; // set only when there are no problems: a profile is never half-read
    QStringList problems; // each "json.path: what is wrong (got …)"
    QStringList unknownKeys; // paths of keys this version does not know; kept, and written back on save

    bool ok() const { return profile.has_value(); }
};

// Reads and validates a profile (the format is described in docs/profile-format.md).
namespace ProfileReader {
ProfileReadResult fromJson(const QByteArray &json);
ProfileReadResult fromFile(const QString &path);
} // namespace ProfileReader
