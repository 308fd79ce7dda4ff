#pragma once

#include "history/HistoryTypes.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class SqliteHistoryStore;
struct HistoryOptions;

// Results and stores for the history suites.
namespace HistoryTest {

// Spans in ms, and a fixed "now" for the writer's clock and the window's controllers (10:00 UTC).
namespace Times {
inline constexpr qint64 minute = 60'000;
inline constexpr qint64 hour = 60 * minute;
inline constexpr qint64 day = 24 * hour;
inline constexpr qint64 now = 1'780'000'000'000 / day * day + 10 * hour;
} // namespace Times

ProbeResult result(qint64 startedMs, ProbeStatus status, qint64 latencyUs, ErrorKind kind = ErrorKind::None,
                   QString message = {});
QList<HistoryEntry> entries(const QString &key, const QList<ProbeResult> &results, EndpointStatus status);

// Opens path, failing the test (nullptr) when it is refused.
std::unique_ptr<SqliteHistoryStore> open(const QString &path, const HistoryOptions &options);
// Waits (with the event loop running) for a coroutine's value.
void flush(SqliteHistoryStore &store);
void compact(SqliteHistoryStore &store);
HistorySeries series(SqliteHistoryStore &store, const QString &key, HistoryRange range, HistoryResolution resolution);

QByteArray fileBytes(const QString &path);
std::optional<qint64> sqliteInteger(const QString &path, const char *sql); // on a connection of its own
QString integrityCheck(const QString &path);

} // namespace HistoryTest
