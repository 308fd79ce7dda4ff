#pragma once

#include "DnsRecordType.h"

#include <QStringList>

// Reads the records of one type from a DNS answer, as the text a person would write them: the
// address for A and AAAA, the name for CNAME and NS, "10 mail.example.test" for MX,
// "0 5 443 host.example.test" for SRV (priority weight port target), the text for TXT.
class DnsAnswers final
{
public:
    // A c-ares status: ARES_SUCCESS, ARES_ENODATA when no record of that type is there, or
    // ARES_EBADRESP when the answer cannot be read. Records are appended only on success.
    static int parse(DnsRecordType type, const unsigned char *answer, int length, QStringList *records);

    // Whether expected is one of records: addresses compare as addresses, names without regard to
    // case or a trailing dot, MX and SRV by the whole text or by their target name alone, TXT exactly.
    static bool contains(DnsRecordType type, const QStringList &records, const QString &expected);

    // The name as asked on the wire: international names in their ASCII (punycode) form, as c-ares
    // 1.18 does no IDN conversion itself.
    static QByteArray wireName(const QString &name);

    // The record type's number on the wire (ns_t_*).
    static int wireType(DnsRecordType type);
};
