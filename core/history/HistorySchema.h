#pragma once

#include "HistoryTypes.h"

class SqliteConnection;

// The history file's layout (docs/history.md describes it) and the checks that keep Pingscope from
// touching a file that is not its own or is newer than it understands.
namespace HistorySchema {

inline constexpr qint64 applicationId = 0x50534831; // "PSH1" in the SQLite header
inline constexpr qint64 version = 1;

// Looks at path without changing it: a missing or empty file is fine (it will be created); a file
// that is not SQLite, another program's database, a damaged one or a newer schema is refused with
// a message that says which. newFile tells whether it has to be created.
HistoryError inspect(const QString &path, bool *newFile);

// On a connection open for writing: the tables of a new file, in one transaction.
HistoryError create(SqliteConnection &db);

} // namespace HistorySchema
