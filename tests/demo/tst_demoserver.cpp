#include "demo/DemoServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {
int fetchStatus(QNetworkAccessManager &network, quint16 port, const QString &path)
{
    QNetworkReply *reply
        = network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(5000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}
} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT

private slots:
    void pathsBehaveAsNamed()
    {
        DemoServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.port() != 0);
        QNetworkAccessManager network;
        QCOMPARE(fetchStatus(network, server.port(), QStringLiteral("/fast")), 200);
        QCOMPARE(fetchStatus(network, server.port(), QStringLiteral("/error")), 500);
        QCOMPARE(fetchStatus(network, server.port(), QStringLiteral("/nowhere")), 404);

        QElapsedTimer clock;
        clock.start();
        QCOMPARE(fetchStatus(network, server.port(), QStringLiteral("/slow")), 200);
        QVERIFY(clock.elapsed() >= 350);

        int failures = 0;
        for (int i = 0; i < 60; ++i)
            failures += fetchStatus(network, server.port(), QStringLiteral("/flaky")) == 503;
        QVERIFY2(failures > 0 && failures < 60, qPrintable(QString::number(failures)));
    }

    void profilePointsAtTheServer()
    {
        DemoServer server;
        QVERIFY(server.start());
        const Profile profile = server.demoProfile();
        QVERIFY(profile.endpoints.size() >= 6);
        bool sawClosedPort = false;
        for (const Endpoint &endpoint : profile.endpoints) {
            QCOMPARE(endpoint.probe.target.host, QStringLiteral("127.0.0.1"));
            if (endpoint.probe.target.kind == ProbeKind::Http)
                QCOMPARE(endpoint.probe.target.url.port(), int(server.port()));
            if (endpoint.name == QLatin1String("Closed port")) {
                sawClosedPort = true;
                QVERIFY(endpoint.probe.target.port != server.port());
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, endpoint.probe.target.port);
                QVERIFY(!socket.waitForConnected(2000));
                QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
            }
        }
        QVERIFY(sawClosedPort);
    }
};

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
