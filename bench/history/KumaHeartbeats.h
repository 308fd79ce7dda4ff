#pragma once

#include <QString>

// Uptime Kuma v1's heartbeat table (db/kuma.db and its migrations): one row per check, four indexes,
// each insert its own transaction, WAL with SQLite's automatic checkpoints. The same synthetic load
// as the store's, for comparison, and the queries its dashboard makes.
namespace KumaHeartbeats {

struct Load
{
    int endpoints = 0;
    int rate = 0;
    int seconds = 0;
    bool http = false;
};

// Rows go in as fast as they can, up to the load's rate; prints one line of JSON.
void record(const Load &load, const QString &path);
// Uptime over 24 h (Kuma v1's calcUptime: durations summed over the monitor's beats in the window)
// of one monitor and of all, one monitor's beats of the last 24 h (its chart), and every row read
// (an export); one line of JSON each.
void query(const Load &load, const QString &path, int repeat);

} // namespace KumaHeartbeats
