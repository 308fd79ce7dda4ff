#include "crawl/CrawlJudgement.h"
#include "crawl/HostQueues.h"

#include <QTest>

using namespace std::chrono_literals;

namespace {
using TimePoint = HostQueues::TimePoint;
const TimePoint t0 = TimePoint(std::chrono::hours(1));

HostQueues::Policy policy()
{
    HostQueues::Policy policy;
    policy.perHost = 2;
    policy.global = 3;
    policy.interval = 0ms;
    return policy;
}

CrawlFetch::Answer answer(int status, std::optional<std::chrono::milliseconds> retryAfter = std::nullopt)
{
    CrawlFetch::Answer answer;
    answer.status = status;
    answer.retryAfter = retryAfter;
    return answer;
}
} // namespace

// The crawl's politeness and its reading of answers, with time passed in: pure.
class TestHostQueues : public QObject
{
    Q_OBJECT

private slots:
    void perHostAndGlobalCaps()
    {
        HostQueues queues(policy());
        const int a = queues.host(QStringLiteral("http://a"));
        const int b = queues.host(QStringLiteral("http://b"));
        for (quint32 i = 0; i < 5; ++i)
            queues.push(a, i, t0);
        queues.push(b, 100, t0);
        QCOMPARE(queues.queued(), 6);
        const auto first = queues.take(t0);
        const auto second = queues.take(t0);
        const auto third = queues.take(t0);
        QVERIFY(first && second && third);
        QCOMPARE(first->host, a);
        QCOMPARE(second->host, b); // hosts take turns
        QCOMPARE(third->host, a);
        QVERIFY(!queues.take(t0)); // global cap 3
        queues.finishRequest(b, t0);
        queues.releaseGlobal();
        QVERIFY(!queues.take(t0)); // a has its 2, b has nothing queued
        queues.finishRequest(a, t0);
        queues.releaseGlobal();
        const auto fourth = queues.take(t0);
        QVERIFY(fourth);
        QCOMPARE(fourth->item, quint32(2)); // first in, first out on a host
    }

    void intervalBetweenStarts()
    {
        HostQueues::Policy p = policy();
        p.interval = 100ms;
        HostQueues queues(p);
        const int a = queues.host(QStringLiteral("http://a"));
        queues.push(a, 1, t0);
        queues.push(a, 2, t0);
        QVERIFY(queues.take(t0));
        QVERIFY(!queues.take(t0 + 50ms));
        QCOMPARE(queues.nextWake(), std::optional<TimePoint>(t0 + 100ms));
        QVERIFY(queues.take(t0 + 100ms));
        QVERIFY(!queues.nextWake()); // nothing left to wait for
    }

    void retryAfterAndDoubling()
    {
        HostQueues::Policy p = policy();
        p.maxWait = 10000ms;
        p.firstWait = 1000ms;
        HostQueues queues(p);
        const int a = queues.host(QStringLiteral("http://a"));
        queues.push(a, 1, t0);
        QVERIFY(queues.take(t0));
        queues.finishRequest(a, t0);
        queues.releaseGlobal();
        QCOMPARE(queues.backOff(a, 2000ms, true, t0), 2000ms);
        queues.push(a, 1, t0, true);
        QVERIFY(!queues.take(t0 + 1999ms));
        QVERIFY(queues.take(t0 + 2000ms));
        queues.finishRequest(a, t0 + 2000ms);
        queues.releaseGlobal();
        // A second 429 in a row waits at least twice the last wait, whatever it says.
        QCOMPARE(queues.backOff(a, std::nullopt, true, t0 + 2000ms), 4000ms);
        QCOMPARE(queues.backOff(a, std::nullopt, true, t0 + 2000ms), 8000ms);
        QCOMPARE(queues.backOff(a, std::nullopt, true, t0 + 2000ms), 10000ms); // capped
        queues.recordAnswer(a, false, t0 + 20s); // an answer that passed ends the doubling
        QCOMPARE(queues.backOff(a, std::nullopt, true, t0 + 20s), 1000ms);
        QCOMPARE(queues.backOff(a, 3600000ms, false, t0 + 20s), 10000ms); // a Retry-After is capped too
    }

    void safeguardPausesAHostInTrouble()
    {
        HostQueues::Policy p = policy();
        p.errorWindow = 5;
        p.errorThreshold = 3;
        p.pause = 500ms;
        p.maxPauses = 1;
        HostQueues queues(p);
        const int a = queues.host(QStringLiteral("http://a"));
        QVERIFY(!queues.recordAnswer(a, true, t0));
        QVERIFY(!queues.recordAnswer(a, false, t0));
        QVERIFY(!queues.recordAnswer(a, true, t0));
        QCOMPARE(queues.recordAnswer(a, true, t0), std::optional<std::chrono::milliseconds>(500ms));
        queues.push(a, 1, t0);
        QVERIFY(!queues.take(t0 + 499ms));
        QVERIFY(queues.take(t0 + 500ms));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!queues.recordAnswer(a, true, t0 + 1s)); // at most maxPauses
    }

    void heldHostsWait()
    {
        HostQueues queues(policy());
        const int a = queues.host(QStringLiteral("http://a"));
        queues.hold(a);
        queues.push(a, 7, t0);
        QVERIFY(!queues.take(t0));
        QCOMPARE(queues.takeQueue(a), std::vector<quint32>{7});
        QCOMPARE(queues.queued(), 0);
        queues.push(a, 8, t0);
        queues.unhold(a, t0);
        QCOMPARE(queues.take(t0)->item, quint32(8));
        queues.push(a, 9, t0);
        QCOMPARE(queues.drain(), std::vector<quint32>{9});
        QCOMPARE(queues.queued(), 0);
    }

    void judgement()
    {
        using namespace CrawlJudgement;
        QCOMPARE(judge(answer(200), false, {}).verdict, CrawlVerdict::Ok);
        QCOMPARE(judge(answer(200), true, QStringLiteral("http://h/new")).verdict, CrawlVerdict::Redirected);
        QCOMPARE(judge(answer(404), false, {}).verdict, CrawlVerdict::Broken);
        QCOMPARE(judge(answer(500), false, {}).verdict, CrawlVerdict::Broken);
        QCOMPARE(judge(answer(403), false, {}).verdict, CrawlVerdict::Blocked);
        QCOMPARE(judge(answer(999), false, {}).verdict, CrawlVerdict::Blocked);
        QCOMPARE(judge(answer(401), false, {}).verdict, CrawlVerdict::Blocked);
        CrawlFetch::Answer failed;
        failed.error = {ErrorKind::Refused, QStringLiteral("connection refused by h:1")};
        QCOMPARE(judge(failed, false, {}).verdict, CrawlVerdict::Error);
        QCOMPARE(judge(failed, false, {}).message, QStringLiteral("connection refused by h:1"));

        QVERIFY(refusesHead(answer(405)));
        QVERIFY(refusesHead(answer(501)));
        QVERIFY(refusesHead(answer(404)));
        QVERIFY(!refusesHead(answer(200)));
        QVERIFY(!refusesHead(answer(429)));
        QVERIFY(asksToWait(answer(429)));
        QVERIFY(asksToWait(answer(503, 1000ms)));
        QVERIFY(!asksToWait(answer(503)));
        QVERIFY(isServerTrouble(answer(502)));
        QVERIFY(!isServerTrouble(answer(404)));
        QVERIFY(!isServerTrouble(failed));

        QVERIFY(looksLikeFile(QUrl(QStringLiteral("http://h/a/report.PDF"))));
        QVERIFY(looksLikeFile(QUrl(QStringLiteral("http://h/logo.png?v=3"))));
        QVERIFY(!looksLikeFile(QUrl(QStringLiteral("http://h/page.html"))));
        QVERIFY(!looksLikeFile(QUrl(QStringLiteral("http://h/v1.2/docs"))));
        QVERIFY(isRedirect(308));
        QVERIFY(!isRedirect(304));
        QVERIFY(notChecked(CrawlStop::Cancelled).contains(QLatin1String("cancelled")));
    }
};

QTEST_GUILESS_MAIN(TestHostQueues)
#include "tst_hostqueues.moc"
