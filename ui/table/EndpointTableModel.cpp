#include "EndpointTableModel.h"

#include "history/HistoryText.h"
#include "monitor/Monitor.h"
#include "text/LatencyText.h"
#include "text/StatusText.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
constexpr qint64 missingLatency = std::numeric_limits<qint64>::max(); // sorts after every real value

qint64 rawLatency(const std::optional<std::chrono::microseconds> &value)
{
    return value ? qint64(value->count()) : missingLatency;
}

QString errorOf(const EndpointState &state)
{
    if (!state.lastResult || state.lastResult->isUp())
        return {};
    return state.lastResult->errorMessage;
}
} // namespace

EndpointTableModel::EndpointTableModel(Monitor *monitor, QObject *parent)
    : QAbstractTableModel(parent), m_monitor(monitor)
{
    connect(monitor, &Monitor::endpointsAdded, this, &EndpointTableModel::onEndpointsAdded);
    connect(monitor, &Monitor::endpointUpdated, this, &EndpointTableModel::onEndpointUpdated);
    connect(monitor, &Monitor::endpointsRemoved, this, &EndpointTableModel::onEndpointsRemoved);
    connect(monitor, &Monitor::tasksChanged, this, &EndpointTableModel::onTasksChanged);
    reload();
}

std::optional<Endpoint> EndpointTableModel::endpointAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_rows[std::size_t(row)].endpoint;
}

QStringList EndpointTableModel::allTags() const
{
    QStringList tags;
    for (const Row &row : m_rows) {
        for (const QString &tag : row.endpoint.tags) {
            if (!tags.contains(tag))
                tags.append(tag);
        }
    }
    tags.sort(Qt::CaseInsensitive);
    return tags;
}

void EndpointTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_statusCounts.fill(0);
    const QList<EndpointId> ids = m_monitor->endpointIds();
    m_rows.reserve(std::size_t(ids.size()));
    for (const EndpointId id : ids)
        appendRow(id);
    endResetModel();
    emit statusCountsChanged();
}

void EndpointTableModel::appendRow(EndpointId id)
{
    Row row;
    row.id = id;
    row.endpoint = m_monitor->endpoint(id).value_or(Endpoint{});
    row.state = m_monitor->state(id).value_or(EndpointState{});
    ++m_statusCounts[std::size_t(row.state.status)];
    m_rowOf.insert(id, int(m_rows.size()));
    m_rows.push_back(std::move(row));
}

void EndpointTableModel::onEndpointsAdded(const QList<EndpointId> &ids)
{
    if (ids.isEmpty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + int(ids.size()) - 1);
    for (const EndpointId id : ids)
        appendRow(id);
    endInsertRows();
    emit statusCountsChanged();
}

void EndpointTableModel::onEndpointUpdated(EndpointId id)
{
    const int index = rowOf(id);
    if (index < 0)
        return;
    Row &row = m_rows[std::size_t(index)];
    row.endpoint = m_monitor->endpoint(id).value_or(row.endpoint);
    row.statistics.reset();
    if (refreshState(row))
        emit statusCountsChanged();
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

void EndpointTableModel::onEndpointsRemoved(const QList<EndpointId> &ids)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(ids.size()));
    for (const EndpointId id : ids) {
        if (const int row = rowOf(id); row >= 0)
            rows.push_back(row);
    }
    if (rows.empty())
        return;
    // Most rows at once (a profile closed or replaced): one reset rather than a signal per range.
    if (rows.size() > 1 && rows.size() * 2 >= m_rows.size()) {
        reload();
        return;
    }
    std::sort(rows.begin(), rows.end());
    // One removal per run of adjacent rows, the last run first so the rows before keep their numbers;
    // the index is rebuilt once at the end, so removing many scattered rows stays linear.
    for (std::size_t end = rows.size(); end > 0;) {
        std::size_t begin = end - 1;
        while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
            --begin;
        const int first = rows[begin];
        const int last = rows[end - 1];
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            --m_statusCounts[std::size_t(m_rows[std::size_t(row)].state.status)];
            m_rowOf.remove(m_rows[std::size_t(row)].id);
        }
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        end = begin;
    }
    reindexFrom(rows.front());
    emit statusCountsChanged();
}

qint64 EndpointTableModel::uptimeSpanMs(int span)
{
    constexpr qint64 day = 86'400'000;
    const qint64 spans[uptimeSpanCount] = {day, 7 * day, 30 * day};
    return spans[std::clamp(span, 0, uptimeSpanCount - 1)];
}

void EndpointTableModel::setHistoryUptime(int span, const QList<HistoryUptime> &uptimes)
{
    if (span < 0 || span >= uptimeSpanCount || uptimes.isEmpty())
        return;
    QHash<QString, const HistoryUptime *> byKey;
    byKey.reserve(uptimes.size());
    for (const HistoryUptime &uptime : uptimes)
        byKey.insert(uptime.key, &uptime);
    std::vector<int> rows;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (const HistoryUptime *uptime = byKey.value(m_rows[i].endpoint.id)) {
            m_rows[i].history[std::size_t(span)] = *uptime;
            rows.push_back(int(i));
        }
    }
    // Runs of adjacent rows, as the live updates do.
    for (std::size_t begin = 0; begin < rows.size();) {
        std::size_t end = begin + 1;
        while (end < rows.size() && rows[end] == rows[end - 1] + 1)
            ++end;
        emit dataChanged(index(rows[begin], uptimeColumn(span)), index(rows[end - 1], uptimeColumn(span)));
        begin = end;
    }
}

void EndpointTableModel::clearHistoryUptime()
{
    for (Row &row : m_rows)
        row.history = {};
    if (!m_rows.empty())
        emit dataChanged(index(0, Uptime24hColumn), index(rowCount() - 1, Uptime30dColumn));
}

QVariant EndpointTableModel::historyUptimeText(const Row &row, int column, bool toolTip) const
{
    const auto &uptime = row.history[std::size_t(column - Uptime24hColumn)];
    if (!uptime)
        return toolTip ? QVariant(tr("Not read from the history yet")) : QVariant(QStringLiteral("–"));
    const auto ratio = uptime->ratio();
    if (!ratio)
        return toolTip ? QVariant(tr("Not observed in this span: Pingscope was not recording it"))
                       : QVariant(QStringLiteral("–"));
    // Two decimals, but never rounded up to a perfect 100 % that was not.
    const double percent = std::floor(*ratio * 10'000) / 100;
    const QString text = tr("%L1 %").arg(percent, 0, 'f', 2);
    if (!toolTip)
        return text;
    return tr("%1 of %2 observed (%L3 % of the span); down %4")
        .arg(text, HistoryText::duration(uptime->observedMs()))
        .arg(uptime->coverage() * 100, 0, 'f', 1)
        .arg(HistoryText::duration(uptime->downMs));
}

void EndpointTableModel::reindexFrom(int row)
{
    for (int i = row; i < rowCount(); ++i)
        m_rowOf.insert(m_rows[std::size_t(i)].id, i);
}

void EndpointTableModel::onTasksChanged(const QList<EndpointId> &ids)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(ids.size()));
    bool countsChanged = false;
    for (const EndpointId id : ids) {
        const int index = rowOf(id);
        if (index < 0)
            continue;
        countsChanged |= refreshState(m_rows[std::size_t(index)]);
        rows.push_back(index);
    }
    emitRowsChanged(std::move(rows));
    if (countsChanged)
        emit statusCountsChanged();
}

bool EndpointTableModel::refreshState(Row &row)
{
    std::optional<EndpointState> state = m_monitor->state(row.id);
    if (!state)
        return false;
    const auto startedOf = [](const EndpointState &s) { return s.lastResult ? s.lastResult->started : QDateTime(); };
    if (startedOf(*state) != startedOf(row.state) || state->lastResult.has_value() != row.state.lastResult.has_value())
        row.statistics.reset();
    const EndpointStatus before = row.state.status;
    row.state = std::move(*state);
    if (before == row.state.status)
        return false;
    --m_statusCounts[std::size_t(before)];
    ++m_statusCounts[std::size_t(row.state.status)];
    return true;
}

void EndpointTableModel::emitRowsChanged(std::vector<int> rows)
{
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<std::pair<int, int>> ranges;
    for (const int row : rows) {
        if (!ranges.empty() && ranges.back().second + 1 == row)
            ranges.back().second = row;
        else
            ranges.emplace_back(row, row);
    }
    // When most rows changed, one signal for the table costs the proxy and the view less than one
    // per range.
    if (rows.size() * 2 > m_rows.size())
        ranges = {{0, rowCount() - 1}};
    for (const auto &[first, last] : ranges)
        emit dataChanged(index(first, StatusColumn), index(last, LastErrorColumn));
}

const EndpointStatistics &EndpointTableModel::statisticsOf(const Row &row) const
{
    if (!row.statistics)
        row.statistics = m_monitor->statistics(row.id).value_or(EndpointStatistics{});
    return *row.statistics;
}

int EndpointTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EndpointTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::AccessibleTextRole:
        return index.column() == SparklineColumn ? display(row, LastLatencyColumn) : display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LastErrorColumn || index.column() == StatusColumn) {
            const QString error = errorOf(row.state);
            if (!error.isEmpty())
                return error;
            if (row.state.lastResult && !row.state.lastResult->degradedReason.isEmpty())
                return row.state.lastResult->degradedReason;
        }
        if (index.column() == TargetColumn)
            return row.endpoint.probe.target.toString();
        if (index.column() == NameColumn)
            return row.endpoint.displayName(); // elided when wider than its column
        if (index.column() >= Uptime24hColumn && index.column() <= Uptime30dColumn)
            return historyUptimeText(row, index.column(), true);
        return {};
    case Qt::TextAlignmentRole:
        if ((index.column() >= LastLatencyColumn && index.column() <= UptimeColumn)
            || (index.column() >= Uptime24hColumn && index.column() <= Uptime30dColumn))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return std::visit([](const auto &key) { return QVariant::fromValue(key); }, sortKey(row, index.column()));
    case IdRole:
        return QVariant::fromValue(row.id);
    case StatusRole:
        return int(row.state.status);
    case TagsRole:
        return row.endpoint.tags;
    case FilterTextRole:
        return QStringList{row.endpoint.displayName(), row.endpoint.probe.target.toString(),
                           StatusText::statusLabel(row.state.status), errorOf(row.state),
                           row.endpoint.tags.join(QLatin1Char(' '))}
            .join(QLatin1Char('\n'));
    case SparklineRole: {
        QList<qint64> points;
        const EndpointStatistics &statistics = statisticsOf(row);
        points.reserve(statistics.sparkline.size());
        for (const auto &point : statistics.sparkline)
            points.append(point ? qint64(point->count()) : -1);
        return QVariant::fromValue(points);
    }
    default:
        return {};
    }
}

QVariant EndpointTableModel::display(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.endpoint.displayName();
    case TargetColumn:
        return row.endpoint.probe.target.toString();
    case KindColumn:
        return row.endpoint.probe.target.isHttps() ? QStringLiteral("https")
                                                   : probeKindName(row.endpoint.probe.target.kind);
    case StatusColumn:
        return StatusText::statusLabel(row.state.status);
    case TaskColumn:
        // Worked out at paint time, so "next in 4 s" counts down with a repaint and no model signal.
        return StatusText::taskLabel(row.state, EngineClock::now());
    case LastLatencyColumn:
        return LatencyText::latency(statisticsOf(row).last);
    case P50Column:
        return LatencyText::latency(statisticsOf(row).p50);
    case P95Column:
        return LatencyText::latency(statisticsOf(row).p95);
    case FailureColumn: {
        const EndpointStatistics &statistics = statisticsOf(row);
        return LatencyText::percent(statistics.icmpLossPercent ? statistics.icmpLossPercent
                                                               : statistics.failurePercent);
    }
    case UptimeColumn:
        return LatencyText::percent(statisticsOf(row).uptimePercent);
    case SparklineColumn:
        return {};
    case LastErrorColumn:
        return errorOf(row.state);
    case Uptime24hColumn:
    case Uptime7dColumn:
    case Uptime30dColumn:
        return historyUptimeText(row, column, false);
    default:
        return {};
    }
}

EndpointTableModel::SortKey EndpointTableModel::sortKey(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.endpoint.displayName();
    case TargetColumn:
        return row.endpoint.probe.target.toString();
    case KindColumn:
        return display(row, KindColumn).toString();
    case StatusColumn:
        return qint64(StatusText::severityRank(row.state.status));
    case TaskColumn: {
        // Soonest first among those waiting; the others by what they are doing.
        const qint64 wait = row.state.nextRun && row.state.task == TaskState::Waiting
            ? qint64(
                std::chrono::duration_cast<std::chrono::milliseconds>(row.state.nextRun->time_since_epoch()).count())
            : 0;
        return qint64(row.state.task) * 100'000'000'000'000'000LL + wait;
    }
    case LastLatencyColumn:
    case SparklineColumn:
        return rawLatency(statisticsOf(row).last);
    case P50Column:
        return rawLatency(statisticsOf(row).p50);
    case P95Column:
        return rawLatency(statisticsOf(row).p95);
    case FailureColumn: {
        const EndpointStatistics &statistics = statisticsOf(row);
        return statistics.icmpLossPercent.value_or(statistics.failurePercent.value_or(-1.0));
    }
    case UptimeColumn:
        return statisticsOf(row).uptimePercent.value_or(-1.0);
    case LastErrorColumn:
        return errorOf(row.state);
    case Uptime24hColumn:
    case Uptime7dColumn:
    case Uptime30dColumn: {
        const auto &uptime = row.history[std::size_t(column - Uptime24hColumn)];
        return uptime && uptime->ratio() ? *uptime->ratio() : -1.0;
    }
    default:
        return qint64(0);
    }
}

bool EndpointTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    return keyLess(sortKey(m_rows[std::size_t(leftRow)], column), sortKey(m_rows[std::size_t(rightRow)], column));
}

bool EndpointTableModel::keyLess(const SortKey &left, const SortKey &right)
{
    if (const auto *text = std::get_if<QString>(&left))
        return QString::compare(*text, std::get<QString>(right), Qt::CaseInsensitive) < 0;
    return left < right;
}

std::vector<EndpointTableModel::SortKey> EndpointTableModel::sortKeys(int column) const
{
    std::vector<SortKey> keys;
    keys.reserve(m_rows.size());
    for (const Row &row : m_rows)
        keys.push_back(sortKey(row, column));
    return keys;
}

QVariant EndpointTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TaskColumn:
            return tr("What the scheduler is doing with the endpoint now");
        case P50Column:
            return tr("Median latency of successful probes over the last hour (at most 1,000 results)");
        case P95Column:
            return tr("95th percentile latency of successful probes over the last hour");
        case FailureColumn:
            return tr("Failed probes (ICMP: lost packets) over the last hour");
        case UptimeColumn:
            return tr("Share of results after which the endpoint was up or degraded");
        case SparklineColumn:
            return tr("The last 60 results, oldest on the left; red marks a failure");
        case Uptime24hColumn:
        case Uptime7dColumn:
        case Uptime30dColumn:
            return tr("Up time over observed time in the history, over the last %1; time Pingscope was not "
                      "running is not counted")
                .arg(section == Uptime24hColumn      ? tr("24 hours")
                         : section == Uptime7dColumn ? tr("7 days")
                                                     : tr("30 days"));
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TargetColumn:
        return tr("Target");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case TaskColumn:
        return tr("Task");
    case LastLatencyColumn:
        return tr("Last");
    case P50Column:
        return tr("p50");
    case P95Column:
        return tr("p95");
    case FailureColumn:
        return tr("Fail/loss");
    case UptimeColumn:
        return tr("Uptime");
    case SparklineColumn:
        return tr("Recent");
    case LastErrorColumn:
        return tr("Last error");
    case Uptime24hColumn:
        return tr("Uptime 24 h");
    case Uptime7dColumn:
        return tr("Uptime 7 d");
    case Uptime30dColumn:
        return tr("Uptime 30 d");
    default:
        return {};
    }
}
