#include "HttpHeaderText.h"

#include "endpoint/HttpOptions.h"

#include <QStringList>

QString HttpHeaderText::format(const Headers &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value);
    return lines.join(QLatin1Char('\n'));
}

std::optional<HttpHeaderText::Headers> HttpHeaderText::parse(const QString &text, QString *error)
{
    Headers headers;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            *error = tr("Line %1: write a header as \"Name: value\".").arg(i + 1);
            return std::nullopt;
        }
        const QString key = line.left(colon).trimmed();
        if (!HttpOptions::isHeaderName(key)) { // as the profile reader accepts them
            *error = tr("Line %1: \"%2\" is not a valid header name.").arg(i + 1).arg(key);
            return std::nullopt;
        }
        headers.append({key.toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return headers;
}
