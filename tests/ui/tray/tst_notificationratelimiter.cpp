#include "tray/NotificationRateLimiter.h"

#include <QTest>

using namespace std::chrono_literals;
using Clock = NotificationRateLimiter::Clock;

class TestNotificationRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void oneEndpointIsNamed()
    {
        NotificationRateLimiter limiter(2s, 30s);
        const Clock::time_point t0{};
        limiter.add(QStringLiteral("api"), true, t0);
        QCOMPARE(limiter.nextFlush(), std::optional(t0 + 2s));
        QVERIFY(!limiter.flush(t0 + 1s)); // still gathering
        const auto notification = limiter.flush(t0 + 2s);
        QVERIFY(notification);
        QCOMPARE(notification->title, QStringLiteral("api is down"));
        QVERIFY(notification->anyDown);
        QVERIFY(!limiter.nextFlush());
    }

    void anOutageOfAHundredIsOneNotification()
    {
        NotificationRateLimiter limiter(2s, 30s);
        const Clock::time_point t0{};
        for (int i = 0; i < 100; ++i)
            limiter.add(QStringLiteral("e%1").arg(i), true, t0 + std::chrono::milliseconds(i * 10));
        int notifications = 0;
        std::optional<NotificationRateLimiter::Notification> last;
        for (auto t = t0; t < t0 + 60s; t += 100ms) {
            if (auto n = limiter.flush(t)) {
                ++notifications;
                last = n;
            }
        }
        QCOMPARE(notifications, 1);
        QCOMPARE(last->title, QStringLiteral("100 endpoints down"));
        QCOMPARE(last->message, QStringLiteral("e0, e1, e2 and 97 more"));
    }

    void laterEventsWaitOutTheQuietPeriodAndGoAsOneSummary()
    {
        NotificationRateLimiter limiter(2s, 30s);
        const Clock::time_point t0{};
        limiter.add(QStringLiteral("api"), true, t0);
        QVERIFY(limiter.flush(t0 + 2s));
        limiter.add(QStringLiteral("api"), false, t0 + 5s);
        limiter.add(QStringLiteral("db"), true, t0 + 6s);
        limiter.add(QStringLiteral("db"), false, t0 + 7s); // flapped: counts as what it did last
        QCOMPARE(limiter.pending(), 2);
        QCOMPARE(limiter.nextFlush(), std::optional(t0 + 32s));
        QVERIFY(!limiter.flush(t0 + 31s));
        const auto summary = limiter.flush(t0 + 32s);
        QVERIFY(summary);
        QCOMPARE(summary->title, QStringLiteral("2 endpoints recovered"));
        QCOMPARE(summary->message, QStringLiteral("api, db"));
        QVERIFY(!summary->anyDown);
    }

    void mixedSummarySaysBoth()
    {
        NotificationRateLimiter limiter(1s, 10s);
        const Clock::time_point t0{};
        limiter.add(QStringLiteral("a"), true, t0);
        limiter.add(QStringLiteral("b"), false, t0);
        const auto n = limiter.flush(t0 + 1s);
        QVERIFY(n);
        QCOMPARE(n->title, QStringLiteral("1 down, 1 recovered"));
        QVERIFY(n->anyDown);
        // Quiet afterwards: a single new event after the quiet period goes out after its own gathering.
        limiter.add(QStringLiteral("c"), true, t0 + 20s);
        QCOMPARE(limiter.nextFlush(), std::optional(t0 + 21s));
    }
};

QTEST_MAIN(TestNotificationRateLimiter)
#include "tst_notificationratelimiter.moc"
