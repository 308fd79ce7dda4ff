#pragma once

#include "endpoint/ProbeKind.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUdpSocket>

#include <chrono>

// A DNS server for tests on a loopback UDP port: answers questions from a table of records, or as
// told (NXDOMAIN, SERVFAIL, REFUSED, late, never). A name with no record at all is NXDOMAIN; a name
// with records, but none of the type asked, gets an empty answer. A name with a CNAME answers
// other types with the CNAME and its target's records, as a recursive server would.
class FakeDnsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeDnsServer)

public:
    enum class Mode { Answer, NxDomain, ServFail, Refused, Silent };

    explicit FakeDnsServer(QObject *parent = nullptr);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost); // on port 0
    QHostAddress address() const { return m_socket.localAddress(); }
    quint16 port() const { return m_socket.localPort(); }
    QString serverText() const; // "127.0.0.1:PORT" or "[::1]:PORT", for dns://…&server=

    void setMode(Mode mode) { m_mode = mode; }
    void setDelay(std::chrono::milliseconds delay) { m_delay = delay; }

    void addA(const QString &name, const QString &address);
    void addAaaa(const QString &name, const QString &address);
    void addCname(const QString &name, const QString &target);
    void addMx(const QString &name, int preference, const QString &host);
    void addTxt(const QString &name, const QByteArray &text);
    void addNs(const QString &name, const QString &host);
    void addSrv(const QString &name, int priority, int weight, int port, const QString &target);

    int queryCount() const { return m_queries; }
    QStringList askedNames() const { return m_asked; }

private:
    struct Record
    {
        QString name;
        int type;
        QByteArray data; // wire RDATA
    };

    void add(const QString &name, int type, QByteArray data);
    void readQueries();
    QByteArray answerFor(const QByteArray &query);
    QList<Record> recordsFor(const QString &name, int type) const;
    bool hasName(const QString &name) const;

    QUdpSocket m_socket;
    QList<Record> m_records;
    Mode m_mode = Mode::Answer;
    std::chrono::milliseconds m_delay{0};
    int m_queries = 0;
    QStringList m_asked;
};
