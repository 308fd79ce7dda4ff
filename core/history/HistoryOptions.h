#pragma once

#include <QtGlobal>

#include <functional>

// How a SqliteHistoryStore keeps its file. The defaults are the (docs/history.md).
struct HistoryOptions
{
    int rawDays = 14; // every result
    int minuteDays = 90; // minute rollups
    int hourDays = 730; // hourly rollups; daily ones are kept for ever
    qint64 sizeCapBytes = 0; // 0 = none; over it, the oldest raw results go first

    qint64 commitIntervalMs = 250; // results are on disk this long after they arrive, at most
    qint64 segmentMs = 60'000; // how long a journal table fills before it is packed into chunks
    qint64 lateMarginMs = 300'000; // how late a result may arrive and still count in its hour
    qint64 maintenanceBudgetMs = 20; // packing, rollups and retention per turn of the writer, at most
    qint64 retentionIntervalMs = 60'000; // once caught up, retention looks again after this long
    int pendingLimit = 1'000'000; // results held while the disk refuses writes; beyond, the oldest drop

    std::function<qint64()> clock; // ms since the epoch; the wall clock when empty (tests set it)
};
