#pragma once

#include "endpoint/EndpointListParser.h"

#include <QAbstractTableModel>

// What each line of a pasted list became: the canonical target and its kind, or why not.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    enum Column { LineColumn, TextColumn, ResultColumn, KindColumn, ColumnCount };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setLines(QList<EndpointListParser::Line> lines);
    const QList<EndpointListParser::Line> &lines() const { return m_lines; }
    int validCount() const;
    int errorCount() const { return int(m_lines.size()) - validCount(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EndpointListParser::Line> m_lines;
};
