#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

class QTcpServer;
class QTcpSocket;

// A raw-TCP HTTP/1.1 server for tests, optionally over TLS, whose every answer is scripted: a
// handler gets each whole request and the socket, and may answer, stall, trickle, reset or send
// anything at all. The ready-made answers close the connection after one request; a handler that
// keeps it open gets the next request on it too.
class ScriptedHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedHttpServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const; // the first with this name, any case
    };
    using Handler = std::function<void(const Request &request, QTcpSocket *socket)>;

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    // On an ephemeral port; false if the address cannot be listened on (no IPv6, say).
    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    bool listenTls(const QString &certificateFile, const QString &keyFile,
                   const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const;
    // "http://127.0.0.1:port/path" (https when listening with TLS, brackets for IPv6).
    QString url(const QString &path = QStringLiteral("/")) const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    int connectionsAccepted() const { return m_accepted; }
    int connectionsOpen() const { return int(m_connections.size()); }

    // An answer in bytes: status line, Content-Length, Connection: close, the extra header lines, body.
    static QByteArray answer(int status, const QByteArray &reason, const QByteArray &body = {},
                             const QList<QByteArray> &extraHeaders = {});

    // Ready-made handlers.
    static Handler sending(QByteArray bytes); // writes them, then closes
    static Handler sendingAfter(std::chrono::milliseconds delay, QByteArray bytes);
    static Handler silent(); // reads the request and never answers nor closes
    static Handler closing(); // closes (FIN) right after reading the request
    static Handler resetting(); // resets (RST) right after reading the request
    static Handler endlessBody(); // 200 with no length, then body for ever
    static Handler trickling(std::chrono::milliseconds every); // 200 with a long length, one byte each time

signals:
    void connectionClosed();

private:
    bool listenOn(std::unique_ptr<QTcpServer> server, const QHostAddress &address);
    void accept();
    void readFrom(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    Handler m_handler;
    QList<Request> m_requests;
    struct Connection
    {
        QByteArray buffer; // the next request so far
    };

    QHash<QTcpSocket *, Connection> m_connections; // of the open connections
    int m_accepted = 0;
};
