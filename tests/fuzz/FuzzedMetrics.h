#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>

// The /metrics page of a monitor whose endpoints and last results come from a fuzz input, for the
// prometheus_text fuzz target and for the test that shows its corpus to promtool. The input is one
// endpoint per record (cut at 0x1e), each with the fields (cut at 0x1f, Fuzz::Fields): name, target
// (any text; one that does not parse becomes tcp://127.0.0.1:9), tags (cut at 0x1d), the result
// ("up", "degraded" or "down"), its error message or degraded reason, and the HTTP status. Endpoints
// whose display name came before are dropped: the page has no label that tells two apart.
struct FuzzedMetrics
{
    struct Endpoint
    {
        // The label values as the page must carry them (the text as UTF-8 can hold it).
        QString name;
        QString target;
        QString kind;
        QString tags;
        std::array<quint64, 3> tally{}; // probes by result: up, degraded, down
    };

    QByteArray page;
    QList<Endpoint> endpoints;

    static FuzzedMetrics render(const QByteArray &input);
};
