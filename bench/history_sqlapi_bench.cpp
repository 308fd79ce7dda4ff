// Qt SQL against SQLite's C API for the history's journal insert (issue #12): the same prepared
// statement, 10,000 rows per transaction (one second of results at the load), 30 rounds,
// CPU time per 10,000 rows. docs/benchmarks.md keeps the figures; core/history/SqliteDatabase.h
// says what they decided.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <ctime>

namespace {
constexpr int rows = 10'000;
constexpr int rounds = 30;
constexpr char table[] = "CREATE TABLE j(t INTEGER, ek INTEGER, st INTEGER, lat INTEGER, http INTEGER, err INTEGER, "
                         "mid INTEGER)";

double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

void report(const char *what, double cpu, qint64 wallNs)
{
    std::printf("%-7s %6.2f ms CPU per 10,000 rows (wall %6.2f ms)\n", what, cpu * 1000 / rounds,
                double(wallNs) / 1e6 / rounds);
}

void cApi(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    sqlite3_exec(db, table, nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v3(db, "INSERT INTO j VALUES(?,?,?,?,?,?,?)", -1, SQLITE_PREPARE_PERSISTENT, &insert, nullptr);
    const double cpu = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    for (int round = 0; round < rounds; ++round) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (int i = 0; i < rows; ++i) {
            sqlite3_bind_int64(insert, 1, 1'780'000'000'000LL + round * 1000 + i / 10);
            sqlite3_bind_int64(insert, 2, i);
            sqlite3_bind_int(insert, 3, 0);
            sqlite3_bind_int64(insert, 4, 200 + i % 100);
            sqlite3_bind_int(insert, 5, 200);
            sqlite3_bind_null(insert, 6);
            sqlite3_bind_null(insert, 7);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    report("C API", cpuSeconds() - cpu, wall.nsecsElapsed());
    sqlite3_finalize(insert);
    sqlite3_close(db);
}

bool qtSql(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
    db.setDatabaseName(path);
    if (!db.open()) {
        std::fprintf(stderr, "Qt SQL: %s\n", qPrintable(db.lastError().text()));
        return false;
    }
    QSqlQuery setup(db);
    setup.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    setup.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    setup.exec(QString::fromLatin1(table));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO j VALUES(?,?,?,?,?,?,?)"));
    const double cpu = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    for (int round = 0; round < rounds; ++round) {
        db.transaction();
        for (int i = 0; i < rows; ++i) {
            insert.bindValue(0, qint64(1'780'000'000'000LL + round * 1000 + i / 10));
            insert.bindValue(1, i);
            insert.bindValue(2, 0);
            insert.bindValue(3, qint64(200 + i % 100));
            insert.bindValue(4, 200);
            insert.bindValue(5, QVariant());
            insert.bindValue(6, QVariant());
            if (!insert.exec()) {
                std::fprintf(stderr, "Qt SQL: %s\n", qPrintable(insert.lastError().text()));
                return false;
            }
        }
        db.commit();
    }
    report("Qt SQL", cpuSeconds() - cpu, wall.nsecsElapsed());
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    cApi(dir.filePath(QStringLiteral("c.sqlite")));
    return qtSql(dir.filePath(QStringLiteral("qt.sqlite"))) ? 0 : 1;
}
