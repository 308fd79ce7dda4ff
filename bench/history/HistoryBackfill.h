#pragma once

#include <QString>
#include <QtGlobal>

// Writes a long history with past times through the real SqliteHistoryStore, under a clock of its
// own that moves with the results, so the writer rotates, packs, rolls up and applies retention as
// it would have over that time: a year of history in minutes instead of a year. The model (one run
// a day with an hour not running, outages, two densities) is in HistoryBackfill.cpp and
// docs/benchmarks.md.
class HistoryBackfill final
{
public:
    struct Plan
    {
        int endpoints = 1000;
        int days = 365; // whole days before today, then today up to endMs
        int denseDays = 14; // the last days, with a result per endpoint every denseIntervalS
        int denseIntervalS = 60;
        int sparseIntervalS = 3600; // before them; outages still get a result a minute
        double outagesPerWeek = 1.0; // per endpoint, 2 to 30 minutes each
        bool http = false;
        qint64 endMs = 0; // the history ends here (0: now)
    };
    struct Figures
    {
        qint64 results = 0;
        qint64 runs = 0;
        qint64 outages = 0;
        double wallS = 0;
        double writerCpuS = 0;
        qint64 fileBytes = 0;
    };

    static QString keyOf(int endpoint); // "e<n>", as the live load names them
    // Writes plan into path (a missing or empty file); false with a message on stderr if refused.
    static bool write(const Plan &plan, const QString &path, Figures *figures);
};
