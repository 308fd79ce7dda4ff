// CurlCertificate, the leaf certificate's fields as curl lists them ("Expire date:Jan 31 00:00:00
// 2027 GMT"), which a server chooses. The input is one field a line. Beyond not crashing: every
// date that reads is a valid UTC time and reads back from its own OpenSSL form.

#include "FuzzSupport.h"
#include "net/curl/CurlCertificate.h"

#include <array>

namespace {

QString opensslForm(const QDateTime &when)
{
    static constexpr std::array months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate date = when.date();
    return QStringLiteral("%1 %2 %3 %4 GMT")
        .arg(QLatin1String(months[size_t(date.month() - 1)]))
        .arg(date.day(), 2)
        .arg(when.time().toString(QStringLiteral("HH:mm:ss")))
        .arg(date.year());
}

void checkDate(const QString &text, const QDateTime &date)
{
    if (!date.isValid())
        return;
    FUZZ_CHECK(date.timeSpec() == Qt::UTC, text);
    FUZZ_CHECK(CurlCertificate::parseDate(opensslForm(date)) == date,
               text + QStringLiteral(" -> ") + opensslForm(date));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> fields = input.split('\n');
    for (const QByteArray &field : fields) {
        const QString text = QString::fromUtf8(field);
        checkDate(text, CurlCertificate::parseDate(text));
    }
    const auto certificate = CurlCertificate::fromFields(fields, true);
    if (certificate) {
        FUZZ_CHECK(certificate->notAfter.isValid() || !certificate->subject.isEmpty(), QString::fromUtf8(input));
        checkDate(QString::fromUtf8(input), certificate->notAfter);
    }
    return 0;
}
