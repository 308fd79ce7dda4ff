#pragma once

#include "monitor/EndpointId.h"
#include "monitor/MonitorUpdates.h"

#include <QHash>
#include <QObject>

#include <deque>

class Monitor;

// The last few results of every endpoint, so the detail pane shows a chart the moment an endpoint
// is selected rather than only what arrives afterwards. Bounded per endpoint: the statistics
// window, not this, is the long memory.
class ResultHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultHistory)

public:
    static constexpr int perEndpoint = 30;

    explicit ResultHistory(Monitor *monitor, QObject *parent = nullptr);

    const std::deque<ProbeResult> &results(EndpointId id) const; // oldest first

private:
    void onResults(const QList<EndpointResult> &results);

    QHash<EndpointId, std::deque<ProbeResult>> m_results;
};
