#include "RecentResultsModel.h"

#include "text/DurationText.h"
#include "text/StatusPalette.h"

#include <QApplication>
#include <QLocale>

RecentResultsModel::RecentResultsModel(QObject *parent) : QAbstractTableModel(parent) { }

void RecentResultsModel::add(const ProbeResult &result)
{
    beginInsertRows({}, 0, 0);
    m_results.prepend(result);
    endInsertRows();

    // Age is measured from the newest result, not the wall clock, so a paused endpoint keeps its last hour.
    const QDateTime oldestKept = result.started.addSecs(-std::chrono::seconds(maximumAge).count());
    qsizetype keep = std::min<qsizetype>(m_results.size(), maximumResults);
    while (keep > 1 && m_results.at(keep - 1).started < oldestKept)
        --keep;
    if (keep < m_results.size()) {
        beginRemoveRows({}, int(keep), int(m_results.size() - 1));
        m_results.resize(keep);
        endRemoveRows();
    }
}

void RecentResultsModel::clear()
{
    beginResetModel();
    m_results.clear();
    endResetModel();
}

int RecentResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int RecentResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeResult &result = m_results.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case TimeColumn:
            return QLocale().toString(result.started.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        case StatusColumn:
            return probeStatusName(result.status);
        case LatencyColumn:
            return DurationText::format(result.latency);
        case HttpStatusColumn:
            return result.httpStatus ? QVariant(*result.httpStatus) : QVariant();
        case ErrorColumn:
            if (result.errorKind != ErrorKind::None)
                return tr("%1: %2").arg(errorKindName(result.errorKind), result.errorMessage);
            return result.degradedReason;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == ErrorColumn)
        return data(index, Qt::DisplayRole);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return StatusPalette::status(QApplication::palette(), result.status);
    return {};
}

QVariant RecentResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    case HttpStatusColumn:
        return tr("HTTP");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}
