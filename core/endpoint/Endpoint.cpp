#include "Endpoint.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

QString Endpoint::newId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, QLatin1Char('0'));
}

QString Endpoint::derivedId(const Target &target, int occurrence)
{
    QByteArray seed = target.toString().toUtf8();
    if (occurrence > 0)
        seed += '#' + QByteArray::number(occurrence);
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(16));
}

bool Endpoint::isValidId(const QString &id)
{
    static const QRegularExpression form(QStringLiteral("\\A[A-Za-z0-9._-]{1,64}\\z"));
    return form.match(id).hasMatch();
}
