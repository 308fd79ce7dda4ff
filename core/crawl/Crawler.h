#pragma once

#include "CrawlFetch.h"
#include "CrawlOptions.h"
#include "CrawlProgress.h"
#include "CrawlResults.h"
#include "CrawlScope.h"
#include "HostQueues.h"
#include "PageScan.h"
#include "RobotsTxt.h"
#include "TrapGuard.h"
#include "UrlNormalizer.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

class CurlMulti;
class NetContext;

// Walks a site from its start URLs on the event loop, many requests at once through a CurlMulti of
// its own, within the options' scope, depth, page budget and time, politely (HostQueues), and
// records a verdict for every URL it meets with the pages and lines that link to it (CrawlResults).
// Pages are parsed on a thread pool of its own (PageScanner), so the loop never waits for gumbo.
//
// Internal pages are fetched with GET and read; everything else is checked with HEAD, and with GET
// when HEAD is refused. Redirects are followed one hop at a time and recorded. A URL is normalised
// and deduplicated when it is first seen, so it is fetched once however many pages link to it.
//
// QCoro 0.8 cannot cancel a coroutine: cancel() aborts every request in flight through its
// NetContext, the coroutines resume with the cancel and end, and finished() follows once the
// last one has (a page being parsed ends its parse first). A crawler destroyed while running
// leaves its coroutines to end without touching it.
class Crawler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Crawler)

public:
    explicit Crawler(CrawlOptions options, QObject *parent = nullptr);
    ~Crawler() override;

    // False, with the reason in *error, when the options cannot be crawled with (CrawlOptions::problem,
    // a bad pattern). finished() is never emitted from inside start() or cancel().
    bool start(QString *error = nullptr);
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    const CrawlOptions &options() const { return m_options; }
    std::shared_ptr<const CrawlResults> results() const { return m_results; }
    CrawlProgress progress() const;
    // Coroutines of this crawler still running (fetches, robots.txt, sitemaps): 0 once finished.
    int activeTasks() const { return m_active; }
    int transfersInFlight() const;

signals:
    // At most every CrawlOptions::progressInterval while running, and once at the end.
    void progressed(const CrawlProgress &progress);
    // The records added or changed since the last batch, in id order, just before progressed().
    void recordsChanged(const QList<CrawlId> &ids);
    void notice(const QString &text);
    void finished(CrawlStop stop);
    // Internal: every request in flight aborts on it.
    void aborting();

private:
    enum class Role : quint8 { Leaf, Page, Sitemap };
    enum class State : quint8 { New, Queued, Running, Done };
    struct Visit
    {
        int host = -1;
        Role role = Role::Leaf;
        State state = State::New;
        quint8 attempts = 0;
        bool upgrade = false; // asked to be read as a page while its check ran
        bool changed = false; // in m_changed
        bool trapped = false; // would have been read, but looks like a trap (TrapGuard)
    };
    enum class Robots : quint8 { Unknown, Fetching, Ready };
    struct HostInfo
    {
        QString origin; // "http://h:8080"
        Robots robotsState = Robots::Unknown;
        RobotsTxt robots;
        QString robotsProblem; // why everything is disallowed, when robots.txt could not be read
    };
    struct FragmentCheck
    {
        QString fragment;
        CrawlReferrer referrer;
    };

    // Discovery.
    CrawlId discover(const QUrl &url, const QByteArray &key, int depth, LinkSource source,
                     std::optional<CrawlReferrer> referrer, bool nofollow);
    void addLink(const ScannedLink &link, CrawlId from, int depth, bool nofollow);
    void maybeReadAsPage(CrawlId id, int depth, LinkSource source, bool nofollow);
    bool wantsPage(const CrawlRecord &record, int depth, LinkSource source, bool nofollow) const;
    int hostFor(const QUrl &url);
    void enqueue(CrawlId id, bool first = false);
    bool robotsAllow(CrawlId id) const;
    void exclude(CrawlId id, const QString &why);
    void notChecked(CrawlId id);
    void checkFragment(CrawlId target, const QString &fragment, CrawlReferrer referrer);
    void reportMissingFragment(CrawlId target, const QString &fragment, CrawlReferrer referrer);

    // Dispatch.
    void requestPump();
    void pump();
    std::shared_ptr<NetContext> makeContext();
    CrawlFetch::Request request(const QUrl &url, bool head, bool page) const;
    QCoro::Task<> visit(CrawlId id, int host, std::shared_ptr<const bool> alive);
    QCoro::Task<> readRobots(int host, std::shared_ptr<const bool> alive);
    QCoro::Task<> readSitemap(QUrl url, int nesting, std::shared_ptr<const bool> alive);
    void recordAnswer(CrawlId id, const CrawlFetch::Answer &answer, const QList<CrawlHop> &hops,
                      const NetError &chainError, const QUrl &finalUrl);
    std::optional<CrawlId> pageToRead(CrawlId id, const QList<CrawlHop> &hops, const QUrl &finalUrl,
                                      const CrawlFetch::Answer &answer);
    void applyScan(CrawlId id, PageScan scan);
    void finishVisit(CrawlId id);
    void taskEnded();

    // The end.
    void stop(CrawlStop reason);
    void maybeFinish();
    void finish();
    void markChanged(CrawlId id);
    void flushChanges();
    void addNotice(const QString &text);

    CrawlOptions m_options;
    std::shared_ptr<CrawlResults> m_results;
    std::optional<CrawlScope> m_scope;
    UrlNormalizer m_normalizer;
    TrapGuard m_traps;
    HostQueues m_hosts;
    std::vector<HostInfo> m_hostInfo; // by host number
    std::vector<Visit> m_visits; // by record id
    QHash<CrawlId, std::vector<FragmentCheck>> m_pendingFragments; // by page, until it is read
    QHash<CrawlId, std::vector<size_t>> m_anchors; // of the pages read, for fragment links that come later
    QHash<CrawlId, QString> m_trapNotes; // why a page that looks like a trap was not read
    std::vector<CrawlId> m_changed;
    int m_pagesAssigned = 0;
    int m_uncheckedFragments = 0;

    QThreadPool m_pool;
    CurlMulti *m_multi; // a child
    // Children, so that a test can see that none is left running.
    QTimer m_wake{this}; // when a host that waits may go on
    QTimer m_progressTimer{this};
    QTimer m_timeLimit{this};
    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, int>> m_rateSamples; // (ms, checked)
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    int m_active = 0;
    bool m_pumpQueued = false;
    bool m_started = false;
    bool m_stopping = false;
    bool m_finished = false;
    CrawlStop m_stopReason = CrawlStop::Completed;
};
