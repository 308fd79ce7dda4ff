#include "net/curl/CurlHandlePool.h"

#include <QTcpServer>
#include <QTest>

#include <curl/curl.h>

// Spare easy handles: handed out again reset, never carrying what a later probe could misread.
class TestCurlHandlePool : public QObject
{
    Q_OBJECT

private:
    // A loopback port nothing listens on: taken from the system, then let go.
    static quint16 closedPort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = server.serverPort();
        server.close();
        return port;
    }

private slots:
    void givesBackTheSameHandleReset()
    {
        CurlHandlePool pool;
        CURL *easy = pool.take();
        QVERIFY(easy);
        int marker = 0;
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &marker);
        pool.giveBack(easy);
        QCOMPARE(pool.spareCount(), std::size_t(1));

        CURL *again = pool.take();
        QCOMPARE(again, easy);
        QCOMPARE(pool.spareCount(), std::size_t(0));
        char *owner = reinterpret_cast<char *>(&marker);
        QCOMPARE(curl_easy_getinfo(again, CURLINFO_PRIVATE, &owner), CURLE_OK);
        QVERIFY2(owner == nullptr, "the options of the last transfer must be gone");
        pool.giveBack(again);
    }

    void dropsAHandleThatRecordedAnOsError()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        CurlHandlePool pool;
        CURL *easy = pool.take();
        QVERIFY(easy);
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(port) + "/";
        curl_easy_setopt(easy, CURLOPT_URL, url.constData());
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
        QCOMPARE(curl_easy_perform(easy), CURLE_COULDNT_CONNECT);
        long osErrno = 0;
        curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
        QVERIFY(osErrno != 0);

        pool.giveBack(easy); // freed, not kept: its error number would outlive curl_easy_reset
        QCOMPARE(pool.spareCount(), std::size_t(0));
    }

    void keepsAtMostMaxSpare()
    {
        CurlHandlePool pool;
        std::vector<CURL *> handles;
        for (std::size_t i = 0; i < CurlHandlePool::maxSpare + 3; ++i)
            handles.push_back(pool.take());
        for (CURL *easy : handles)
            pool.giveBack(easy);
        QCOMPARE(pool.spareCount(), CurlHandlePool::maxSpare);
    }

    void ignoresNull()
    {
        CurlHandlePool pool;
        pool.giveBack(nullptr);
        QCOMPARE(pool.spareCount(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCurlHandlePool)
#include "tst_curlhandlepool.moc"
