#include "TlsTestServer.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

TlsTestServer::TlsTestServer(Behaviour behaviour, QObject *parent)
    : QObject(parent)
    , m_behaviour(behaviour)
    , m_server(behaviour == Behaviour::Tls ? static_cast<QTcpServer *>(&m_tlsServer) : &m_plainServer)
{
    connect(&m_plainServer, &QTcpServer::newConnection, this, &TlsTestServer::takeConnections);
    connect(&m_tlsServer, &QSslServer::startedEncryptionHandshake, this, [this] { ++m_connections; });
    connect(&m_tlsServer, &QTcpServer::pendingConnectionAvailable, this, &TlsTestServer::takeConnections);
}

bool TlsTestServer::setLeaf(const TestCertificates &certificates, TestCertificates::Leaf leaf)
{
    QFile certificateFile(certificates.certificateFile(leaf));
    QFile keyFile(certificates.keyFile(leaf));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslCertificate certificate(certificateFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (certificate.isNull() || key.isNull())
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_tlsServer.setSslConfiguration(configuration);
    return true;
}

bool TlsTestServer::listen(const QHostAddress &address)
{
    return m_server->listen(address, 0);
}

void TlsTestServer::takeConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.append(socket);
        if (m_behaviour == Behaviour::Tls)
            continue;
        ++m_connections;
        if (m_behaviour == Behaviour::PlainHttp) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
        }
    }
}
