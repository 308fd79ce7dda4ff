#include "ConstantLabels.h"

#include "PrometheusText.h"

#include <QRegularExpression>
#include <QSet>

std::optional<ConstantLabels> ConstantLabels::parse(const QStringList &arguments, QString *error)
{
    static const QRegularExpression name(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    ConstantLabels labels;
    QSet<QString> seen;
    for (const QString &argument : arguments) {
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString key = argument.left(equals);
        if (equals < 0 || !name.match(key).hasMatch()) {
            *error = QStringLiteral("--label wants NAME=VALUE with a name of letters, digits and _ not starting "
                                    "with a digit, e.g. site=office (got \"%1\")")
                         .arg(argument);
            return std::nullopt;
        }
        if (key.startsWith(QLatin1String("__"))) {
            *error = QStringLiteral("--label %1: names starting with __ are Prometheus's own").arg(key);
            return std::nullopt;
        }
        if (PrometheusText::ownLabels.contains(key)) {
            *error = QStringLiteral("--label %1: pingscope writes that label itself (its labels are %2)")
                         .arg(key, PrometheusText::ownLabels.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (seen.contains(key)) {
            *error = QStringLiteral("--label %1 is given twice").arg(key);
            return std::nullopt;
        }
        seen.insert(key);
        if (!labels.m_text.isEmpty())
            labels.m_text += ',';
        labels.m_text += key.toUtf8() + "=\"" + PrometheusText::escapeLabelValue(argument.mid(equals + 1)) + '"';
    }
    return labels;
}

QByteArray ConstantLabels::applyTo(const QByteArray &page) const
{
    if (m_text.isEmpty())
        return page;
    QByteArray out;
    out.reserve(page.size() + page.count('\n') * (m_text.size() + 3));
    qsizetype start = 0;
    while (start < page.size()) {
        qsizetype end = page.indexOf('\n', start);
        if (end < 0)
            end = page.size();
        const QByteArrayView line(page.constData() + start, end - start);
        if (line.isEmpty() || line.front() == '#') {
            out += line;
        } else {
            // A metric name holds neither '{' nor ' ': the first of them ends it, whatever the values hold.
            qsizetype nameEnd = 0;
            while (nameEnd < line.size() && line.at(nameEnd) != '{' && line.at(nameEnd) != ' ')
                ++nameEnd;
            out += line.first(nameEnd);
            if (nameEnd < line.size() && line.at(nameEnd) == '{') {
                out += '{';
                out += m_text;
                if (nameEnd + 1 < line.size() && line.at(nameEnd + 1) != '}')
                    out += ',';
                out += line.sliced(nameEnd + 1);
            } else {
                out += '{';
                out += m_text;
                out += '}';
                out += line.sliced(nameEnd);
            }
        }
        if (end < page.size())
            out += '\n';
        start = end + 1;
    }
    return out;
}
