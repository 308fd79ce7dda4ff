#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// HTTP headers as the editor shows them: one "Name: value" per line.
class HttpHeaderText final
{
    Q_DECLARE_TR_FUNCTIONS(HttpHeaderText)

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    static QString format(const Headers &headers);
    // Blank lines are skipped; on failure returns nothing and sets *error to the first problem.
    static std::optional<Headers> parse(const QString &text, QString *error);
};
