#include "TableExport.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace TableExport {
namespace {
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString tsvField(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

template<typename Field>
QString join(const QAbstractItemModel *model, const QList<int> &rows, QLatin1Char separator, const QString &lineEnd,
             Field field)
{
    QString text;
    QStringList cells;
    for (int column = 0; column < model->columnCount(); ++column)
        cells << field(model->headerData(column, Qt::Horizontal).toString());
    text += cells.join(separator) + lineEnd;
    for (const int row : rows) {
        cells.clear();
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            const QVariant exported = index.data(ExportRole);
            cells << field(exported.isValid() ? exported.toString() : index.data().toString());
        }
        text += cells.join(separator) + lineEnd;
    }
    return text;
}
} // namespace

QString csv(const QAbstractItemModel *model, const QList<int> &rows)
{
    return join(model, rows, QLatin1Char(','), QStringLiteral("\r\n"), csvField);
}

QString tabSeparated(const QAbstractItemModel *model, const QList<int> &rows)
{
    return join(model, rows, QLatin1Char('\t'), QStringLiteral("\n"), tsvField);
}

QList<int> allRows(const QAbstractItemModel *model)
{
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row)
        rows << row;
    return rows;
}
} // namespace TableExport
