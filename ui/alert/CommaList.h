#pragma once

#include <QString>
#include <QStringList>

// "prod, db" as a list and back: how the alert editors show tags and endpoint names in one line.
namespace CommaList {
QStringList split(const QString &text);
QString join(const QStringList &items);
} // namespace CommaList
