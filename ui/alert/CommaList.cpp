#include "CommaList.h"

QStringList CommaList::split(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

QString CommaList::join(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}
