#include "LinkExtractor.h"

#include "ByteView.h"

#include "GumboArena.h"
#include "HtmlInputGuard.h"
#include "HtmlText.h"
#include "LinkSyntax.h"

#include <gumbo.h>

#include <vector>

namespace {

constexpr qsizetype maxTitleLength = 300;

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const char *attribute(const GumboElement &element, const char *name)
{
    const GumboAttribute *found = gumbo_get_attribute(&element.attributes, name);
    return found ? found->value : nullptr;
}

bool hasToken(const char *list, QLatin1StringView token)
{
    if (!list)
        return false;
    const QString value = text(list);
    for (const QStringView word : QStringView(value).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

class Walker
{
public:
    Walker(const QUrl &pageUrl, int maxLinks) : m_base(pageUrl), m_maxLinks(maxLinks) { }

    void walk(const GumboNode *root)
    {
        // By hand rather than by recursion: a page's depth is the page's to choose.
        std::vector<const GumboNode *> stack{root};
        while (!stack.empty()) {
            const GumboNode *node = stack.back();
            stack.pop_back();
            const GumboVector *children = nullptr;
            if (node->type == GUMBO_NODE_DOCUMENT) {
                children = &node->v.document.children;
            } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
                visit(node->v.element);
                children = &node->v.element.children;
            }
            if (!children)
                continue;
            for (unsigned int i = children->length; i > 0; --i)
                stack.push_back(static_cast<const GumboNode *>(children->data[i - 1]));
        }
    }

    PageLinks take() { return std::move(m_page); }

private:
    void add(const char *value, int line, LinkSource source, bool nofollow = false)
    {
        if (value)
            add(text(value), line, source, nofollow);
    }

    void add(QString value, int line, LinkSource source, bool nofollow = false)
    {
        // HTML strips leading and trailing whitespace from a URL and drops tabs and line breaks inside it.
        value = value.trimmed();
        value.remove(QLatin1Char('\t')).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        if (value.isEmpty())
            return;
        if (m_page.links.size() >= m_maxLinks) {
            if (m_page.truncated.isEmpty())
                m_page.truncated = QStringLiteral("more than %1 links; only the first %1 were read").arg(m_maxLinks);
            return;
        }
        const QUrl url = m_base.resolved(QUrl(value));
        if (url.isValid())
            m_page.links.append(ExtractedLink{url, line, source, nofollow});
    }

    void addCss(const char *css, int line)
    {
        if (!css)
            return;
        for (const LinkSyntax::CssUrl &found : LinkSyntax::cssUrls(text(css)))
            add(found.url, line + found.lineOffset, LinkSource::Css);
    }

    void visit(const GumboElement &element)
    {
        const int line = int(element.start_pos.line);
        if (const char *id = attribute(element, "id"); id && *id)
            m_page.anchors.append(text(id));
        addCss(attribute(element, "style"), line);

        switch (element.tag) {
        case GUMBO_TAG_A:
            if (const char *name = attribute(element, "name"); name && *name)
                m_page.anchors.append(text(name));
            [[fallthrough]];
        case GUMBO_TAG_AREA:
            add(attribute(element, "href"), line, element.tag == GUMBO_TAG_A ? LinkSource::Anchor : LinkSource::Area,
                hasToken(attribute(element, "rel"), QLatin1StringView("nofollow")));
            break;
        case GUMBO_TAG_LINK: {
            const char *rel = attribute(element, "rel");
            // These name an origin to connect to early, not a resource: its root may well be a 404.
            if (hasToken(rel, QLatin1StringView("dns-prefetch")) || hasToken(rel, QLatin1StringView("preconnect")))
                break;
            add(attribute(element, "href"), line, LinkSource::Link, hasToken(rel, QLatin1StringView("nofollow")));
            break;
        }
        case GUMBO_TAG_IMG:
            add(attribute(element, "src"), line, LinkSource::Image);
            addSrcset(element, line);
            break;
        case GUMBO_TAG_INPUT:
            if (hasToken(attribute(element, "type"), QLatin1StringView("image")))
                add(attribute(element, "src"), line, LinkSource::Image);
            break;
        case GUMBO_TAG_SCRIPT:
            add(attribute(element, "src"), line, LinkSource::Script);
            break;
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_FRAME:
            add(attribute(element, "src"), line, LinkSource::Frame);
            break;
        case GUMBO_TAG_VIDEO:
            add(attribute(element, "poster"), line, LinkSource::Image);
            [[fallthrough]];
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_TRACK:
        case GUMBO_TAG_EMBED:
            add(attribute(element, "src"), line, LinkSource::Media);
            break;
        case GUMBO_TAG_SOURCE:
            add(attribute(element, "src"), line, LinkSource::Media);
            addSrcset(element, line);
            break;
        case GUMBO_TAG_BASE:
            setBase(attribute(element, "href"));
            break;
        case GUMBO_TAG_META:
            readMeta(element, line);
            break;
        case GUMBO_TAG_STYLE:
            for (unsigned int i = 0; i < element.children.length; ++i) {
                const auto *child = static_cast<const GumboNode *>(element.children.data[i]);
                if (child->type == GUMBO_NODE_TEXT)
                    addCss(child->v.text.text, int(child->v.text.start_pos.line));
            }
            break;
        case GUMBO_TAG_TITLE:
            readTitle(element);
            break;
        default:
            break;
        }
    }

    void addSrcset(const GumboElement &element, int line)
    {
        if (const char *srcset = attribute(element, "srcset")) {
            for (const QString &url : LinkSyntax::srcsetUrls(text(srcset)))
                add(url, line, LinkSource::Srcset);
        }
    }

    void setBase(const char *href)
    {
        // The first <base> with an href counts; links before it already used the page's URL, as
        // gumbo puts <base> in <head>, before anything that links.
        if (m_baseSet || !href)
            return;
        const QUrl base = m_base.resolved(QUrl(text(href).trimmed()));
        m_baseSet = true;
        if (base.isValid() && !base.isRelative())
            m_base = base;
    }

    void readMeta(const GumboElement &element, int line)
    {
        const char *equiv = attribute(element, "http-equiv");
        const char *content = attribute(element, "content");
        if (!content)
            return;
        if (equiv && QByteArrayView(equiv).compare("refresh", Qt::CaseInsensitive) == 0) {
            add(LinkSyntax::refreshUrl(text(content)), line, LinkSource::Refresh);
            return;
        }
        const char *name = attribute(element, "name");
        if (name
            && (QByteArrayView(name).compare("robots", Qt::CaseInsensitive) == 0
                || QByteArrayView(name).compare("pingscope", Qt::CaseInsensitive) == 0)) {
            const QString directives = text(content);
            for (const QStringView directive : QStringView(directives).split(QLatin1Char(','))) {
                const QStringView word = directive.trimmed();
                if (word.compare(u"nofollow", Qt::CaseInsensitive) == 0
                    || word.compare(u"none", Qt::CaseInsensitive) == 0)
                    m_page.noFollow = true;
            }
        }
    }

    void readTitle(const GumboElement &element)
    {
        if (!m_page.title.isEmpty())
            return;
        QString title;
        for (unsigned int i = 0; i < element.children.length && title.size() < maxTitleLength; ++i) {
            const auto *child = static_cast<const GumboNode *>(element.children.data[i]);
            if (child->type == GUMBO_NODE_TEXT)
                title += text(child->v.text.text);
        }
        m_page.title = title.simplified().left(maxTitleLength);
    }

    QUrl m_base;
    bool m_baseSet = false;
    int m_maxLinks;
    PageLinks m_page;
};

} // namespace

namespace LinkExtractor {

PageLinks extract(QByteArrayView body, QByteArrayView contentType, const QUrl &pageUrl, qsizetype maxBytes,
                  int maxLinks)
{
    QString truncated;
    if (body.size() > maxBytes) {
        body = ByteView::left(body, maxBytes);
        truncated = QStringLiteral("the page is larger than %1 bytes; only the first %1 were read").arg(maxBytes);
    }
    HtmlText::Decoded decoded = HtmlText::toUtf8(body, contentType);
    const HtmlInputGuard::Limit limit = HtmlInputGuard::check(decoded.utf8);
    if (!limit.reason.isEmpty())
        truncated = limit.reason;

    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // we read links, not a validator's report
    GumboArena arena;
    arena.use(options);
    GumboOutput *output = gumbo_parse_with_options(&options, decoded.utf8.constData(), std::size_t(limit.length));
    Walker walker(pageUrl, maxLinks);
    if (output)
        walker.walk(output->document);
    // No gumbo_destroy_output: it would walk the tree to free it piece by piece, and the arena frees it whole.

    PageLinks page = walker.take();
    page.charset = decoded.charset;
    if (page.truncated.isEmpty())
        page.truncated = truncated;
    return page;
}

} // namespace LinkExtractor
