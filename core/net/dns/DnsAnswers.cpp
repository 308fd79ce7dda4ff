#include "DnsAnswers.h"

#include <QHostAddress>
#include <QUrl>
#include <QtEndian>

#include <ares.h>
#include <arpa/nameser.h>
#include <netdb.h>

#include <array>
#include <cstring>

namespace {
quint16 read16(const unsigned char *at)
{
    return quint16((at[0] << 8) | at[1]);
}

QString fromAres(const char *text)
{
    return QString::fromUtf8(text);
}

// c-ares 1.18 has no parser for CNAME answers of their own, so walk the records with its name
// decompression and take the CNAME ones.
int parseCnames(const unsigned char *answer, int length, QStringList *records)
{
    constexpr int headerSize = 12;
    if (length < headerSize)
        return ARES_EBADRESP;
    const int questions = read16(answer + 4);
    const int answers = read16(answer + 6);
    const unsigned char *at = answer + headerSize;
    const unsigned char *end = answer + length;
    const auto skipName = [&](QString *name) {
        char *expanded = nullptr;
        long used = 0;
        if (ares_expand_name(at, answer, length, &expanded, &used) != ARES_SUCCESS)
            return false;
        if (name)
            *name = fromAres(expanded);
        ares_free_string(expanded);
        at += used;
        return at <= end;
    };
    for (int i = 0; i < questions; ++i) {
        if (!skipName(nullptr) || end - at < 4)
            return ARES_EBADRESP;
        at += 4; // type, class
    }
    for (int i = 0; i < answers; ++i) {
        if (!skipName(nullptr) || end - at < 10)
            return ARES_EBADRESP;
        const int type = read16(at);
        const int dataLength = read16(at + 8);
        at += 10;
        if (end - at < dataLength)
            return ARES_EBADRESP;
        if (type == ns_t_cname) {
            const unsigned char *data = at;
            QString target;
            if (!skipName(&target))
                return ARES_EBADRESP;
            records->append(target);
            at = data;
        }
        at += dataLength;
    }
    return records->isEmpty() ? ARES_ENODATA : ARES_SUCCESS;
}

int parseAddresses(bool v6, const unsigned char *answer, int length, QStringList *records)
{
    constexpr int most = 256;
    int count = most;
    if (v6) {
        std::array<ares_addr6ttl, most> addresses{};
        const int status = ares_parse_aaaa_reply(answer, length, nullptr, addresses.data(), &count);
        for (int i = 0; status == ARES_SUCCESS && i < count; ++i) {
            Q_IPV6ADDR ip;
            static_assert(sizeof ip == sizeof addresses[i].ip6addr);
            std::memcpy(&ip, &addresses[i].ip6addr, sizeof ip);
            records->append(QHostAddress(ip).toString());
        }
        return status;
    }
    std::array<ares_addrttl, most> addresses{};
    const int status = ares_parse_a_reply(answer, length, nullptr, addresses.data(), &count);
    for (int i = 0; status == ARES_SUCCESS && i < count; ++i)
        records->append(QHostAddress(qFromBigEndian(quint32(addresses[i].ipaddr.s_addr))).toString());
    return status;
}

int parseNs(const unsigned char *answer, int length, QStringList *records)
{
    hostent *host = nullptr;
    const int status = ares_parse_ns_reply(answer, length, &host);
    if (status != ARES_SUCCESS)
        return status;
    for (char **alias = host->h_aliases; alias && *alias; ++alias)
        records->append(fromAres(*alias));
    ares_free_hostent(host);
    return records->isEmpty() ? ARES_ENODATA : ARES_SUCCESS;
}

int parseMx(const unsigned char *answer, int length, QStringList *records)
{
    ares_mx_reply *replies = nullptr;
    const int status = ares_parse_mx_reply(answer, length, &replies);
    for (const ares_mx_reply *reply = replies; status == ARES_SUCCESS && reply; reply = reply->next)
        records->append(QStringLiteral("%1 %2").arg(reply->priority).arg(fromAres(reply->host)));
    if (replies)
        ares_free_data(replies);
    return status;
}

int parseSrv(const unsigned char *answer, int length, QStringList *records)
{
    ares_srv_reply *replies = nullptr;
    const int status = ares_parse_srv_reply(answer, length, &replies);
    for (const ares_srv_reply *reply = replies; status == ARES_SUCCESS && reply; reply = reply->next) {
        records->append(QStringLiteral("%1 %2 %3 %4")
                            .arg(reply->priority)
                            .arg(reply->weight)
                            .arg(reply->port)
                            .arg(fromAres(reply->host)));
    }
    if (replies)
        ares_free_data(replies);
    return status;
}

int parseTxt(const unsigned char *answer, int length, QStringList *records)
{
    ares_txt_ext *replies = nullptr;
    const int status = ares_parse_txt_reply_ext(answer, length, &replies);
    // A record may hold several strings; they read as one text.
    for (const ares_txt_ext *reply = replies; status == ARES_SUCCESS && reply; reply = reply->next) {
        const QString chunk = QString::fromUtf8(reinterpret_cast<const char *>(reply->txt), qsizetype(reply->length));
        if (reply->record_start || records->isEmpty())
            records->append(chunk);
        else
            records->last() += chunk;
    }
    if (replies)
        ares_free_data(replies);
    return status;
}

QString bareName(QString name)
{
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

bool sameName(const QString &a, const QString &b)
{
    return bareName(a).compare(bareName(b), Qt::CaseInsensitive) == 0;
}
} // namespace

QByteArray DnsAnswers::wireName(const QString &name)
{
    // toAce refuses some names that DNS allows (underscores in SRV names); those are ASCII anyway.
    const QByteArray ace = QUrl::toAce(name);
    return ace.isEmpty() ? name.toUtf8() : ace;
}

int DnsAnswers::wireType(DnsRecordType type)
{
    switch (type) {
    case DnsRecordType::A:
        return ns_t_a;
    case DnsRecordType::AAAA:
        return ns_t_aaaa;
    case DnsRecordType::CNAME:
        return ns_t_cname;
    case DnsRecordType::MX:
        return ns_t_mx;
    case DnsRecordType::TXT:
        return ns_t_txt;
    case DnsRecordType::NS:
        return ns_t_ns;
    case DnsRecordType::SRV:
        return ns_t_srv;
    }
    return ns_t_a;
}

namespace {
int parseAny(DnsRecordType type, const unsigned char *answer, int length, QStringList *records)
{
    switch (type) {
    case DnsRecordType::A:
        return parseAddresses(false, answer, length, records);
    case DnsRecordType::AAAA:
        return parseAddresses(true, answer, length, records);
    case DnsRecordType::CNAME:
        return parseCnames(answer, length, records);
    case DnsRecordType::MX:
        return parseMx(answer, length, records);
    case DnsRecordType::TXT:
        return parseTxt(answer, length, records);
    case DnsRecordType::NS:
        return parseNs(answer, length, records);
    case DnsRecordType::SRV:
        return parseSrv(answer, length, records);
    }
    return ARES_EBADRESP;
}
} // namespace

int DnsAnswers::parse(DnsRecordType type, const unsigned char *answer, int length, QStringList *records)
{
    // Records only from an answer read whole: the CNAME walk finds some before it meets a bad record.
    QStringList found;
    const int status = parseAny(type, answer, length, &found);
    // c-ares 1.18 reads an answer that holds only a CNAME (whose target has no record of the type
    // asked) as success with nothing in it, for every type but CNAME itself.
    if (status == ARES_SUCCESS && found.isEmpty())
        return ARES_ENODATA;
    if (status == ARES_SUCCESS)
        records->append(found);
    // c-ares's MX, TXT and SRV readers say ARES_EBADNAME for a name in the answer they cannot expand,
    // which would read as the name asked being wrong: it is the answer that cannot be read.
    return status == ARES_SUCCESS || status == ARES_ENODATA || status == ARES_ENOMEM ? status : ARES_EBADRESP;
}

bool DnsAnswers::contains(DnsRecordType type, const QStringList &records, const QString &expected)
{
    const QString wanted = expected.trimmed();
    for (const QString &record : records) {
        switch (type) {
        case DnsRecordType::A:
        case DnsRecordType::AAAA: {
            const QHostAddress address(wanted);
            if (address.isNull() ? record == wanted : QHostAddress(record) == address)
                return true;
            break;
        }
        case DnsRecordType::CNAME:
        case DnsRecordType::NS:
            if (sameName(record, wanted))
                return true;
            break;
        case DnsRecordType::MX:
        case DnsRecordType::SRV: {
            const QString target = record.section(QLatin1Char(' '), -1);
            const QString rest = record.left(record.size() - target.size());
            if (sameName(target, wanted) || (wanted.startsWith(rest) && sameName(target, wanted.mid(rest.size()))))
                return true;
            break;
        }
        case DnsRecordType::TXT:
            if (record == expected)
                return true;
            break;
        }
    }
    return false;
}
