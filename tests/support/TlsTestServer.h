#pragma once

#include "TestCertificates.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

// A server on a loopback port for TLS probe tests: a real TLS server with one of the test leaves,
// or one that accepts TCP and then never says a word, or one that answers in plain HTTP.
class TlsTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsTestServer)

public:
    enum class Behaviour { Tls, Silent, PlainHttp };

    explicit TlsTestServer(Behaviour behaviour, QObject *parent = nullptr);

    // For Behaviour::Tls: the certificate and key to present. False if they cannot be read.
    bool setLeaf(const TestCertificates &certificates, TestCertificates::Leaf leaf);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost); // on port 0
    quint16 port() const { return m_server->serverPort(); }

    int connectionsSeen() const { return m_connections; }

private:
    void takeConnections();

    Behaviour m_behaviour;
    QSslServer m_tlsServer;
    QTcpServer m_plainServer;
    QTcpServer *m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_connections = 0;
};
