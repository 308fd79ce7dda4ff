#include "EndpointListParser.h"

#include <QRegularExpression>

namespace {
// A comment starts at a '#' at the start of a line or after white space; a '#' inside a URL
// (a fragment) is part of the URL.
QString withoutComment(const QString &line)
{
    static const QRegularExpression comment(QStringLiteral("(^|\\s)#.*$"));
    QString text = line;
    text.remove(comment);
    return text.trimmed();
}
} // namespace

QList<EndpointListParser::Line> EndpointListParser::parse(const QString &text)
{
    QList<Line> lines;
    const QStringList rawLines = text.split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        const QString content = withoutComment(rawLines.at(i));
        if (content.isEmpty())
            continue;
        Line line;
        line.number = int(i + 1);
        line.text = content;
        QString error;
        line.target = Target::parse(content, &error);
        if (!line.target)
            line.error = QStringLiteral("line %1: %2").arg(line.number).arg(error);
        lines.append(line);
    }
    return lines;
}

QList<Endpoint> EndpointListParser::endpoints(const QList<Line> &lines, const Endpoint &defaults)
{
    QList<Endpoint> result;
    for (const Line &line : lines) {
        if (!line.target)
            continue;
        Endpoint endpoint = defaults;
        endpoint.id = Endpoint::newId();
        endpoint.probe.target = *line.target;
        result.append(endpoint);
    }
    return result;
}
