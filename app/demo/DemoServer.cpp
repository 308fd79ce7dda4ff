#include "DemoServer.h"

#include "endpoint/ProfileReader.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>
#include <QtConcurrent>

namespace {

// The demo profile names these two ports; they are replaced by the real ones at run time.
constexpr quint16 profileServerPort = 18080;
constexpr quint16 profileClosedPort = 18081;

QFuture<QHttpServerResponse> answerAfter(QThreadPool *pool, int minMs, int maxMs,
                                         QHttpServerResponse::StatusCode status, const char *body)
{
    const int delay = minMs + int(QRandomGenerator::global()->bounded(maxMs - minMs + 1));
    return QtConcurrent::run(pool, [delay, status, body] {
        QThread::msleep(delay);
        return QHttpServerResponse(QByteArray(body), status);
    });
}

quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return profileClosedPort;
    return probe.serverPort(); // closed again when probe goes out of scope
}

} // namespace

DemoServer::DemoServer(QObject *parent) : QObject(parent), m_server(std::make_unique<QHttpServer>())
{
    m_slowAnswers.setMaxThreadCount(32);
    using Status = QHttpServerResponse::StatusCode;
    m_server->route(QStringLiteral("/fast"), [] { return QHttpServerResponse(QByteArray("ok\n")); });
    m_server->route(QStringLiteral("/slow"),
                    [this] { return answerAfter(&m_slowAnswers, 350, 600, Status::Ok, "ok, eventually\n"); });
    m_server->route(QStringLiteral("/jitter"),
                    [this] { return answerAfter(&m_slowAnswers, 5, 180, Status::Ok, "ok\n"); });
    m_server->route(QStringLiteral("/flaky"), [] {
        // Fails about one request in four, as an overloaded backend might.
        if (QRandomGenerator::global()->bounded(4) == 0)
            return QHttpServerResponse(QByteArray("overloaded\n"), Status::ServiceUnavailable);
        return QHttpServerResponse(QByteArray("ok\n"));
    });
    m_server->route(QStringLiteral("/error"), [] {
        return QHttpServerResponse(QByteArray("database connection lost\n"), Status::InternalServerError);
    });
}

DemoServer::~DemoServer()
{
    m_slowAnswers.waitForDone();
}

bool DemoServer::start(QString *error)
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    if (m_port == 0 && error)
        *error = QStringLiteral("the demo server could not listen on 127.0.0.1");
    return m_port != 0;
}

Profile DemoServer::demoProfile() const
{
    ProfileReadResult read = ProfileReader::fromFile(QStringLiteral(":/profiles/demo.json"));
    Q_ASSERT_X(read.ok(), "DemoServer", "the bundled demo profile must be valid");
    Profile profile = read.profile.value_or(Profile{});
    const quint16 closed = unusedPort();
    for (Endpoint &endpoint : profile.endpoints) {
        Target &target = endpoint.probe.target;
        if (target.port == profileServerPort) {
            target.port = m_port;
            if (target.kind == ProbeKind::Http)
                target.url.setPort(m_port);
        } else if (target.port == profileClosedPort) {
            target.port = closed;
        }
    }
    return profile;
}
