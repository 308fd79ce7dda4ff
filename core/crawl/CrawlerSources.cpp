#include "Crawler.h"

#include "CrawlJudgement.h"
#include "SitemapParser.h"
#include "net/NetContext.h"
#include "net/curl/CurlMulti.h"

#include <QCoroFuture>
#include <QtConcurrent>

#include <algorithm>

// Where the crawler learns the rules and more URLs of a host besides its pages: robots.txt (read
// before anything else of an internal host, its rules, its Crawl-delay and its Sitemap: lines) and
// sitemaps, nested ones too.

using namespace std::chrono_literals;

namespace {
constexpr int maxSitemapNesting = 3;
constexpr qint64 maxSitemapBytes = 10LL * 1024 * 1024;
constexpr auto maxCrawlDelay = 30s;
} // namespace

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
