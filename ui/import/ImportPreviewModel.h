#pragma once

#include "endpoint/EndpointListParser.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

// What each line of a pasted list became: the canonical target and its kind, or why not; and
// whether it is skipped as a target the profile has already, or one an earlier line gave.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    enum Column { LineColumn, TextColumn, ResultColumn, KindColumn, ColumnCount };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    // The canonical targets (Target::toString) the profile has already: lines giving one are skipped.
    void setExistingTargets(QSet<QString> targets);
    void setLines(QList<EndpointListParser::Line> lines);
    const QList<EndpointListParser::Line> &lines() const { return m_lines; }
    QList<EndpointListParser::Line> importedLines() const; // valid, and not a repeat
    int validCount() const; // importedLines().size()
    int errorCount() const;
    int inProfileCount() const;
    int repeatedCount() const;
    // The whole problem of a line that has one, e.g. "line 4: …"; empty for a line without.
    QString problemText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Per line: 0 = imported or invalid, -1 = in the profile, n > 0 = repeats line n.
    void findRepeats();

    QList<EndpointListParser::Line> m_lines;
    QList<int> m_repeatOf;
    QSet<QString> m_existing;
};
