#pragma once

#include <QString>

// Where the window keeps the history of a profile: one file per profile under the XDG data
// directory (QStandardPaths::AppDataLocation), named after the profile's file and a hash of its
// absolute path, so it is stable across runs and two profiles of the same name do not share one.
// A history the user moved is remembered in the settings, by the same hash.
class HistoryLocation final
{
public:
    static QString defaultPathFor(const QString &profilePath); // empty for an unsaved profile
    static QString pathFor(const QString &profilePath); // where it was moved, else the default
    static void rememberMove(const QString &profilePath, const QString &historyPath);

    // Moves a closed history file and its WAL/shared-memory companions; false with *error on failure,
    // with nothing lost (a copy is only removed once it is complete).
    static bool moveFile(const QString &from, const QString &to, QString *error);

private:
    static QString keyOf(const QString &profilePath);
};
