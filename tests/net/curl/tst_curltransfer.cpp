#include "ScriptedHttpServer.h"

#include "net/curl/CurlMulti.h"
#include "net/curl/CurlTransfer.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using Server = ScriptedHttpServer;

// The awaitable transfer's contract: finished() exactly once per started transfer, never from inside
// start() or abort(), whatever races with what.
class TestCurlTransfer : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<CurlTransfer> transferTo(const QString &url)
    {
        auto transfer = std::make_unique<CurlTransfer>();
        curl_easy_setopt(transfer->handle(), CURLOPT_URL, url.toUtf8().constData());
        return transfer;
    }

private slots:
    void init()
    {
        // A stray notifier ("multiple socket notifiers for the same socket") or timer warning fails.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    }

    void finishesOnceWhenDone()
    {
        Server server;
        QVERIFY(server.listen());
        CurlMulti multi;
        auto transfer = transferTo(server.url());
        QSignalSpy finished(transfer.get(), &CurlTransfer::finished);
        transfer->start(&multi);
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(transfer->result(), CURLE_OK);
        QCOMPARE(transfer->body(), QByteArray("hello"));
        transfer->abort(); // too late: nothing more
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!transfer->wasAborted());
        QCOMPARE(multi.activeTransfers(), 0);
    }

    void abortIsNeverSynchronous()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::silent());
        CurlMulti multi;
        auto transfer = transferTo(server.url());
        QSignalSpy finished(transfer.get(), &CurlTransfer::finished);
        transfer->start(&multi);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 5000);
        transfer->abort();
        transfer->abort();
        QCOMPARE(finished.size(), 0); // the caller is not awaiting yet at this point
        QVERIFY(finished.wait(1000));
        QCOMPARE(transfer->result(), CURLE_ABORTED_BY_CALLBACK);
        QVERIFY(transfer->wasAborted());
        QCOMPARE(multi.activeTransfers(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionsOpen(), 0, 1000);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
    }

    void abortRacingCompletionStillFinishesOnce()
    {
        // The abort is asked from inside curl's write callback, in the same socket event that
        // completes the transfer: curl's completion and the queued abort both try to finish it.
        Server server;
        QVERIFY(server.listen());
        CurlMulti multi;
        auto transfer = transferTo(server.url());
        connect(transfer.get(), &CurlTransfer::phaseChanged, transfer.get(), [&transfer](NetPhase phase) {
            if (phase == NetPhase::Receiving)
                transfer->abort();
        });
        QSignalSpy finished(transfer.get(), &CurlTransfer::finished);
        transfer->start(&multi);
        QVERIFY(finished.wait(5000));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(multi.activeTransfers(), 0);
    }

    void abortBeforeStartFinishesAfterIt()
    {
        CurlMulti multi;
        auto transfer = transferTo(QStringLiteral("http://127.0.0.1:9/"));
        QSignalSpy finished(transfer.get(), &CurlTransfer::finished);
        transfer->abort();
        QCOMPARE(finished.size(), 0); // not started: nothing to finish yet
        transfer->start(&multi);
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(1000));
        QCOMPARE(transfer->result(), CURLE_ABORTED_BY_CALLBACK);
        QCOMPARE(multi.activeTransfers(), 0);
    }

    void startWithoutAMultiFailsFromTheEventLoop()
    {
        auto transfer = transferTo(QStringLiteral("http://127.0.0.1:9/"));
        QSignalSpy finished(transfer.get(), &CurlTransfer::finished);
        transfer->start(nullptr);
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(1000));
        QCOMPARE(transfer->result(), CURLE_FAILED_INIT);
    }

    void destroyingARunningTransferLeavesTheMultiClean()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::silent());
        CurlMulti multi;
        auto transfer = transferTo(server.url());
        transfer->start(&multi);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 5000);
        transfer.reset();
        QCOMPARE(multi.activeTransfers(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionsOpen(), 0, 1000);
    }

    void manyTransfersOneAfterAnother()
    {
        // Descriptors are reused from one connection to the next: the notifiers must follow.
        Server server;
        QVERIFY(server.listen());
        CurlMulti multi;
        for (int i = 0; i < 50; ++i) {
            auto transfer = transferTo(server.url());
            curl_easy_setopt(transfer->handle(), CURLOPT_FORBID_REUSE, 1L);
            QSignalSpy finished(transfer.get(), &CurlTransfer::finished);
            transfer->start(&multi);
            QVERIFY(finished.wait(5000));
            QCOMPARE(transfer->result(), CURLE_OK);
        }
        QCOMPARE(server.connectionsAccepted(), 50);
    }
};

QTEST_GUILESS_MAIN(TestCurlTransfer)
#include "tst_curltransfer.moc"
