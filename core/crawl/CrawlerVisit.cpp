#include "Crawler.h"

#include "CrawlJudgement.h"
#include "HtmlText.h"
#include "net/NetContext.h"
#include "net/curl/CurlMulti.h"

#include <QCoroFuture>
#include <QtConcurrent>

#include <algorithm>

// One URL's visit: its requests (a HEAD refused asks again with GET, redirects one hop at a time,
// a host that says wait), its verdict, and the page read on the crawler's thread pool.

QCoro::Task<> Crawler::visit(CrawlId id, int host, std::shared_ptr<const bool> alive)
{
    m_visits[id].state = State::Running;
    const bool page = m_visits[id].role == Role::Page;
    QUrl url = QUrl::fromEncoded(m_results->at(id).url);
    QSet<QByteArray> seen{m_results->at(id).url};
    QList<CrawlHop> hops;
    NetError chainError;
    bool head = !page;
    CrawlFetch::Answer answer;
    while (true) {
        answer = co_await CrawlFetch::run(m_multi, request(url, head, page), makeContext());
        if (!*alive)
            co_return;
        ++m_results->requests;
        m_results->bytesReceived += answer.bytes;
        if (m_stopping)
            break;
        if (head && CrawlJudgement::refusesHead(answer)) {
            head = false;
            continue;
        }
        if (!answer.answered() || !CrawlJudgement::isRedirect(answer.status) || !answer.location.isValid())
            break;
        const QUrl next = m_normalizer.normalized(answer.location);
        if (!next.isValid()) {
            chainError = {
                ErrorKind::Redirects,
                QStringLiteral("redirected to %1, which is not an http(s) URL").arg(answer.location.toDisplayString())};
            break;
        }
        const QByteArray key = UrlNormalizer::key(next);
        hops.append(CrawlHop{answer.status, key});
        if (seen.contains(key)) {
            chainError
                = {ErrorKind::Redirects,
                   QStringLiteral("a redirect loop: %1 leads back to %2")
                       .arg(QString::fromLatin1(hops.size() > 1 ? hops.at(hops.size() - 2).url : m_results->at(id).url),
                            QString::fromLatin1(key))};
            break;
        }
        if (hops.size() > m_options.maxRedirects) {
            chainError = {ErrorKind::Redirects,
                          QStringLiteral("more than %1 redirects (a redirect loop?)").arg(m_options.maxRedirects)};
            break;
        }
        seen.insert(key);
        url = next;
    }
    const auto now = EngineClock::now();
    m_hosts.finishRequest(host, now);

    if (m_stopping && answer.error.kind == ErrorKind::Cancelled) {
        notChecked(id);
        finishVisit(id);
        co_return;
    }
    if (CrawlJudgement::asksToWait(answer) && hops.isEmpty() && m_visits[id].attempts < m_options.maxRetries
        && !m_stopping) {
        ++m_visits[id].attempts;
        const auto wait = m_hosts.backOff(host, answer.retryAfter, answer.status == 429, now);
        addNotice(QStringLiteral("%1 asked to wait (%2): waiting %3 ms before asking it again")
                      .arg(m_hostInfo[std::size_t(host)].origin, CrawlJudgement::statusText(answer))
                      .arg(wait.count()));
        m_visits[id].state = State::New;
        m_hosts.releaseGlobal();
        enqueue(id, true);
        taskEnded();
        co_return;
    }
    if (const auto pause = m_hosts.recordAnswer(host, CrawlJudgement::isServerTrouble(answer), now))
        addNotice(QStringLiteral("%1 answers with errors more and more: the crawl leaves it alone for %2 s")
                      .arg(m_hostInfo[std::size_t(host)].origin)
                      .arg(double(pause->count()) / 1000.0));
    recordAnswer(id, answer, hops, chainError, url);

    const std::optional<CrawlId> readAs = page ? pageToRead(id, hops, url, answer) : std::nullopt;
    if (readAs) {
        const QByteArray body = std::exchange(answer.body, {});
        auto scanned
            = QtConcurrent::run(&m_pool, &PageScanner::scan, body, answer.contentType, url, m_results->at(*readAs).url,
                                m_normalizer, m_options.maxPageBytes, m_options.maxLinksPerPage);
        PageScan scan = co_await scanned;
        if (!*alive)
            co_return;
        if (answer.truncated && scan.truncated.isEmpty())
            scan.truncated = QStringLiteral("the page is larger than %1 bytes; only the first %1 were read")
                                 .arg(m_options.maxPageBytes);
        applyScan(*readAs, std::move(scan));
    }
    finishVisit(id);
}

void Crawler::recordAnswer(CrawlId id, const CrawlFetch::Answer &answer, const QList<CrawlHop> &hops,
                           const NetError &chainError, const QUrl &finalUrl)
{
    CrawlRecord &record = m_results->edit(id);
    record.status = quint16(std::clamp(answer.status, 0, 0xFFFF));
    record.elapsedMs = qint32(answer.elapsed.count());
    record.mediaType = m_results->sharedMediaType(answer.mediaType);
    record.redirects = hops;
    CrawlJudgement::Judged judged;
    if (chainError.isError()) {
        record.errorKind = chainError.kind;
        judged = {CrawlVerdict::Error, chainError.message};
    } else {
        record.errorKind = answer.error.kind;
        judged = CrawlJudgement::judge(answer, !hops.isEmpty(), QString::fromLatin1(UrlNormalizer::key(finalUrl)));
        if (answer.answered() && answer.status >= 400)
            record.errorKind = ErrorKind::HttpStatus;
    }
    record.message = judged.message;
    if (const QString note = m_trapNotes.value(id); !note.isEmpty()) // the answer first, then why it was not read
        record.message = record.message.isEmpty() ? note : record.message + QStringLiteral("; ") + note;
    m_results->setVerdict(id, judged.verdict);
    markChanged(id);
    // A start URL that lands elsewhere (http:// to https://, a bare domain to www.) takes its site along.
    if (record.depth == 0 && record.source == LinkSource::Start && !hops.isEmpty() && m_scope
        && !m_scope->isInternal(finalUrl))
        m_scope->addSite(finalUrl);
}

std::optional<CrawlId> Crawler::pageToRead(CrawlId id, const QList<CrawlHop> &hops, const QUrl &finalUrl,
                                           const CrawlFetch::Answer &answer)
{
    if (!answer.answered() || answer.status < 200 || answer.status >= 300 || answer.body.isEmpty())
        return std::nullopt;
    const bool html
        = answer.mediaType.isEmpty() ? answer.body.trimmed().startsWith('<') : HtmlText::isHtml(answer.mediaType);
    if (!html)
        return std::nullopt;
    if (hops.isEmpty())
        return id;
    // Redirected: the page read is the one it landed on, if that is internal and not known already
    // (then it is read on its own turn).
    if (!m_scope->isInternal(finalUrl))
        return std::nullopt;
    const QByteArray key = hops.last().url;
    const CrawlReferrer redirect{id, 0, quint32(LinkSource::Redirect)};
    if (const auto known = m_results->find(key)) {
        m_results->addReferrer(*known, redirect, m_options.maxReferrers);
        markChanged(*known);
        return std::nullopt;
    }
    const CrawlRecord &from = m_results->at(id);
    CrawlRecord landed;
    landed.url = key;
    landed.depth = from.depth;
    landed.source = LinkSource::Redirect;
    landed.internal = true;
    landed.status = from.status;
    landed.elapsedMs = from.elapsedMs;
    landed.mediaType = from.mediaType;
    const CrawlId landedId = m_results->add(std::move(landed));
    Visit visit;
    visit.host = hostFor(finalUrl);
    visit.role = Role::Page;
    visit.state = State::Done;
    m_visits.push_back(visit);
    m_results->setVerdict(landedId, CrawlVerdict::Ok);
    m_results->addReferrer(landedId, redirect, m_options.maxReferrers);
    markChanged(landedId);
    return landedId;
}

void Crawler::applyScan(CrawlId id, PageScan scan)
{
    CrawlRecord &record = m_results->edit(id);
    record.read = true;
    record.title = std::move(scan.title);
    if (!scan.truncated.isEmpty())
        record.message = QStringLiteral("read in part: %1").arg(scan.truncated);
    ++m_results->pagesRead;
    markChanged(id);
    const int depth = record.depth;

    if (m_options.checkFragments) {
        if (!scan.anchors.empty()) {
            scan.anchors.shrink_to_fit();
            m_anchors.emplace(id, std::move(scan.anchors)); // insert() would copy the vector
        } else {
            m_anchors.insert(id, {});
        }
        const auto anchors = m_anchors.constFind(id);
        for (const FragmentCheck &check : m_pendingFragments.take(id)) {
            if (!PageScanner::hasAnchor(*anchors, check.fragment))
                reportMissingFragment(id, check.fragment, check.referrer);
        }
    }
    if (m_stopping || depth >= m_options.maxDepth)
        return; // read for its ids and title; its links lie beyond the depth
    const bool nofollow = m_options.respectRobots && scan.noFollow;
    for (const ScannedLink &link : std::as_const(scan.links))
        addLink(link, id, depth + 1, nofollow || (m_options.respectRobots && link.nofollow));
}

void Crawler::finishVisit(CrawlId id)
{
    Visit &visit = m_visits[id];
    if (visit.state == State::Running)
        visit.state = State::Done;
    m_uncheckedFragments += int(m_pendingFragments.take(id).size()); // a page not read after all
    if (std::exchange(visit.upgrade, false) && !m_stopping)
        maybeReadAsPage(id, m_results->at(id).depth, LinkSource::Anchor, false);
    m_hosts.releaseGlobal();
    requestPump();
    taskEnded();
}

void Crawler::taskEnded()
{
    --m_active;
    maybeFinish();
}
