#include "Crawler.h"

#include "ByteView.h"

#include "CrawlJudgement.h"
#include "HtmlText.h"
#include "SitemapParser.h"
#include "async/DeleteLater.h"
#include "net/HostPort.h"
#include "net/NetContext.h"
#include "net/curl/CurlMulti.h"
#include "net/curl/CurlSetup.h"

#include <QCoroFuture>
#include <QMetaObject>
#include <QtConcurrent>

#include <algorithm>

using namespace std::chrono_literals;

namespace {

constexpr int maxSitemapNesting = 3;
constexpr qint64 maxSitemapBytes = 10 * 1024 * 1024;
constexpr qint64 maxLeafBodyBytes = 64 * 1024; // a GET after a refused HEAD needs the status, not the body
constexpr auto maxCrawlDelay = 30s;
constexpr qint64 rateWindowMs = 3000;

// Paths that name files no one reads as a page: checked with HEAD even when linked like a page.
bool looksLikeFile(const QUrl &url)
{
    static const QStringList extensions{
        QStringLiteral("7z"),    QStringLiteral("apk"),  QStringLiteral("avi"),  QStringLiteral("bmp"),
        QStringLiteral("bz2"),   QStringLiteral("css"),  QStringLiteral("csv"),  QStringLiteral("deb"),
        QStringLiteral("dmg"),   QStringLiteral("doc"),  QStringLiteral("docx"), QStringLiteral("eot"),
        QStringLiteral("exe"),   QStringLiteral("flac"), QStringLiteral("gif"),  QStringLiteral("gz"),
        QStringLiteral("ico"),   QStringLiteral("iso"),  QStringLiteral("jpeg"), QStringLiteral("jpg"),
        QStringLiteral("js"),    QStringLiteral("json"), QStringLiteral("m4a"),  QStringLiteral("m4v"),
        QStringLiteral("mkv"),   QStringLiteral("mov"),  QStringLiteral("mp3"),  QStringLiteral("mp4"),
        QStringLiteral("msi"),   QStringLiteral("ogg"),  QStringLiteral("otf"),  QStringLiteral("pdf"),
        QStringLiteral("png"),   QStringLiteral("ppt"),  QStringLiteral("pptx"), QStringLiteral("rar"),
        QStringLiteral("rpm"),   QStringLiteral("svg"),  QStringLiteral("tar"),  QStringLiteral("tgz"),
        QStringLiteral("tif"),   QStringLiteral("tiff"), QStringLiteral("ttf"),  QStringLiteral("txt"),
        QStringLiteral("wav"),   QStringLiteral("webm"), QStringLiteral("webp"), QStringLiteral("woff"),
        QStringLiteral("woff2"), QStringLiteral("xls"),  QStringLiteral("xlsx"), QStringLiteral("xml"),
        QStringLiteral("xz"),    QStringLiteral("zip")};
    const QString path = url.path();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot <= slash)
        return false;
    return extensions.contains(path.mid(dot + 1).toLower());
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString stopWords(CrawlStop stop)
{
    switch (stop) {
    case CrawlStop::Cancelled:
        return QStringLiteral("not checked: the crawl was cancelled");
    case CrawlStop::TimeLimit:
        return QStringLiteral("not checked: the crawl's time limit ran out");
    default:
        return QStringLiteral("not checked");
    }
}

} // namespace

Crawler::Crawler(CrawlOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_results(std::make_shared<CrawlResults>())
    , m_normalizer(m_options.trackingParameters)
    , m_traps(m_options.traps)
    , m_hosts(m_options.politeness())
    , m_multi(new CurlMulti(this))
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_wake.setSingleShot(true);
    m_wake.setTimerType(Qt::PreciseTimer);
    connect(&m_wake, &QTimer::timeout, this, &Crawler::pump);
    m_progressTimer.setInterval(m_options.progressInterval);
    connect(&m_progressTimer, &QTimer::timeout, this, &Crawler::flushChanges);
    m_timeLimit.setSingleShot(true);
    m_timeLimit.setTimerType(Qt::PreciseTimer); // a coarse timer may end a crawl 5 % early
    connect(&m_timeLimit, &QTimer::timeout, this, [this] { stop(CrawlStop::TimeLimit); });
}

Crawler::~Crawler()
{
    // Coroutines resumed from here on (the multi completes its transfers as it goes) end at once.
    *m_alive = false;
    emit aborting();
}

bool Crawler::start(QString *error)
{
    if (m_started) {
        if (error)
            *error = QStringLiteral("the crawl has started already");
        return false;
    }
    const QString problem = m_options.problem();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QList<QUrl> starts;
    for (const QUrl &url : m_options.startUrls + m_options.sitemaps)
        starts.append(m_normalizer.normalized(url));
    m_scope = CrawlScope::make(starts, m_options.include, m_options.exclude, error);
    if (!m_scope)
        return false;

    m_started = true;
    m_clock.start();
    m_results->startedAt = QDateTime::currentDateTimeUtc();
    m_results->startUrls = m_options.startUrls;
    m_progressTimer.start();
    if (m_options.timeLimit.count() > 0)
        m_timeLimit.start(m_options.timeLimit);
    for (const QUrl &url : std::as_const(m_options.startUrls)) {
        const QUrl normal = m_normalizer.normalized(url);
        const QByteArray key = UrlNormalizer::key(normal);
        if (m_results->find(key))
            continue;
        discover(normal, key, 0, LinkSource::Start, std::nullopt, false);
    }
    for (const QUrl &sitemap : std::as_const(m_options.sitemaps)) {
        ++m_active;
        readSitemap(sitemap, 0, m_alive);
    }
    requestPump();
    return true;
}

void Crawler::cancel()
{
    stop(CrawlStop::Cancelled);
}

int Crawler::transfersInFlight() const
{
    return m_multi->activeTransfers();
}

CrawlProgress Crawler::progress() const
{
    CrawlProgress progress;
    progress.checked = m_results->checked();
    progress.queued = m_hosts.queued();
    progress.inFlight = m_hosts.inFlight();
    progress.problems = m_results->problems();
    progress.pagesRead = m_results->pagesRead;
    progress.pageBudget = m_options.maxPages;
    progress.records = int(m_results->size());
    progress.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    progress.finished = m_finished;
    if (m_rateSamples.size() >= 2) {
        const auto &[firstMs, firstChecked] = m_rateSamples.front();
        const auto &[lastMs, lastChecked] = m_rateSamples.back();
        if (lastMs > firstMs)
            progress.perSecond = double(lastChecked - firstChecked) * 1000.0 / double(lastMs - firstMs);
    }
    return progress;
}

// ---- discovery

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
        && m_pagesAssigned < m_options.maxPages && !looksLikeFile(QUrl::fromEncoded(record.url));
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
    exclude(id, stopWords(m_stopReason));
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

// ---- dispatch

void Crawler::requestPump()
{
    if (m_pumpQueued || m_finished)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &Crawler::pump, Qt::QueuedConnection);
}

void Crawler::pump()
{
    m_pumpQueued = false;
    if (m_stopping || m_finished) {
        maybeFinish();
        return;
    }
    const auto now = EngineClock::now();
    while (const auto slot = m_hosts.take(now)) {
        ++m_active;
        visit(CrawlId(slot->item), slot->host, m_alive);
    }
    if (const auto wake = m_hosts.nextWake()) {
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*wake - EngineClock::now());
        m_wake.start(std::max(wait, 0ms));
    } else {
        m_wake.stop();
    }
    maybeFinish();
}

std::shared_ptr<NetContext> Crawler::makeContext()
{
    auto context = makeSharedLater<NetContext>(m_options.requestTimeout);
    connect(this, &Crawler::aborting, context.get(), &NetContext::cancel);
    context->start();
    return context;
}

CrawlFetch::Request Crawler::request(const QUrl &url, bool head, bool page) const
{
    CrawlFetch::Request request;
    request.url = url;
    request.head = head;
    request.maxBodyBytes = page ? m_options.maxPageBytes : maxLeafBodyBytes;
    request.verifyTls = m_options.verifyTls;
    request.userAgent
        = m_options.userAgent.isEmpty() ? CurlSetup::userAgent() + " (link checker)" : m_options.userAgent;
    return request;
}

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
        if (!answer.answered() || !isRedirect(answer.status) || !answer.location.isValid())
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
            m_anchors.insert(id, std::move(scan.anchors));
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

QCoro::Task<> Crawler::readRobots(int host, std::shared_ptr<const bool> alive)
{
    const QString origin = m_hostInfo[std::size_t(host)].origin;
    CrawlFetch::Request ask = request(QUrl(origin + QStringLiteral("/robots.txt")), false, true);
    ask.followRedirects = true;
    ask.maxBodyBytes = RobotsTxt::maxBytes;
    const CrawlFetch::Answer answer = co_await CrawlFetch::run(m_multi, ask, makeContext());
    if (!*alive)
        co_return;
    ++m_results->requests;
    m_results->bytesReceived += answer.bytes;

    HostInfo &info = m_hostInfo[std::size_t(host)];
    info.robotsState = Robots::Ready;
    const QString unreadable
        = QStringLiteral("%1/robots.txt could not be read (%2), so it is taken to disallow everything (RFC 9309)");
    if (!answer.answered()) {
        if (!m_stopping) {
            info.robots = RobotsTxt::disallowingAll();
            info.robotsProblem = unreadable.arg(origin, answer.error.message);
        }
    } else if (answer.status >= 200 && answer.status < 300) {
        info.robots = RobotsTxt::parse(answer.body);
    } else if (answer.status == 429 || answer.status >= 500) {
        info.robots = RobotsTxt::disallowingAll();
        info.robotsProblem = unreadable.arg(origin, CrawlJudgement::statusText(answer));
    } // else 4xx: there is none, and everything is allowed
    if (!info.robotsProblem.isEmpty())
        addNotice(info.robotsProblem);
    if (const auto delay = info.robots.crawlDelay())
        m_hosts.setInterval(host, std::min<std::chrono::milliseconds>(*delay, maxCrawlDelay));

    // What waited for the rules is judged by them now (the host is held: nothing of it was taken).
    const std::vector<quint32> waiting = m_hosts.takeQueue(host);
    for (const quint32 id : waiting) {
        if (robotsAllow(id))
            m_hosts.push(host, id, EngineClock::now());
        else
            exclude(id, info.robotsProblem.isEmpty() ? QStringLiteral("robots.txt disallows it") : info.robotsProblem);
    }
    m_hosts.unhold(host, EngineClock::now());
    if (!m_stopping) {
        for (const QString &sitemap : info.robots.sitemaps()) {
            const QUrl url(sitemap);
            if (url.isValid() && m_scope->isInternal(url)) {
                ++m_active;
                readSitemap(url, 0, m_alive);
            }
        }
    }
    requestPump();
    taskEnded();
}

QCoro::Task<> Crawler::readSitemap(QUrl url, int nesting, std::shared_ptr<const bool> alive)
{
    const QUrl normal = m_normalizer.normalized(url);
    const QByteArray key = UrlNormalizer::key(normal);
    if (!normal.isValid() || m_results->find(key) || m_stopping) {
        taskEnded();
        co_return;
    }
    CrawlRecord sitemapRecord;
    sitemapRecord.url = key;
    sitemapRecord.source = LinkSource::Sitemap;
    sitemapRecord.internal = m_scope->isInternal(normal);
    const CrawlId id = m_results->add(std::move(sitemapRecord));
    Visit visit;
    visit.host = hostFor(normal);
    visit.role = Role::Sitemap;
    visit.state = State::Running;
    m_visits.push_back(visit);
    markChanged(id);

    CrawlFetch::Request ask = request(normal, false, true);
    ask.followRedirects = true;
    ask.maxBodyBytes = maxSitemapBytes;
    CrawlFetch::Answer answer = co_await CrawlFetch::run(m_multi, ask, makeContext());
    if (!*alive)
        co_return;
    ++m_results->requests;
    m_results->bytesReceived += answer.bytes;
    m_visits[id].state = State::Done;
    if (m_stopping) {
        notChecked(id);
        taskEnded();
        co_return;
    }
    recordAnswer(id, answer, {}, {}, normal);
    if (!answer.answered() || answer.status < 200 || answer.status >= 300) {
        taskEnded();
        co_return;
    }
    auto parsed = QtConcurrent::run(&m_pool, &SitemapParser::parse, std::exchange(answer.body, {}));
    const SitemapParser::Sitemap sitemap = co_await parsed;
    if (!*alive)
        co_return;
    if (!sitemap.error.isEmpty() || answer.truncated) {
        CrawlRecord &read = m_results->edit(id);
        read.message = answer.truncated ? QStringLiteral("read in part: larger than %1 bytes").arg(maxSitemapBytes)
                                        : QStringLiteral("read in part: %1").arg(sitemap.error);
        markChanged(id);
    }
    if (!m_stopping) {
        for (const SitemapParser::Entry &entry : sitemap.pages) {
            const QUrl page = m_normalizer.normalized(QUrl(entry.url));
            if (!page.isValid())
                continue;
            addLink(
                ScannedLink{page, UrlNormalizer::key(page), QString(), quint32(entry.line), LinkSource::Sitemap, false},
                id, 1, false);
        }
        if (nesting < maxSitemapNesting) {
            for (const SitemapParser::Entry &entry : sitemap.sitemaps) {
                ++m_active;
                readSitemap(QUrl(entry.url), nesting + 1, m_alive);
            }
        }
    }
    requestPump();
    taskEnded();
}

// ---- the end

void Crawler::stop(CrawlStop reason)
{
    if (!m_started || m_stopping || m_finished)
        return;
    m_stopping = true;
    m_stopReason = reason;
    m_wake.stop();
    m_timeLimit.stop();
    for (const quint32 id : m_hosts.drain())
        notChecked(CrawlId(id));
    emit aborting();
    maybeFinish();
}

void Crawler::maybeFinish()
{
    if (!m_started || m_finished || m_active > 0 || m_hosts.queued() > 0 || m_pumpQueued)
        return;
    m_finished = true;
    // Never from inside start(), cancel() or a coroutine's step: a receiver may delete the crawler.
    QMetaObject::invokeMethod(this, &Crawler::finish, Qt::QueuedConnection);
}

void Crawler::finish()
{
    m_uncheckedFragments += int(m_pendingFragments.size());
    m_pendingFragments.clear();
    m_anchors.clear();
    m_wake.stop();
    m_timeLimit.stop();
    m_progressTimer.stop();
    m_results->finishedAt = QDateTime::currentDateTimeUtc();
    m_results->stop = m_stopping ? m_stopReason : CrawlStop::Completed;
    if (m_uncheckedFragments > 0)
        m_results->notices.append(
            QStringLiteral("%1 links to a #fragment were not checked: their pages were not read (not HTML, broken, "
                           "or beyond the depth or the page budget)")
                .arg(m_uncheckedFragments));
    flushChanges();
    emit finished(m_results->stop);
}

void Crawler::markChanged(CrawlId id)
{
    Visit &visit = m_visits[id];
    if (visit.changed)
        return;
    visit.changed = true;
    m_changed.push_back(id);
}

void Crawler::flushChanges()
{
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_rateSamples.emplace_back(now, m_results->checked());
    while (m_rateSamples.size() > 2 && m_rateSamples.front().first < now - rateWindowMs)
        m_rateSamples.pop_front();
    if (!m_changed.empty()) {
        std::sort(m_changed.begin(), m_changed.end());
        QList<CrawlId> ids;
        ids.reserve(qsizetype(m_changed.size()));
        for (const CrawlId id : m_changed) {
            m_visits[id].changed = false;
            ids.append(id);
        }
        m_changed.clear();
        emit recordsChanged(ids);
    }
    emit progressed(progress());
}

void Crawler::addNotice(const QString &text)
{
    m_results->notices.append(QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + QLatin1Char(' ') + text);
    emit notice(text);
}
