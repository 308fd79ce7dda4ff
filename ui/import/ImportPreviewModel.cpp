#include "ImportPreviewModel.h"

#include "text/StatusPalette.h"
#include "text/TargetDescription.h"

#include <QApplication>

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) { }

namespace {
constexpr int inProfile = -1;
}

void ImportPreviewModel::setExistingTargets(QSet<QString> targets)
{
    beginResetModel();
    m_existing = std::move(targets);
    findRepeats();
    endResetModel();
}

void ImportPreviewModel::setLines(QList<EndpointListParser::Line> lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    findRepeats();
    endResetModel();
}

void ImportPreviewModel::findRepeats()
{
    m_repeatOf = QList<int>(m_lines.size(), 0);
    QHash<QString, int> firstLine;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const EndpointListParser::Line &line = m_lines.at(i);
        if (!line.isValid())
            continue;
        const QString key = line.target->toString();
        if (m_existing.contains(key))
            m_repeatOf[i] = inProfile;
        else if (const auto first = firstLine.constFind(key); first != firstLine.cend())
            m_repeatOf[i] = *first;
        else
            firstLine.insert(key, line.number);
    }
}

QList<EndpointListParser::Line> ImportPreviewModel::importedLines() const
{
    QList<EndpointListParser::Line> imported;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).isValid() && m_repeatOf.at(i) == 0)
            imported.append(m_lines.at(i));
    }
    return imported;
}

int ImportPreviewModel::validCount() const
{
    int count = 0;
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        count += m_lines.at(i).isValid() && m_repeatOf.at(i) == 0 ? 1 : 0;
    return count;
}

int ImportPreviewModel::errorCount() const
{
    return int(std::count_if(m_lines.cbegin(), m_lines.cend(), [](const auto &line) { return !line.isValid(); }));
}

int ImportPreviewModel::inProfileCount() const
{
    return int(m_repeatOf.count(inProfile));
}

int ImportPreviewModel::repeatedCount() const
{
    return int(std::count_if(m_repeatOf.cbegin(), m_repeatOf.cend(), [](int of) { return of > 0; }));
}

QString ImportPreviewModel::problemText(int row) const
{
    if (row < 0 || row >= m_lines.size() || m_lines.at(row).isValid())
        return {};
    return m_lines.at(row).error; // the parser's, which names the line
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
            if (!line.target)
                return tr("not imported");
            if (m_repeatOf.at(index.row()) == inProfile)
                return tr("skipped: in the profile already");
            if (m_repeatOf.at(index.row()) > 0)
                return tr("skipped: as line %1").arg(m_repeatOf.at(index.row()));
            return TargetDescription::kind(*line.target);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ForegroundRole && !line.isValid() && index.column() >= ResultColumn)
        return StatusPalette::error(QApplication::palette());
    if (role == Qt::ForegroundRole && m_repeatOf.at(index.row()) != 0 && index.column() == KindColumn)
        return StatusPalette::status(QApplication::palette(), ProbeStatus::Degraded); // skipped: a warning
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
