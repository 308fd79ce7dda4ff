#include "CurlCertificate.h"

#include <QDate>
#include <QStringList>
#include <QTime>

#include <array>

std::optional<CertificateInfo> CurlCertificate::read(CURL *easy, bool chainValid)
{
    curl_certinfo *info = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_CERTINFO, &info) != CURLE_OK || !info || info->num_of_certs < 1)
        return std::nullopt;
    QList<QByteArray> fields;
    for (const curl_slist *field = info->certinfo[0]; field; field = field->next)
        fields.append(QByteArray(field->data));
    return fromFields(fields, chainValid);
}

std::optional<CertificateInfo> CurlCertificate::fromFields(const QList<QByteArray> &fields, bool chainValid)
{
    CertificateInfo certificate;
    certificate.chainValid = chainValid;
    for (const QByteArray &field : fields) {
        const qsizetype colon = field.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = field.left(colon);
        const QString value = QString::fromUtf8(field.mid(colon + 1)).trimmed();
        if (name == "Subject")
            certificate.subject = value;
        else if (name == "Issuer")
            certificate.issuer = value;
        else if (name == "Expire date")
            certificate.notAfter = parseDate(value);
    }
    if (!certificate.notAfter.isValid() && certificate.subject.isEmpty())
        return std::nullopt;
    return certificate;
}

QDateTime CurlCertificate::parseDate(const QString &text)
{
    static constexpr std::array months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QStringList parts = text.simplified().split(QLatin1Char(' '));
    if (parts.size() != 5 || parts[4] != QLatin1String("GMT"))
        return {};
    int month = 0;
    for (int i = 0; i < int(months.size()); ++i) {
        if (parts[0] == QLatin1String(months[size_t(i)]))
            month = i + 1;
    }
    bool dayOk = false;
    bool yearOk = false;
    const QDate date(parts[3].toInt(&yearOk), month, parts[1].toInt(&dayOk));
    const QTime time = QTime::fromString(parts[2], QStringLiteral("HH:mm:ss"));
    if (!dayOk || !yearOk || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}
