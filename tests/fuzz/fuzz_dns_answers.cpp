// DnsAnswers::parse, the answer a DNS server sends to a dns:// probe, read with c-ares's parsers
// (and our own walk for CNAME). Each input is one raw DNS message, read as an answer of every record
// type. Beyond not crashing: the status is one the probe knows, records come only with success, and
// each record is found again by DnsAnswers::contains (what "dns.expect" relies on).

#include "FuzzSupport.h"
#include "net/dns/DnsAnswers.h"

#include <ares.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 65535)
        return 0; // no DNS message is larger
    // c-ares reads what it is given only; a copy of exactly that size lets ASan see any overread.
    const QByteArray message(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const DnsRecordType type : {DnsRecordType::A, DnsRecordType::AAAA, DnsRecordType::CNAME, DnsRecordType::MX,
                                     DnsRecordType::TXT, DnsRecordType::NS, DnsRecordType::SRV}) {
        QStringList records;
        const int status = DnsAnswers::parse(type, reinterpret_cast<const unsigned char *>(message.constData()),
                                             int(message.size()), &records);
        const QString what = dnsRecordTypeName(type) + QStringLiteral(": ") + QString::fromUtf8(message.toHex());
        FUZZ_CHECK(status == ARES_SUCCESS || status == ARES_ENODATA || status == ARES_EBADRESP || status == ARES_ENOMEM,
                   what + QStringLiteral(" status %1").arg(status));
        FUZZ_CHECK((status == ARES_SUCCESS) == !records.isEmpty(), what + QStringLiteral(" status %1").arg(status));
        for (const QString &record : records) {
            if (record == record.trimmed()) // "dns.expect" is trimmed before it is compared
                FUZZ_CHECK(DnsAnswers::contains(type, records, record), what + QStringLiteral(" record ") + record);
        }
    }
    return 0;
}
