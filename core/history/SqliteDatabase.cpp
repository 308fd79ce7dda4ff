#include "SqliteDatabase.h"

#include <sqlite3.h>

#include <utility>

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, QByteArrayView blob)
{
    sqlite3_bind_blob(m_statement, index, blob.data(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

bool SqliteStatement::step()
{
    m_code = sqlite3_step(m_statement);
    return m_code == SQLITE_ROW;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
}

SqliteConnection::~SqliteConnection()
{
    close();
}

SqliteConnection::SqliteConnection(SqliteConnection &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{ }

SqliteConnection &SqliteConnection::operator=(SqliteConnection &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

HistoryError SqliteConnection::open(const QString &path, Mode mode)
{
    close();
    m_path = path;
    int flags = SQLITE_OPEN_NOMUTEX; // one thread per connection
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int code = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (code != SQLITE_OK) {
        HistoryError error = errorFor(code, QStringLiteral("cannot open"));
        close();
        return error;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 2000);
    return {};
}

void SqliteConnection::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

HistoryError SqliteConnection::exec(const char *sql)
{
    const int code = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    return code == SQLITE_OK ? HistoryError{} : lastError(QStringLiteral("cannot write"));
}

SqliteStatement SqliteConnection::prepare(const char *sql, HistoryError *error)
{
    sqlite3_stmt *statement = nullptr;
    const int code = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (code != SQLITE_OK && error)
        *error = lastError(QStringLiteral("cannot read"));
    return SqliteStatement(statement);
}

std::optional<qint64> SqliteConnection::integer(const char *sql, HistoryError *error)
{
    SqliteStatement statement = prepare(sql, error);
    if (!statement.isValid())
        return std::nullopt;
    if (statement.step())
        return statement.integer(0);
    if (statement.lastCode() != SQLITE_DONE) {
        if (error)
            *error = lastError(QStringLiteral("cannot read"));
        return std::nullopt;
    }
    return 0;
}

HistoryError SqliteConnection::lastError(const QString &doing) const
{
    return errorFor(m_db ? sqlite3_extended_errcode(m_db) : SQLITE_ERROR, doing);
}

HistoryError SqliteConnection::errorFor(int code, const QString &doing) const
{
    using Kind = HistoryError::Kind;
    const QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(code));
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        return {Kind::Foreign,
                QStringLiteral("%1 is not a Pingscope history (%2); it was left as it is").arg(m_path, detail)};
    case SQLITE_CORRUPT:
        return {Kind::Corrupt, QStringLiteral("%1 is damaged (%2); it was left as it is").arg(m_path, detail)};
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return {Kind::ReadOnly, QStringLiteral("%1 %2: the file is read-only (%3)").arg(doing, m_path, detail)};
    case SQLITE_FULL:
        return {Kind::DiskFull, QStringLiteral("%1 %2: the disk is full (%3)").arg(doing, m_path, detail)};
    case SQLITE_IOERR:
        if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE)
            return {
                Kind::DiskFull,
                QStringLiteral("%1 %2: the disk refused the write; it may be full (%3)").arg(doing, m_path, detail)};
        return {Kind::Io, QStringLiteral("%1 %2: %3").arg(doing, m_path, detail)};
    default: // SQLITE_CANTOPEN among others: SQLite's own text says why
        return {Kind::Io, QStringLiteral("%1 %2: %3").arg(doing, m_path, detail)};
    }
}

bool SqliteConnection::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}
