#pragma once

#include "HistoryTypes.h"

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// A small RAII wrapper over SQLite's C API: one connection, its prepared statements, and errors as
// HistoryError values with the file's path in the message.
//
// Why the C API and not Qt SQL: at the 10,000 rows a second the store must take, bench/
// history_sqlapi_bench measured (docs/benchmarks.md) Qt SQL's per-row QVariant binding at 3–4 times
// the CPU of sqlite3_bind_* for the same prepared insert (7.5–8.4 ms against 24–32 ms per 10,000
// rows), and Qt SQL has no backup API, no WAL hook and no user functions.
class SqliteStatement final
{
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt *statement) : m_statement(statement) { }
    SqliteStatement(SqliteStatement &&other) noexcept : m_statement(std::exchange(other.m_statement, nullptr)) { }
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    ~SqliteStatement();
    Q_DISABLE_COPY(SqliteStatement)

    bool isValid() const { return m_statement != nullptr; }

    // Binding, 1-based as SQLite counts. Returns *this so a row binds in one line.
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, const QString &value);
    SqliteStatement &bind(int index, QByteArrayView blob);
    SqliteStatement &bindNull(int index);
    template<typename T> SqliteStatement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, qint64(*value)) : bindNull(index);
    }

    // One step: true with a row, false when done or on error (then the result code says which).
    bool step();
    int lastCode() const { return m_code; }
    void reset(); // clears the bindings too

    qint64 integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;
    QByteArrayView blob(int column) const; // valid until the next step or reset

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_code = 0;
};

class SqliteConnection final
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(SqliteConnection &&other) noexcept;
    SqliteConnection &operator=(SqliteConnection &&other) noexcept;
    Q_DISABLE_COPY(SqliteConnection)

    HistoryError open(const QString &path, Mode mode);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    HistoryError exec(const char *sql); // one or more statements, no rows wanted
    SqliteStatement prepare(const char *sql, HistoryError *error = nullptr);
    // A single integer from a query such as a PRAGMA, or nullopt with *error set.
    std::optional<qint64> integer(const char *sql, HistoryError *error = nullptr);

    // The error for the last failure on this connection: its kind from SQLite's code, the message
    // from SQLite, the path in front.
    HistoryError lastError(const QString &doing) const;
    HistoryError errorFor(int code, const QString &doing) const;
    bool isReadOnly() const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};
