#pragma once

#include "Profile.h"

#include <QByteArray>
#include <QString>

// Writes a profile back to JSON. Keys the reader did not know are written back untouched, and an
// endpoint's setting that merely repeats the profile's default is not written, so a later change
// of the default still reaches it.
namespace ProfileWriter {
QByteArray toJson(const Profile &profile);

// Atomic: the file is replaced only once the new text is wholly on disk, so a failed save leaves the
// old file whole. Returns false and sets *error on failure.
bool toFile(const Profile &profile, const QString &path, QString *error = nullptr);
} // namespace ProfileWriter
