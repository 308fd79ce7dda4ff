#include "net/dns/DnsAnswers.h"

#include <QTest>

#include <ares.h>

// DnsAnswers::parse on raw DNS messages, as a server may send them: what a dns:// probe reads, and
// what it says when an answer cannot be read.
class TestDnsAnswers : public QObject
{
    Q_OBJECT

private:
    static int parse(DnsRecordType type, const QByteArray &message, QStringList *records)
    {
        return DnsAnswers::parse(type, reinterpret_cast<const unsigned char *>(message.constData()),
                                 int(message.size()), records);
    }

    // An answer to "www.example.test" with one record whose owner name is a compression pointer to
    // itself (offset 0x22): a reader that followed it would never stop.
    static QByteArray selfPointingAnswer()
    {
        return QByteArray::fromHex("123481800001000100000000"
                                   "03777777076578616d706c65047465737400"
                                   "00010001"
                                   "c022"
                                   "0001"
                                   "0001"
                                   "0000012c"
                                   "0004"
                                   "c0000209");
    }

private slots:
    void readsACompressedCnameChain()
    {
        // www.example.test CNAME cdn.example.test (compressed), cdn.example.test A 192.0.2.1.
        const QByteArray message = QByteArray::fromHex("123481800001000200000000"
                                                       "03777777076578616d706c65047465737400"
                                                       "00010001"
                                                       "c00c"
                                                       "0005"
                                                       "0001"
                                                       "0000012c"
                                                       "0006"
                                                       "0363646e"
                                                       "c010"
                                                       "c02e"
                                                       "0001"
                                                       "0001"
                                                       "0000012c"
                                                       "0004"
                                                       "c0000201");
        QStringList records;
        QCOMPARE(parse(DnsRecordType::CNAME, message, &records), ARES_SUCCESS);
        QCOMPARE(records, QStringList{QStringLiteral("cdn.example.test")});
        records.clear();
        QCOMPARE(parse(DnsRecordType::A, message, &records), ARES_SUCCESS);
        QCOMPARE(records, QStringList{QStringLiteral("192.0.2.1")});
    }

    void aCnameWithoutTheTypeAskedIsNoData()
    {
        // alias.example.test CNAME www.example.test, asked for AAAA: a recursive server's answer when
        // the target has no AAAA record. c-ares reads it as success with nothing in it.
        const QByteArray message = QByteArray::fromHex("123481800001000100000000"
                                                       "05616c696173076578616d706c65047465737400"
                                                       "001c0001"
                                                       "c00c"
                                                       "0005"
                                                       "0001"
                                                       "0000012c"
                                                       "0006"
                                                       "03777777"
                                                       "c012");
        QStringList records;
        QCOMPARE(parse(DnsRecordType::AAAA, message, &records), ARES_ENODATA);
        for (const DnsRecordType type :
             {DnsRecordType::A, DnsRecordType::MX, DnsRecordType::TXT, DnsRecordType::NS, DnsRecordType::SRV})
            QCOMPARE(parse(type, message, &records), ARES_ENODATA);
        QVERIFY(records.isEmpty());
        QCOMPARE(parse(DnsRecordType::CNAME, message, &records), ARES_SUCCESS);
        QCOMPARE(records, QStringList{QStringLiteral("www.example.test")});
    }

    void recordsReadBeforeABadOneAreNotKept()
    {
        // Five answers announced, one there: a CNAME. The probe showed it among the answers of a probe
        // that failed with "an answer that cannot be read".
        const QByteArray message = QByteArray::fromHex("123481800001000500000000"
                                                       "03777777076578616d706c65047465737400"
                                                       "00010001"
                                                       "c00c"
                                                       "0005"
                                                       "0001"
                                                       "0000012c"
                                                       "0006"
                                                       "0363646e"
                                                       "c010");
        QStringList records;
        QCOMPARE(parse(DnsRecordType::CNAME, message, &records), ARES_EBADRESP);
        QVERIFY2(records.isEmpty(), qPrintable(records.join(QLatin1Char(','))));
    }

    void anAnswerThatCannotBeReadIsABadResponseForEveryType_data()
    {
        QTest::addColumn<DnsRecordType>("type");
        for (const DnsRecordType type : {DnsRecordType::A, DnsRecordType::AAAA, DnsRecordType::CNAME, DnsRecordType::MX,
                                         DnsRecordType::TXT, DnsRecordType::NS, DnsRecordType::SRV})
            QTest::newRow(qPrintable(dnsRecordTypeName(type))) << type;
    }

    void anAnswerThatCannotBeReadIsABadResponseForEveryType()
    {
        // c-ares's MX, TXT and SRV readers say ARES_EBADNAME here, which the probe reported as
        // "not a valid DNS name: <the name the user asked for>"; the name was fine, the answer was not.
        QFETCH(DnsRecordType, type);
        QStringList records;
        QCOMPARE(parse(type, selfPointingAnswer(), &records), ARES_EBADRESP);
        QVERIFY(records.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDnsAnswers)
#include "tst_dnsanswers.moc"
