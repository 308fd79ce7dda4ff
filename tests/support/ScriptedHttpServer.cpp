#include "ScriptedHttpServer.h"
#include "net/HostPort.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace {
constexpr int backlog = 512; // the concurrency tests open hundreds of connections at once

std::optional<qsizetype> contentLength(const ScriptedHttpServer::Request &request)
{
    const QByteArray value = request.header("Content-Length");
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qsizetype length = value.trimmed().toLongLong(&ok);
    return ok ? std::optional<qsizetype>(length) : std::nullopt;
}
} // namespace

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent) { }

ScriptedHttpServer::~ScriptedHttpServer() = default;

bool ScriptedHttpServer::listen(const QHostAddress &address)
{
    m_tls = false;
    return listenOn(std::make_unique<QTcpServer>(), address);
}

bool ScriptedHttpServer::listenTls(const QString &certificateFile, const QString &keyFile, const QHostAddress &address)
{
    QFile certificate(certificateFile);
    QFile key(keyFile);
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(&certificate, QSsl::Pem));
    configuration.setPrivateKey(QSslKey(&key, QSsl::Ec, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_tls = true;
    return listenOn(std::move(server), address);
}

bool ScriptedHttpServer::listenOn(std::unique_ptr<QTcpServer> server, const QHostAddress &address)
{
    m_server = std::move(server);
    m_server->setListenBacklogSize(backlog);
    m_server->setMaxPendingConnections(backlog);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedHttpServer::accept);
    return m_server->listen(address, 0);
}

quint16 ScriptedHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString ScriptedHttpServer::url(const QString &path) const
{
    const QHostAddress address = m_server ? m_server->serverAddress() : QHostAddress(QHostAddress::LocalHost);
    const QString host = HostPort::host(address.toString());
    return QStringLiteral("%1://%2:%3%4")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port())
        .arg(path);
}

void ScriptedHttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_accepted;
        socket->setParent(this);
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_connections.remove(socket))
                emit connectionClosed();
            socket->deleteLater();
        });
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            // A client that rejects our certificate ends the handshake with an alert: drop the socket.
            connect(ssl, &QSslSocket::errorOccurred, this, [ssl] { ssl->abort(); });
        }
        readFrom(socket); // data may have arrived with the connection
    }
}

void ScriptedHttpServer::readFrom(QTcpSocket *socket)
{
    for (;;) {
        // Looked up afresh each time: a handler may close the socket, which forgets it.
        const auto found = m_connections.find(socket);
        if (found == m_connections.end())
            return;
        QByteArray &buffer = found->buffer;
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        const qsizetype bodyLength = contentLength(request).value_or(0);
        if (buffer.size() - (headerEnd + 4) < bodyLength)
            return;
        request.body = buffer.mid(headerEnd + 4, bodyLength);
        buffer.remove(0, headerEnd + 4 + bodyLength);
        m_requests.append(request);
        if (m_handler)
            m_handler(request, socket);
        else
            sending(answer(200, "OK", "hello"))(request, socket);
    }
}

QByteArray ScriptedHttpServer::answer(int status, const QByteArray &reason, const QByteArray &body,
                                      const QList<QByteArray> &extraHeaders)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    for (const QByteArray &line : extraHeaders)
        bytes += line + "\r\n";
    return bytes + "\r\n" + body;
}

ScriptedHttpServer::Handler ScriptedHttpServer::sending(QByteArray bytes)
{
    return [bytes](const Request &, QTcpSocket *socket) {
        socket->write(bytes);
        socket->disconnectFromHost(); // after the bytes are written
    };
}

ScriptedHttpServer::Handler ScriptedHttpServer::sendingAfter(std::chrono::milliseconds delay, QByteArray bytes)
{
    return [delay, bytes](const Request &request, QTcpSocket *socket) {
        QTimer::singleShot(delay, Qt::PreciseTimer, socket,
                           [request, socket, bytes] { sending(bytes)(request, socket); });
    };
}

ScriptedHttpServer::Handler ScriptedHttpServer::silent()
{
    return [](const Request &, QTcpSocket *) {};
}

ScriptedHttpServer::Handler ScriptedHttpServer::closing()
{
    return [](const Request &, QTcpSocket *socket) { socket->disconnectFromHost(); };
}

ScriptedHttpServer::Handler ScriptedHttpServer::resetting()
{
    return [](const Request &, QTcpSocket *socket) {
        // A zero linger time turns the close into a reset.
        const linger noLinger{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger, sizeof noLinger);
        socket->abort();
    };
}

ScriptedHttpServer::Handler ScriptedHttpServer::endlessBody()
{
    return [](const Request &, QTcpSocket *socket) {
        socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n");
        auto *pump = new QTimer(socket);
        const QByteArray chunk(64 * 1024, 'x');
        QObject::connect(pump, &QTimer::timeout, socket, [socket, chunk] {
            if (socket->bytesToWrite() < 4 * chunk.size())
                socket->write(chunk);
        });
        pump->start(1);
    };
}

ScriptedHttpServer::Handler ScriptedHttpServer::trickling(std::chrono::milliseconds every)
{
    return [every](const Request &, QTcpSocket *socket) {
        socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 100000\r\n\r\n");
        auto *drip = new QTimer(socket);
        QObject::connect(drip, &QTimer::timeout, socket, [socket] { socket->write("x"); });
        drip->start(every);
    };
}
