#include "Crawler.h"

#include "ByteView.h"
#include "CrawlJudgement.h"
#include "HtmlText.h"
#include "net/HostPort.h"

// How the crawler meets URLs: a new one becomes a record with a visit planned (read as a page,
// checked as a link, excluded), a known one gains a referrer and perhaps a reading, and #fragment
// links are checked against the ids of the page they name.

CrawlId Crawler::discover(const QUrl &url, const QByteArray &key, int depth, LinkSource source,
                          std::optional<CrawlReferrer> referrer, bool nofollow)
{
    CrawlRecord record;
    record.url = key;
    record.depth = quint16(std::min(depth, 0xFFFF));
    record.source = source;
    record.internal = m_scope->isInternal(url);
    const CrawlId id = m_results->add(std::move(record));
    Visit visit;
    visit.host = hostFor(url);
    m_visits.push_back(visit);
    if (referrer)
        m_results->addReferrer(id, *referrer, m_options.maxReferrers);
    markChanged(id);

    const CrawlRecord &added = m_results->at(id);
    if (const auto pattern = m_scope->exclusion(QString::fromLatin1(key))) {
        exclude(id, QStringLiteral("it matches the exclude pattern \"%1\"").arg(*pattern));
        return id;
    }
    if (!added.internal && !m_options.checkExternal) {
        exclude(id, QStringLiteral("an external link, and external links are not checked"));
        return id;
    }
    if (wantsPage(added, depth, source, nofollow)) {
        // What looks like a trap is checked like any link but not read, so it leads the crawl no further.
        if (const auto trap = m_traps.admit(url, key.size())) {
            m_trapNotes.insert(id, QStringLiteral("not read: %1").arg(*trap));
            m_visits[id].trapped = true;
        } else {
            m_visits[id].role = Role::Page;
            ++m_pagesAssigned;
        }
    }
    enqueue(id);
    return id;
}

bool Crawler::wantsPage(const CrawlRecord &record, int depth, LinkSource source, bool nofollow) const
{
    return record.internal && isNavigation(source) && !nofollow && depth <= m_options.maxDepth
        && m_pagesAssigned < m_options.maxPages && !CrawlJudgement::looksLikeFile(QUrl::fromEncoded(record.url));
}

void Crawler::addLink(const ScannedLink &link, CrawlId from, int depth, bool nofollow)
{
    const CrawlReferrer referrer{from, std::min<quint32>(link.line, 0xFFFFFF), quint32(link.source)};
    CrawlId id = 0;
    if (const auto known = m_results->find(link.key)) {
        id = *known;
        m_results->addReferrer(id, referrer, m_options.maxReferrers);
        markChanged(id);
        maybeReadAsPage(id, depth, link.source, nofollow);
    } else {
        id = discover(link.url, link.key, depth, link.source, referrer, nofollow);
    }
    if (!link.fragment.isEmpty() && m_options.checkFragments && m_results->at(id).internal)
        checkFragment(id, link.fragment, referrer);
}

void Crawler::maybeReadAsPage(CrawlId id, int depth, LinkSource source, bool nofollow)
{
    Visit &visit = m_visits[id];
    CrawlRecord &record = m_results->edit(id);
    if (visit.state == State::Queued && depth < record.depth)
        record.depth = quint16(depth);
    if (visit.role != Role::Leaf || record.verdict == CrawlVerdict::Excluded
        || !wantsPage(record, depth, source, nofollow))
        return;
    // A trap stays a link that is checked (or was): it is not read.
    if (visit.trapped || m_traps.admit(QUrl::fromEncoded(record.url), record.url.size()))
        return;
    switch (visit.state) {
    case State::New:
    case State::Queued:
        visit.role = Role::Page;
        ++m_pagesAssigned;
        break;
    case State::Running:
        visit.upgrade = true; // decided when its check ends
        break;
    case State::Done:
        // Checked as a leaf before (an <img> or a nofollow link came first): read it now if it
        // may be a page.
        if ((record.verdict == CrawlVerdict::Ok || record.verdict == CrawlVerdict::Redirected)
            && (record.mediaType.isEmpty() || HtmlText::isHtml(record.mediaType))) {
            visit.role = Role::Page;
            ++m_pagesAssigned;
            record.depth = quint16(depth);
            enqueue(id);
        }
        break;
    }
}

int Crawler::hostFor(const QUrl &url)
{
    const bool https = url.scheme() == QLatin1String("https");
    const QString origin
        = url.scheme() + QStringLiteral("://") + HostPort::join(url.host(), quint16(url.port(https ? 443 : 80)));
    const int host = m_hosts.host(origin);
    if (host >= int(m_hostInfo.size())) {
        m_hostInfo.resize(std::size_t(host) + 1);
        m_hostInfo[std::size_t(host)].origin = origin;
    }
    return host;
}

void Crawler::enqueue(CrawlId id, bool first)
{
    if (m_stopping) {
        notChecked(id);
        return;
    }
    Visit &visit = m_visits[id];
    HostInfo &info = m_hostInfo[std::size_t(visit.host)];
    if (m_results->at(id).internal && m_options.respectRobots) {
        if (info.robotsState == Robots::Unknown) {
            info.robotsState = Robots::Fetching;
            m_hosts.hold(visit.host);
            ++m_active;
            readRobots(visit.host, m_alive);
        } else if (info.robotsState == Robots::Ready && !robotsAllow(id)) {
            exclude(id, info.robotsProblem.isEmpty() ? QStringLiteral("robots.txt disallows it") : info.robotsProblem);
            return;
        }
    }
    visit.state = State::Queued;
    m_hosts.push(visit.host, id, EngineClock::now(), first);
    requestPump();
}

bool Crawler::robotsAllow(CrawlId id) const
{
    const QByteArray &url = m_results->at(id).url;
    const qsizetype authority = url.indexOf("://");
    const qsizetype path = authority < 0 ? -1 : url.indexOf('/', authority + 3);
    const HostInfo &info = m_hostInfo[std::size_t(m_visits[id].host)];
    return info.robots.allows(path < 0 ? QByteArrayView("/") : ByteView::mid(url, path));
}

void Crawler::exclude(CrawlId id, const QString &why)
{
    m_visits[id].state = State::Done;
    m_results->edit(id).message = why;
    m_results->setVerdict(id, CrawlVerdict::Excluded);
    m_pendingFragments.remove(id);
    markChanged(id);
}

void Crawler::notChecked(CrawlId id)
{
    exclude(id, CrawlJudgement::notChecked(m_stopReason));
}

void Crawler::checkFragment(CrawlId target, const QString &fragment, CrawlReferrer referrer)
{
    const auto anchors = m_anchors.constFind(target);
    if (anchors != m_anchors.cend()) {
        if (!PageScanner::hasAnchor(*anchors, fragment))
            reportMissingFragment(target, fragment, referrer);
        return;
    }
    const Visit &visit = m_visits[target];
    if (visit.role == Role::Page && visit.state != State::Done)
        m_pendingFragments[target].push_back(FragmentCheck{fragment, referrer});
    else
        ++m_uncheckedFragments; // the page is not read (not HTML, broken, beyond the budget)
}

void Crawler::reportMissingFragment(CrawlId target, const QString &fragment, CrawlReferrer referrer)
{
    const CrawlRecord &page = m_results->at(target);
    const QByteArray key = page.url + '#' + QUrl::toPercentEncoding(fragment, "!$&'()*+,;=:@/?");
    CrawlId id = 0;
    if (const auto known = m_results->find(key)) {
        id = *known;
    } else {
        CrawlRecord record;
        record.url = key;
        record.depth = page.depth;
        record.source = referrer.linkSource();
        record.internal = true;
        record.status = page.status;
        record.fragmentOf = target;
        record.message = QStringLiteral("the page has no element with the id or name \"%1\"").arg(fragment);
        id = m_results->add(std::move(record));
        Visit visit;
        visit.host = m_visits[target].host;
        visit.state = State::Done;
        m_visits.push_back(visit);
        m_results->setVerdict(id, CrawlVerdict::Broken);
    }
    m_results->addReferrer(id, referrer, m_options.maxReferrers);
    markChanged(id);
}
