#pragma once

#include "endpoint/Endpoint.h"
#include "history/HistoryTypes.h"
#include "monitor/EndpointId.h"
#include "monitor/EndpointState.h"
#include "monitor/EndpointStatistics.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <array>
#include <optional>
#include <variant>
#include <vector>

class Monitor;

// The monitor's endpoints, one row each, in the order they were added. It mirrors the monitor
// through its batched signals: one tasksChanged batch becomes one dataChanged per contiguous range
// of changed rows, or one for the whole table when most rows changed; never a reset.
// Statistics are computed only when a cell asks for them, and cached until the next result.
class EndpointTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointTableModel)

public:
    // Name, target and kind come first because they never change with a result: a live update is
    // one column range, StatusColumn to LastErrorColumn. The view shows the status first.
    enum Column {
        NameColumn,
        TargetColumn,
        KindColumn,
        StatusColumn,
        TaskColumn,
        LastLatencyColumn,
        P50Column,
        P95Column,
        FailureColumn,
        UptimeColumn,
        SparklineColumn,
        LastErrorColumn,
        // From the history file (HistoryUptimeController), refreshed in batches; the view puts them
        // after UptimeColumn.
        Uptime24hColumn,
        Uptime7dColumn,
        Uptime30dColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value behind a cell; DisplayRole is text for people
        IdRole, // EndpointId
        StatusRole, // int(EndpointStatus)
        SparklineRole, // QList<qint64>: latency in µs per recent result, oldest first; -1 = failed
        TagsRole, // QStringList
        FilterTextRole, // what the filter box matches against
    };

    explicit EndpointTableModel(Monitor *monitor, QObject *parent = nullptr);

    Monitor *monitor() const { return m_monitor; }
    EndpointId idAt(int row) const { return m_rows[std::size_t(row)].id; }
    int rowOf(EndpointId id) const { return m_rowOf.value(id, -1); }
    std::optional<Endpoint> endpointAt(int row) const;
    int count(EndpointStatus status) const { return m_statusCounts[std::size_t(status)]; }
    QStringList allTags() const;
    // Compares two rows on a column's raw value (what SortRole gives) without a QVariant: the proxy
    // sorts thousands of rows with it.
    bool lessThan(int leftRow, int rightRow, int column) const;

    // Every row's raw value in one column, for a whole sort: computed once, compared many times.
    using SortKey = std::variant<qint64, double, QString>;
    std::vector<SortKey> sortKeys(int column) const;
    static bool keyLess(const SortKey &left, const SortKey &right);

    // Rebuilds every row from the monitor in one reset.
    void reload();

    // The spans of the history uptime columns: 24 h, 7 d, 30 d.
    static constexpr int uptimeSpanCount = 3;
    static qint64 uptimeSpanMs(int span);
    static int uptimeColumn(int span) { return Uptime24hColumn + span; }
    // Uptimes over one span for the rows whose endpoint id is their key; one dataChanged per run of
    // rows. Rows not named keep what they had.
    void setHistoryUptime(int span, const QList<HistoryUptime> &uptimes);
    void clearHistoryUptime(); // another history (or none)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void statusCountsChanged();

private:
    struct Row
    {
        EndpointId id = 0;
        Endpoint endpoint;
        EndpointState state;
        mutable std::optional<EndpointStatistics> statistics; // empty = not computed since the last result
        std::array<std::optional<HistoryUptime>, uptimeSpanCount> history; // empty = not read yet
    };

    QVariant historyUptimeText(const Row &row, int column, bool toolTip) const;

    void appendRow(EndpointId id); // mirrors one endpoint of the monitor; inside a reset or an insert
    void onEndpointsAdded(const QList<EndpointId> &ids);
    void onEndpointUpdated(EndpointId id);
    void onEndpointsRemoved(const QList<EndpointId> &ids);
    void onTasksChanged(const QList<EndpointId> &ids);
    bool refreshState(Row &row); // true when the status count changed
    void emitRowsChanged(std::vector<int> rows);
    void reindexFrom(int row);
    const EndpointStatistics &statisticsOf(const Row &row) const;

    QVariant display(const Row &row, int column) const;
    SortKey sortKey(const Row &row, int column) const;

    Monitor *m_monitor;
    std::vector<Row> m_rows;
    QHash<EndpointId, int> m_rowOf;
    std::array<int, endpointStatusCount> m_statusCounts{};
};
