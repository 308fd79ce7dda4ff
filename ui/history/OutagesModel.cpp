#include "OutagesModel.h"

#include "history/HistoryText.h"

#include <QLocale>

#include <algorithm>
#include <limits>

void OutagesModel::setOutages(QList<HistoryOutage> outages, QHash<QString, QString> names)
{
    beginResetModel();
    m_outages = std::move(outages);
    std::stable_sort(m_outages.begin(), m_outages.end(),
                     [](const HistoryOutage &a, const HistoryOutage &b) { return a.startMs > b.startMs; });
    m_names = std::move(names);
    endResetModel();
}

int OutagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_outages.size());
}

int OutagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutagesModel::display(const HistoryOutage &outage, int column) const
{
    const QLocale locale;
    switch (column) {
    case EndpointColumn:
        return m_names.value(outage.key, outage.key);
    case StartColumn:
        return locale.toString(historyTimeOf(outage.startMs).toLocalTime(), QLocale::ShortFormat);
    case EndColumn:
        return outage.endMs ? locale.toString(historyTimeOf(*outage.endMs).toLocalTime(), QLocale::ShortFormat)
                            : tr("still down");
    case DurationColumn:
        return HistoryText::duration(outage.durationMs);
    case CauseColumn:
        if (outage.errorKind == ErrorKind::None)
            return outage.message;
        return outage.message.isEmpty() ? errorKindName(outage.errorKind)
                                        : tr("%1: %2").arg(errorKindName(outage.errorKind), outage.message);
    default:
        return {};
    }
}

QVariant OutagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryOutage &outage = m_outages[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(outage, index.column());
    case Qt::ToolTipRole:
        return index.column() == CauseColumn ? display(outage, CauseColumn) : QVariant();
    case SortRole:
        switch (index.column()) {
        case StartColumn:
            return outage.startMs;
        case EndColumn:
            return outage.endMs.value_or(std::numeric_limits<qint64>::max());
        case DurationColumn:
            return outage.durationMs;
        default:
            return display(outage, index.column());
        }
    case KeyRole:
        return outage.key;
    case StartRole:
        return outage.startMs;
    case EndRole:
        return outage.endMs.value_or(outage.startMs + outage.durationMs);
    case Qt::TextAlignmentRole:
        return index.column() == DurationColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant OutagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EndpointColumn:
        return tr("Endpoint");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case DurationColumn:
        return tr("Duration");
    case CauseColumn:
        return tr("Cause");
    default:
        return {};
    }
}
