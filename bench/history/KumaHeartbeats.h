#pragma once

#include <QString>

// Uptime Kuma v1's heartbeat table (db/kuma.db and its migrations): one row per check, four indexes,
// each insert its own transaction, WAL. The same synthetic load as the store's, for comparison.
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

} // namespace KumaHeartbeats
