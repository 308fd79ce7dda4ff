#include "FakeDnsServer.h"
#include "net/HostPort.h"

#include <QNetworkDatagram>
#include <QTimer>
#include <QtEndian>

#include <algorithm>

namespace {
enum : int { TypeA = 1, TypeNs = 2, TypeCname = 5, TypeMx = 15, TypeTxt = 16, TypeAaaa = 28, TypeSrv = 33 };
enum : int { NoError = 0, FormErr = 1, ServFail = 2, NxDomain = 3, Refused = 5 };

void put16(QByteArray *out, int value)
{
    out->append(char((value >> 8) & 0xff));
    out->append(char(value & 0xff));
}

void put32(QByteArray *out, quint32 value)
{
    put16(out, int(value >> 16));
    put16(out, int(value & 0xffff));
}

QByteArray encodeName(const QString &name)
{
    QByteArray out;
    const QList<QByteArray> labels = name.toLatin1().split('.');
    for (const QByteArray &label : labels) {
        if (label.isEmpty())
            continue;
        out.append(char(label.size()));
        out.append(label);
    }
    out.append('\0');
    return out;
}

int read16(const QByteArray &data, int at)
{
    return (quint8(data[at]) << 8) | quint8(data[at + 1]);
}
} // namespace

FakeDnsServer::FakeDnsServer(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &FakeDnsServer::readQueries);
}

bool FakeDnsServer::listen(const QHostAddress &address)
{
    return m_socket.bind(address, 0);
}

QString FakeDnsServer::serverText() const
{
    return HostPort::join(address(), port());
}

void FakeDnsServer::add(const QString &name, int type, QByteArray data)
{
    m_records.append({name.toLower(), type, std::move(data)});
}

void FakeDnsServer::addA(const QString &name, const QString &address)
{
    QByteArray data;
    put32(&data, QHostAddress(address).toIPv4Address());
    add(name, TypeA, data);
}

void FakeDnsServer::addAaaa(const QString &name, const QString &address)
{
    const Q_IPV6ADDR ip = QHostAddress(address).toIPv6Address();
    add(name, TypeAaaa, QByteArray(reinterpret_cast<const char *>(ip.c), 16));
}

void FakeDnsServer::addCname(const QString &name, const QString &target)
{
    add(name, TypeCname, encodeName(target));
}

void FakeDnsServer::addMx(const QString &name, int preference, const QString &host)
{
    QByteArray data;
    put16(&data, preference);
    add(name, TypeMx, data + encodeName(host));
}

void FakeDnsServer::addTxt(const QString &name, const QByteArray &text)
{
    QByteArray data;
    for (qsizetype at = 0; at < text.size() || at == 0; at += 255) {
        const QByteArray chunk = text.mid(at, 255);
        data.append(char(chunk.size()));
        data.append(chunk);
    }
    add(name, TypeTxt, data);
}

void FakeDnsServer::addNs(const QString &name, const QString &host)
{
    add(name, TypeNs, encodeName(host));
}

void FakeDnsServer::addSrv(const QString &name, int priority, int weight, int port, const QString &target)
{
    QByteArray data;
    put16(&data, priority);
    put16(&data, weight);
    put16(&data, port);
    add(name, TypeSrv, data + encodeName(target));
}

bool FakeDnsServer::hasName(const QString &name) const
{
    return std::any_of(m_records.cbegin(), m_records.cend(), [&](const Record &record) { return record.name == name; });
}

QList<FakeDnsServer::Record> FakeDnsServer::recordsFor(const QString &name, int type) const
{
    QList<Record> found;
    for (const Record &record : m_records) {
        if (record.name == name && record.type == type)
            found.append(record);
    }
    if (found.isEmpty() && type != TypeCname) {
        for (const Record &record : m_records) {
            if (record.name == name && record.type == TypeCname) {
                found.append(record);
                // The target's name, decoded from the CNAME's RDATA.
                QString target;
                for (int at = 0; at < record.data.size() && record.data[at] != '\0'; at += quint8(record.data[at]) + 1)
                    target += QString::fromLatin1(record.data.mid(at + 1, quint8(record.data[at]))) + QLatin1Char('.');
                found += recordsFor(target.chopped(1), type);
                break;
            }
        }
    }
    return found;
}

void FakeDnsServer::readQueries()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram();
        ++m_queries;
        if (m_mode == Mode::Silent)
            continue;
        const QByteArray reply = answerFor(datagram.data());
        if (reply.isEmpty())
            continue;
        const QHostAddress to = datagram.senderAddress();
        const quint16 port = quint16(datagram.senderPort());
        if (m_delay.count() > 0)
            QTimer::singleShot(m_delay, this, [this, reply, to, port] { m_socket.writeDatagram(reply, to, port); });
        else
            m_socket.writeDatagram(reply, to, port);
    }
}

QByteArray FakeDnsServer::answerFor(const QByteArray &query)
{
    if (query.size() < 12 || read16(query, 4) != 1)
        return {};
    // The question: labels, then type and class.
    int at = 12;
    QStringList labels;
    while (at < query.size() && query[at] != '\0') {
        const int length = quint8(query[at]);
        labels.append(QString::fromLatin1(query.mid(at + 1, length)));
        at += length + 1;
    }
    at += 1;
    if (at + 4 > query.size())
        return {};
    const QString name = labels.join(QLatin1Char('.')).toLower();
    const int type = read16(query, at);
    const QByteArray question = query.mid(12, at + 4 - 12);
    m_asked.append(name);

    int rcode = NoError;
    QList<Record> answers;
    switch (m_mode) {
    case Mode::NxDomain:
        rcode = NxDomain;
        break;
    case Mode::ServFail:
        rcode = ServFail;
        break;
    case Mode::Refused:
        rcode = Refused;
        break;
    case Mode::Answer:
    case Mode::Silent:
        if (!hasName(name))
            rcode = NxDomain;
        else
            answers = recordsFor(name, type);
        break;
    }

    QByteArray reply;
    put16(&reply, read16(query, 0)); // id
    const int recursionDesired = read16(query, 2) & 0x0100;
    put16(&reply, 0x8000 | 0x0400 | recursionDesired | 0x0080 | rcode); // answer, authoritative, RD, RA
    put16(&reply, 1);
    put16(&reply, int(answers.size()));
    put16(&reply, 0);
    put16(&reply, 0);
    reply.append(question);
    for (const Record &record : answers) {
        reply.append(encodeName(record.name));
        put16(&reply, record.type);
        put16(&reply, 1); // IN
        put32(&reply, 60);
        put16(&reply, int(record.data.size()));
        reply.append(record.data);
    }
    return reply;
}
