#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

// Turns rows of a table model into text: CSV (RFC 4180) for files, tab-separated for the clipboard,
// so rows paste into a spreadsheet as cells. Both start with the header row.
namespace TableExport {
QString csv(const QAbstractItemModel *model, const QList<int> &rows);
QString tabSeparated(const QAbstractItemModel *model, const QList<int> &rows);
QList<int> allRows(const QAbstractItemModel *model);
} // namespace TableExport
