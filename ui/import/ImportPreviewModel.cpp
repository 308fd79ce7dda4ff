#include "ImportPreviewModel.h"

#include "text/StatusPalette.h"
#include "text/TargetDescription.h"

#include <QApplication>

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) { }

void ImportPreviewModel::setLines(QList<EndpointListParser::Line> lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int ImportPreviewModel::validCount() const
{
    return int(std::count_if(m_lines.cbegin(), m_lines.cend(), [](const auto &line) { return line.isValid(); }));
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EndpointListParser::Line &line = m_lines.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case LineColumn:
            return line.number;
        case TextColumn:
            return line.text;
        case ResultColumn:
            return line.target ? line.target->toString() : line.error;
        case KindColumn:
            return line.target ? TargetDescription::kind(*line.target) : tr("not imported");
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ForegroundRole && !line.isValid() && index.column() >= ResultColumn)
        return StatusPalette::error(QApplication::palette());
    if (role == Qt::TextAlignmentRole && index.column() == LineColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LineColumn:
        return tr("Line");
    case TextColumn:
        return tr("Text");
    case ResultColumn:
        return tr("Target or problem");
    case KindColumn:
        return tr("Probe");
    case ColumnCount:
        break;
    }
    return {};
}
