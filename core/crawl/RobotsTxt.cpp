#include "RobotsTxt.h"

#include "ByteView.h"

#include <algorithm>
#include <vector>

namespace {

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// One spelling for paths and patterns (RFC 9309, 2.2.2): octets outside ASCII and controls
// percent-encoded, an encoded unreserved character decoded, hex digits in upper case.
QByteArray normalised(QByteArrayView path)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '%' && i + 2 < path.size() && hexValue(path[i + 1]) >= 0 && hexValue(path[i + 2]) >= 0) {
            const char decoded = char(hexValue(path[i + 1]) * 16 + hexValue(path[i + 2]));
            if (isUnreserved(decoded)) {
                out += decoded;
            } else {
                out += '%';
                out += hex[hexValue(path[i + 1])];
                out += hex[hexValue(path[i + 2])];
            }
            i += 2;
        } else if (quint8(c) >= 0x80 || quint8(c) <= 0x20 || c == 0x7f) {
            out += '%';
            out += hex[quint8(c) >> 4];
            out += hex[quint8(c) & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

// '*' matches any run, a final '$' the end; otherwise the pattern is a prefix. Greedy with one
// backtrack point, as for shell globs: at most |pattern| × |path| steps.
bool matches(QByteArrayView pattern, QByteArrayView path)
{
    bool anchored = false;
    if (pattern.endsWith('$')) {
        anchored = true;
        pattern.chop(1);
    }
    qsizetype p = 0;
    qsizetype s = 0;
    qsizetype starAt = -1;
    qsizetype starMatch = 0;
    while (true) {
        if (p == pattern.size()) {
            if (!anchored || s == path.size())
                return true;
        } else if (pattern[p] == '*') {
            starAt = p++;
            starMatch = s;
            continue;
        } else if (s < path.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
            continue;
        }
        if (starAt < 0 || starMatch >= path.size())
            return false;
        p = starAt + 1;
        s = ++starMatch;
    }
}

bool isProductTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

} // namespace

RobotsTxt RobotsTxt::allowingAll()
{
    return {};
}

RobotsTxt RobotsTxt::disallowingAll()
{
    RobotsTxt robots;
    robots.m_rules.append(Rule{"/", false});
    return robots;
}

RobotsTxt RobotsTxt::parse(QByteArrayView text, QByteArrayView productToken)
{
    text = ByteView::left(text, maxBytes);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = ByteView::mid(text, 3);

    struct Group
    {
        bool ours = false;
        bool anyone = false;
        QList<Rule> rules;
        std::optional<std::chrono::milliseconds> crawlDelay;
    };
    std::vector<Group> groups;
    RobotsTxt robots;
    bool inAgentLines = false; // the last line was a user-agent line: the next one joins its group

    for (QByteArrayView line : ByteView::split(text, '\n')) {
        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line = ByteView::left(line, hash);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArrayView key = ByteView::left(line, colon).trimmed();
        const QByteArrayView value = ByteView::mid(line, colon + 1).trimmed();
        if (key.compare("user-agent", Qt::CaseInsensitive) == 0) {
            if (!inAgentLines || groups.empty())
                groups.emplace_back();
            inAgentLines = true;
            qsizetype end = 0;
            while (end < value.size() && isProductTokenChar(value[end]))
                ++end;
            const QByteArrayView agent = ByteView::left(value, end);
            if (value == "*")
                groups.back().anyone = true;
            else if (!agent.isEmpty() && agent.compare(productToken, Qt::CaseInsensitive) == 0)
                groups.back().ours = true;
            continue;
        }
        if (key.compare("sitemap", Qt::CaseInsensitive) == 0) {
            if (!value.isEmpty())
                robots.m_sitemaps.append(QString::fromUtf8(value));
            continue; // a sitemap line belongs to no group
        }
        const bool allow = key.compare("allow", Qt::CaseInsensitive) == 0;
        const bool disallow = key.compare("disallow", Qt::CaseInsensitive) == 0;
        const bool delay = key.compare("crawl-delay", Qt::CaseInsensitive) == 0;
        if (!allow && !disallow && !delay)
            continue;
        inAgentLines = false;
        if (groups.empty())
            continue; // rules before any user-agent line belong to nobody
        Group &group = groups.back();
        if (delay) {
            bool ok = false;
            const double seconds = value.toByteArray().toDouble(&ok);
            if (ok && seconds >= 0 && seconds < 86400)
                group.crawlDelay = std::chrono::milliseconds(qint64(seconds * 1000));
            continue;
        }
        // An empty Disallow allows everything; an empty Allow says nothing.
        if (value.isEmpty() || value.size() > maxPatternBytes)
            continue;
        group.rules.append(Rule{normalised(value), allow});
    }

    const bool anyOurs = std::any_of(groups.begin(), groups.end(), [](const Group &group) { return group.ours; });
    for (const Group &group : groups) {
        if (anyOurs ? !group.ours : !group.anyone)
            continue;
        for (const Rule &rule : group.rules) {
            if (robots.m_rules.size() < maxRules)
                robots.m_rules.append(rule);
        }
        if (group.crawlDelay && !robots.m_crawlDelay)
            robots.m_crawlDelay = group.crawlDelay;
    }
    return robots;
}

bool RobotsTxt::allows(QByteArrayView pathAndQuery) const
{
    if (m_rules.isEmpty())
        return true;
    const QByteArray path = normalised(pathAndQuery.isEmpty() ? QByteArrayView("/") : pathAndQuery);
    if (path == "/robots.txt")
        return true;
    qsizetype bestLength = -1;
    bool allowed = true;
    for (const Rule &rule : m_rules) {
        const qsizetype length = rule.pattern.size();
        if (length < bestLength || (length == bestLength && allowed))
            continue; // it could not win
        // A pattern's literal head must start the path: most rules are decided by that alone.
        const qsizetype star = rule.pattern.indexOf('*');
        const QByteArrayView head = ByteView::left(rule.pattern, star < 0 ? length : star);
        if (!path.startsWith(head.endsWith('$') ? head.chopped(1) : head))
            continue;
        if (!matches(rule.pattern, path))
            continue;
        if (length > bestLength || rule.allow) {
            bestLength = length;
            allowed = rule.allow;
        }
    }
    return allowed;
}
