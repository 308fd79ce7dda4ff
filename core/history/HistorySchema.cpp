#include "HistorySchema.h"

#include "SqliteDatabase.h"

#include <QFile>
#include <QFileInfo>

namespace {

// Journals: rows in the order they arrived, two tables used in turn so a closed one empties at once
// (DELETE without WHERE drops its pages whole instead of row by row).
#define JOURNAL_COLUMNS                                                                                                \
    "(t INTEGER NOT NULL, ek INTEGER NOT NULL, st INTEGER NOT NULL, lat INTEGER NOT NULL, http INTEGER, "              \
    "err INTEGER, mid INTEGER, dns INTEGER, conn INTEGER, tls INTEGER, ttfb INTEGER, xfer INTEGER, "                   \
    "sent INTEGER, recv INTEGER)"

const char schema[]
    = "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;"
      "CREATE TABLE endpoint(ek INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
      " target TEXT NOT NULL, kind TEXT NOT NULL);"
      "CREATE TABLE message(mid INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
      "CREATE TABLE run(rid INTEGER PRIMARY KEY, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,"
      " closed INTEGER NOT NULL DEFAULT 0);"
      "CREATE TABLE status_change(ek INTEGER NOT NULL, t INTEGER NOT NULL, status INTEGER NOT NULL,"
      " err INTEGER, mid INTEGER, PRIMARY KEY(ek, t)) WITHOUT ROWID;"
      "CREATE TABLE journal0 " JOURNAL_COLUMNS ";"
      "CREATE TABLE journal1 " JOURNAL_COLUMNS ";"
      // AUTOINCREMENT: retention deletes the oldest ids, and a reused id would join a
      // chunk row of long ago to new data.
      "CREATE TABLE chunk_data(id INTEGER PRIMARY KEY AUTOINCREMENT, t_last INTEGER NOT NULL, bytes BLOB NOT NULL);"
      "CREATE TABLE chunk(ek INTEGER NOT NULL, t_first INTEGER NOT NULL, seg INTEGER NOT NULL,"
      " t_last INTEGER NOT NULL, n INTEGER NOT NULL, data_id INTEGER NOT NULL, minutes BLOB NOT NULL,"
      " PRIMARY KEY(ek, t_first, seg)) WITHOUT ROWID;"
      "CREATE TABLE rollup(level INTEGER NOT NULL, ek INTEGER NOT NULL, t INTEGER NOT NULL,"
      " bucket BLOB NOT NULL, PRIMARY KEY(level, ek, t)) WITHOUT ROWID;";

HistoryError refused(HistoryError::Kind kind, const QString &message)
{
    return HistoryError{kind, message};
}

} // namespace

HistoryError HistorySchema::inspect(const QString &path, bool *newFile)
{
    using Kind = HistoryError::Kind;
    *newFile = false;
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0)) {
        *newFile = true;
        return {};
    }
    if (!info.isFile())
        return refused(Kind::Foreign, QStringLiteral("%1 is not a file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(Kind::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(16);
    file.close();
    if (head != QByteArray("SQLite format 3\0", 16))
        return refused(
            Kind::Foreign,
            QStringLiteral("%1 is not a Pingscope history (not an SQLite file); it was left as it is").arg(path));

    SqliteConnection db;
    if (HistoryError error = db.open(path, SqliteConnection::Mode::ReadOnly))
        return error;
    HistoryError error;
    const auto app = db.integer("PRAGMA application_id", &error);
    if (!app)
        return error.kind == Kind::Io ? refused(Kind::Corrupt,
                                                QStringLiteral("%1 is damaged and cannot be read (%2); it "
                                                               "was left as it is")
                                                    .arg(path, error.message))
                                      : error;
    if (*app != applicationId)
        return refused(
            Kind::Foreign,
            QStringLiteral("%1 is an SQLite database but not a Pingscope history; it was left as it is").arg(path));
    const auto schemaVersion = db.integer("PRAGMA user_version", &error);
    if (!schemaVersion)
        return error;
    if (*schemaVersion > version)
        return refused(Kind::NewerSchema,
                       QStringLiteral("%1 was written by a newer Pingscope (history version %2; this "
                                      "one reads up to %3); it was left as it is")
                           .arg(path)
                           .arg(*schemaVersion)
                           .arg(version));
    const auto tables = db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                   "('meta','endpoint','message','run','status_change','journal0','journal1',"
                                   "'chunk_data','chunk','rollup')",
                                   &error);
    if (!tables)
        return refused(
            Kind::Corrupt,
            QStringLiteral("%1 is damaged and cannot be read (%2); it was left as it is").arg(path, error.message));
    if (*tables != 10)
        return refused(Kind::Corrupt,
                       QStringLiteral("%1 is damaged: tables are missing; it was left as it is").arg(path));
    return {};
}

HistoryError HistorySchema::create(SqliteConnection &db)
{
    // Page size and incremental vacuum must be set before the first table; WAL lets readers read
    // while the writer writes.
    if (HistoryError error = db.exec("PRAGMA page_size = 4096; PRAGMA auto_vacuum = INCREMENTAL;"))
        return error;
    {
        HistoryError error;
        SqliteStatement wal = db.prepare("PRAGMA journal_mode = WAL", &error);
        if (!wal.isValid() || !wal.step() || wal.text(0) != QLatin1String("wal"))
            return error ? error : db.lastError(QStringLiteral("cannot switch to WAL"));
    }
    if (HistoryError failed = db.exec("BEGIN IMMEDIATE"))
        return failed;
    QByteArray all = schema;
    all += "PRAGMA application_id = " + QByteArray::number(applicationId) + ";";
    all += "PRAGMA user_version = " + QByteArray::number(version) + ";";
    if (HistoryError failed = db.exec(all.constData())) {
        db.exec("ROLLBACK");
        return failed;
    }
    return db.exec("COMMIT");
}
