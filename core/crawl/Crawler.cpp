#include "Crawler.h"

#include "CrawlJudgement.h"
#include "async/DeleteLater.h"
#include "net/NetContext.h"
#include "net/curl/CurlMulti.h"
#include "net/curl/CurlSetup.h"

#include <QMetaObject>

#include <algorithm>

// The crawler's life: start, the dispatch of queued URLs under the politeness rules, the end.
// Discovery is in CrawlerDiscovery.cpp, one URL's visit in CrawlerVisit.cpp, robots.txt and
// sitemaps in CrawlerSources.cpp.

using namespace std::chrono_literals;

namespace {
constexpr qint64 maxLeafBodyBytes = 64LL * 1024; // a GET after a refused HEAD needs the status, not the body
constexpr qint64 rateWindowMs = 3000;
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
