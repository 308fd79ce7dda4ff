#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QString>

// Turns rows of a table model into text: CSV (RFC 4180) for files, tab-separated for the clipboard,
// so rows paste into a spreadsheet as cells. Both start with the header row.
namespace TableExport {
// A model may give a fuller text for files than for the screen (a whole timestamp, not just the time).
constexpr int ExportRole = Qt::UserRole + 100;

QString csv(const QAbstractItemModel *model, const QList<int> &rows);
QString tabSeparated(const QAbstractItemModel *model, const QList<int> &rows);
QList<int> allRows(const QAbstractItemModel *model);
} // namespace TableExport
