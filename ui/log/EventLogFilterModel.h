#pragma once

#include "monitor/EndpointId.h"
#include "monitor/EventLogEntry.h"

#include <QSortFilterProxyModel>

// Filters the event log by lowest severity, by endpoint and by text in its message or endpoint name.
class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogFilterModel)

public:
    explicit EventLogFilterModel(QObject *parent = nullptr);

    void setMinimumSeverity(EventSeverity severity);
    void setEndpoint(EndpointId id); // 0 = every endpoint
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    EventSeverity m_minimum = EventSeverity::Info;
    EndpointId m_endpoint = 0;
    QString m_text;
};
