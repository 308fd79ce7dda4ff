#include "LinkSyntax.h"

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')
        || c == QLatin1Char('\f');
}

qsizetype skipSpaces(QStringView text, qsizetype i)
{
    while (i < text.size() && isSpace(text[i]))
        ++i;
    return i;
}

// A CSS string from its opening quote at i; returns its text and sets *end after its closing quote.
QString cssString(QStringView css, qsizetype i, qsizetype *end)
{
    const QChar quote = css[i];
    QString text;
    qsizetype j = i + 1;
    while (j < css.size() && css[j] != quote && css[j] != QLatin1Char('\n')) {
        if (css[j] == QLatin1Char('\\') && j + 1 < css.size()) {
            ++j;
            if (css[j] == QLatin1Char('\n')) { // an escaped line break continues the string
                ++j;
                continue;
            }
        }
        text += css[j];
        ++j;
    }
    *end = j < css.size() ? j + 1 : j;
    return text;
}

int lineBreaks(QStringView text)
{
    return int(text.count(QLatin1Char('\n')));
}

} // namespace

namespace LinkSyntax {

QList<QString> srcsetUrls(QStringView srcset)
{
    QList<QString> urls;
    qsizetype i = 0;
    const qsizetype n = srcset.size();
    while (i < n) {
        while (i < n && (isSpace(srcset[i]) || srcset[i] == QLatin1Char(',')))
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        while (i < n && !isSpace(srcset[i]))
            ++i;
        QStringView url = srcset.mid(start, i - start);
        bool descriptors = true;
        if (url.endsWith(QLatin1Char(','))) {
            while (url.endsWith(QLatin1Char(',')))
                url.chop(1);
            descriptors = false;
        }
        if (!url.isEmpty())
            urls.append(url.toString());
        if (!descriptors)
            continue;
        // The descriptors run to a comma outside parentheses.
        int depth = 0;
        while (i < n) {
            const QChar c = srcset[i];
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')') && depth > 0)
                --depth;
            else if (c == QLatin1Char(',') && depth == 0)
                break;
            ++i;
        }
    }
    return urls;
}

QList<CssUrl> cssUrls(QStringView css)
{
    QList<CssUrl> urls;
    qsizetype i = 0;
    const qsizetype n = css.size();
    int line = 0;
    qsizetype lineCountedTo = 0;
    const auto add = [&](qsizetype at, QString url) {
        line += lineBreaks(css.mid(lineCountedTo, at - lineCountedTo));
        lineCountedTo = at;
        url = url.trimmed();
        if (!url.isEmpty())
            urls.append(CssUrl{std::move(url), line});
    };
    while (i < n) {
        const QChar c = css[i];
        if (c == QLatin1Char('/') && i + 1 < n && css[i + 1] == QLatin1Char('*')) {
            const qsizetype end = css.indexOf(u"*/", i + 2);
            i = end < 0 ? n : end + 2;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            qsizetype end = 0;
            cssString(css, i, &end); // a string is no url(), whatever it holds
            i = end;
            continue;
        }
        if ((c == QLatin1Char('u') || c == QLatin1Char('U')) && css.mid(i, 4).compare(u"url(", Qt::CaseInsensitive) == 0
            && (i == 0 || !(css[i - 1].isLetterOrNumber() || css[i - 1] == QLatin1Char('-')))) {
            const qsizetype at = i;
            qsizetype j = skipSpaces(css, i + 4);
            QString url;
            if (j < n && (css[j] == QLatin1Char('"') || css[j] == QLatin1Char('\''))) {
                url = cssString(css, j, &j);
            } else {
                const qsizetype start = j;
                while (j < n && css[j] != QLatin1Char(')') && !isSpace(css[j]))
                    ++j;
                url = css.mid(start, j - start).toString();
            }
            const qsizetype close = css.indexOf(QLatin1Char(')'), j);
            i = close < 0 ? n : close + 1;
            add(at, url);
            continue;
        }
        if (c == QLatin1Char('@') && css.mid(i, 7).compare(u"@import", Qt::CaseInsensitive) == 0) {
            const qsizetype at = i;
            const qsizetype j = skipSpaces(css, i + 7);
            if (j < n && (css[j] == QLatin1Char('"') || css[j] == QLatin1Char('\''))) {
                qsizetype end = 0;
                add(at, cssString(css, j, &end));
                i = end;
                continue;
            }
            i = j; // @import url(…) is read as a url()
            continue;
        }
        ++i;
    }
    return urls;
}

QString refreshUrl(QStringView content)
{
    // "5; url=/next": a number, a ';' or ',', then optionally "url=", then the URL, quoted or not.
    qsizetype i = skipSpaces(content, 0);
    while (i < content.size() && (content[i].isDigit() || content[i] == QLatin1Char('.')))
        ++i;
    i = skipSpaces(content, i);
    if (i < content.size() && (content[i] == QLatin1Char(';') || content[i] == QLatin1Char(',')))
        ++i;
    i = skipSpaces(content, i);
    if (i >= content.size())
        return {};
    if (content.mid(i, 3).compare(u"url", Qt::CaseInsensitive) == 0) {
        const qsizetype j = skipSpaces(content, i + 3);
        if (j < content.size() && content[j] == QLatin1Char('='))
            i = skipSpaces(content, j + 1);
    }
    QStringView url = content.mid(i);
    if (!url.isEmpty() && (url[0] == QLatin1Char('"') || url[0] == QLatin1Char('\''))) {
        const QChar quote = url[0];
        url = url.mid(1);
        const qsizetype end = url.indexOf(quote);
        if (end >= 0)
            url = url.left(end);
    }
    return url.trimmed().toString();
}

} // namespace LinkSyntax
