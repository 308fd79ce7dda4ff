#include "HtmlInputGuard.h"

#include <array>
#include <cstring>
#include <vector>

namespace {

using Name = quint64;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// A tag name as a number: its length and its first seven letters in lower case. Longer names that
// share both are taken for one another, which only makes the estimate rougher.
Name nameOf(QByteArrayView text)
{
    Name name = Name(qMin<qsizetype>(text.size(), 255)) << 56;
    for (qsizetype i = 0; i < qMin<qsizetype>(text.size(), 7); ++i)
        name |= Name(quint8(lower(text[i]))) << (8 * i);
    return name;
}

constexpr Name literal(const char *text)
{
    Name name = Name(std::char_traits<char>::length(text)) << 56;
    for (int i = 0; i < 7 && text[i] != '\0'; ++i)
        name |= Name(quint8(text[i])) << (8 * i);
    return name;
}

template<std::size_t N> bool among(const std::array<Name, N> &names, Name name)
{
    for (const Name candidate : names) {
        if (candidate == name)
            return true;
    }
    return false;
}

// No end tag, no children.
constexpr std::array<Name, 16> voidElements{literal("area"),  literal("base"),  literal("br"),     literal("col"),
                                            literal("embed"), literal("hr"),    literal("img"),    literal("input"),
                                            literal("link"),  literal("meta"),  literal("source"), literal("track"),
                                            literal("wbr"),   literal("param"), literal("keygen"), literal("frame")};
// Text up to their own end tag, no elements inside.
constexpr std::array<Name, 8> rawTextElements{literal("script"),  literal("style"),   literal("textarea"),
                                              literal("title"),   literal("xmp"),     literal("iframe"),
                                              literal("noembed"), literal("noframes")};
// Closed by a sibling or by their parent's end: they do not nest into themselves.
constexpr std::array<Name, 20> selfClosingElements{
    literal("p"),        literal("li"),    literal("dt"),       literal("dd"),      literal("option"),
    literal("optgroup"), literal("tr"),    literal("td"),       literal("th"),      literal("tbody"),
    literal("thead"),    literal("tfoot"), literal("colgroup"), literal("caption"), literal("rb"),
    literal("rt"),       literal("rp"),    literal("rtc"),      literal("html"),    literal("head")};
constexpr Name body = literal("body");
constexpr Name anchor = literal("a");
constexpr Name svg = literal("svg");
constexpr Name math = literal("math");
constexpr Name plaintext = literal("plaintext");

class Scanner
{
public:
    Scanner(QByteArrayView html, int depthLimit, int attributeLimit)
        : m_text(html.data()), m_size(html.size()), m_depthLimit(depthLimit), m_attributeLimit(attributeLimit)
    { }

    HtmlInputGuard::Limit run()
    {
        qsizetype i = 0;
        while (i < m_size) {
            const void *next = std::memchr(m_text + i, '<', std::size_t(m_size - i));
            if (!next)
                break;
            const qsizetype tagStart = static_cast<const char *>(next) - m_text;
            i = tagStart + 1;
            if (i >= m_size)
                break;
            const char c = m_text[i];
            if (c == '!' || c == '?') {
                i = skipMarkupDeclaration(tagStart);
                continue;
            }
            const bool endTag = c == '/';
            const qsizetype nameStart = endTag ? i + 1 : i;
            if (nameStart >= m_size || !isLetter(m_text[nameStart]))
                continue; // a '<' in text
            Tag tag = readTag(nameStart);
            i = tag.end;
            if (endTag) {
                close(tag.name);
                continue;
            }
            if (tag.attributes > m_attributeLimit)
                return cut(tagStart, QStringLiteral("a tag carries more than %1 attributes").arg(m_attributeLimit));
            if (++m_tags > HtmlInputGuard::maxElements)
                return cut(tagStart, QStringLiteral("more than %1 tags").arg(HtmlInputGuard::maxElements));
            m_attributes += tag.attributes;
            if (m_attributes > HtmlInputGuard::maxTotalAttributes)
                return cut(tagStart,
                           QStringLiteral("more than %1 attributes in all").arg(HtmlInputGuard::maxTotalAttributes));
            if (tag.name == plaintext)
                break; // the rest is text
            if (among(rawTextElements, tag.name)) {
                i = skipRawText(i, tag.nameText);
                continue;
            }
            if (among(voidElements, tag.name) || among(selfClosingElements, tag.name) || tag.name == body)
                continue;
            if (tag.selfClosing && m_foreignBase >= 0)
                continue;
            if (tag.name == anchor)
                close(anchor); // an <a> inside an <a> closes the first
            m_open.push_back(tag.name);
            if ((tag.name == svg || tag.name == math) && m_foreignBase < 0)
                m_foreignBase = qsizetype(m_open.size()) - 1;
            if (qsizetype(m_open.size()) > m_depthLimit)
                return cut(tagStart, QStringLiteral("elements nest deeper than %1").arg(m_depthLimit));
        }
        return {m_size, {}};
    }

private:
    struct Tag
    {
        Name name = 0;
        QByteArrayView nameText;
        int attributes = 0;
        bool selfClosing = false;
        qsizetype end = 0; // after its '>'
    };

    static HtmlInputGuard::Limit cut(qsizetype at, const QString &why)
    {
        return {at, QStringLiteral("%1; only the first %2 bytes were read").arg(why).arg(at)};
    }

    qsizetype find(QByteArrayView needle, qsizetype from) const
    {
        const qsizetype found = QByteArrayView(m_text, m_size).indexOf(needle, from);
        return found < 0 ? m_size : found;
    }

    qsizetype skipMarkupDeclaration(qsizetype tagStart) const
    {
        if (QByteArrayView(m_text + tagStart, m_size - tagStart).startsWith("<!--")) {
            const qsizetype end = find("-->", tagStart + 4);
            return end >= m_size ? m_size : end + 3;
        }
        const qsizetype end = find(">", tagStart + 2);
        return end >= m_size ? m_size : end + 1;
    }

    Tag readTag(qsizetype nameStart) const
    {
        Tag tag;
        qsizetype j = nameStart;
        while (j < m_size && !isSpace(m_text[j]) && m_text[j] != '/' && m_text[j] != '>')
            ++j;
        tag.nameText = QByteArrayView(m_text + nameStart, j - nameStart);
        tag.name = nameOf(tag.nameText);
        while (j < m_size && m_text[j] != '>') {
            const char c = m_text[j];
            if (isSpace(c)) {
                ++j;
                continue;
            }
            if (c == '/') {
                tag.selfClosing = j + 1 < m_size && m_text[j + 1] == '>';
                ++j;
                continue;
            }
            ++tag.attributes;
            while (j < m_size && !isSpace(m_text[j]) && m_text[j] != '/' && m_text[j] != '>' && m_text[j] != '=')
                ++j;
            while (j < m_size && isSpace(m_text[j]))
                ++j;
            if (j >= m_size || m_text[j] != '=')
                continue;
            ++j;
            while (j < m_size && isSpace(m_text[j]))
                ++j;
            if (j < m_size && (m_text[j] == '"' || m_text[j] == '\'')) {
                const void *close = std::memchr(m_text + j + 1, m_text[j], std::size_t(m_size - j - 1));
                j = close ? static_cast<const char *>(close) - m_text + 1 : m_size;
            } else {
                while (j < m_size && !isSpace(m_text[j]) && m_text[j] != '>')
                    ++j;
            }
        }
        tag.end = j < m_size ? j + 1 : m_size;
        return tag;
    }

    // To the "</name" that ends a raw text element, which is then read as an end tag.
    qsizetype skipRawText(qsizetype from, QByteArrayView name) const
    {
        qsizetype i = from;
        while (i < m_size) {
            const void *next = std::memchr(m_text + i, '<', std::size_t(m_size - i));
            if (!next)
                return m_size;
            i = static_cast<const char *>(next) - m_text;
            if (i + 1 + name.size() < m_size && m_text[i + 1] == '/'
                && QByteArrayView(m_text + i + 2, name.size()).compare(name, Qt::CaseInsensitive) == 0)
                return i;
            ++i;
        }
        return m_size;
    }

    // An end tag closes the innermost open element of its name and all inside it; one of no open
    // element is ignored, as the tree builder ignores it.
    void close(Name name)
    {
        for (qsizetype k = qsizetype(m_open.size()) - 1; k >= 0; --k) {
            if (m_open[std::size_t(k)] != name)
                continue;
            m_open.resize(std::size_t(k));
            if (m_foreignBase >= k)
                m_foreignBase = -1;
            return;
        }
    }

    const char *m_text;
    qsizetype m_size;
    int m_depthLimit;
    int m_attributeLimit;
    std::vector<Name> m_open;
    int m_tags = 0; // start tags
    qint64 m_attributes = 0;
    qsizetype m_foreignBase = -1; // where the outermost open <svg> or <math> stands; -1 outside
};

} // namespace

namespace HtmlInputGuard {

Limit check(QByteArrayView html, int depthLimit, int attributeLimit)
{
    return Scanner(html, depthLimit, attributeLimit).run();
}

} // namespace HtmlInputGuard
