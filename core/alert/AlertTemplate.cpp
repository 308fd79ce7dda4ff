#include "AlertTemplate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
bool isNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('_');
}

// Calls found(name, from, length) for every "{name}" in text.
template<typename Found> void scan(const QString &text, Found found)
{
    constexpr qsizetype maximumName = 32;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('{'))
            continue;
        qsizetype j = i + 1;
        while (j < text.size() && j - i - 1 < maximumName && isNameChar(text.at(j)))
            ++j;
        if (j > i + 1 && j < text.size() && text.at(j) == QLatin1Char('}')) {
            found(text.mid(i + 1, j - i - 1), i, j - i + 1);
            i = j;
        }
    }
}
} // namespace

QStringList AlertTemplate::fieldNames()
{
    return {QStringLiteral("event"),
            QStringLiteral("endpoint"),
            QStringLiteral("endpoint_id"),
            QStringLiteral("target"),
            QStringLiteral("tags"),
            QStringLiteral("status"),
            QStringLiteral("previous"),
            QStringLiteral("error_kind"),
            QStringLiteral("message"),
            QStringLiteral("latency_ms"),
            QStringLiteral("since"),
            QStringLiteral("duration_s"),
            QStringLiteral("certificate_expiry"),
            QStringLiteral("time"),
            QStringLiteral("count"),
            QStringLiteral("title"),
            QStringLiteral("text"),
            QStringLiteral("events"),
            QStringLiteral("secret")};
}

bool AlertTemplate::isRawJsonField(const QString &name)
{
    return name == QLatin1String("events");
}

QStringList AlertTemplate::unknownFields(const QString &text)
{
    const QStringList known = fieldNames();
    QStringList unknown;
    scan(text, [&](const QString &name, qsizetype, qsizetype) {
        if (!known.contains(name) && !unknown.contains(name))
            unknown << name;
    });
    return unknown;
}

QString AlertTemplate::escaped(const QString &value, Escape escape)
{
    switch (escape) {
    case Escape::None:
        return value;
    case Escape::Json: {
        // Qt's own writer knows every escape JSON needs; the string is cut out of a one-item array.
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(2, json.size() - 4));
    }
    case Escape::Header: {
        QString line = value;
        for (QChar &c : line) {
            if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
                c = QLatin1Char(' ');
        }
        return line;
    }
    }
    return value;
}

QString AlertTemplate::render(const QString &text, const QHash<QString, QString> &fields, Escape escape)
{
    QString out;
    qsizetype copied = 0;
    scan(text, [&](const QString &name, qsizetype from, qsizetype length) {
        const auto value = fields.constFind(name);
        if (value == fields.constEnd())
            return; // not a field: stays as it was written
        out += QStringView(text).mid(copied, from - copied);
        out += isRawJsonField(name) && escape == Escape::Json ? *value : escaped(*value, escape);
        copied = from + length;
    });
    out += QStringView(text).mid(copied);
    return out;
}
