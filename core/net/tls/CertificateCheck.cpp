#include "CertificateCheck.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace {
QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes
        = issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts.append(QStringLiteral("%1=%2").arg(QString::fromLatin1(attribute), value));
    }
    return parts.join(QStringLiteral(", "));
}

QString readableName(const QSslCertificate &certificate, bool issuer)
{
    const QStringList common = issuer ? certificate.issuerInfo(QSslCertificate::CommonName)
                                      : certificate.subjectInfo(QSslCertificate::CommonName);
    if (!common.isEmpty() && !common.first().isEmpty())
        return common.first();
    return distinguishedName(certificate, issuer);
}

QString day(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

QString namesOf(const QSslCertificate &certificate)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (!names.contains(it.value()))
            names.append(it.value());
    }
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? QStringLiteral("no name") : names.join(QStringLiteral(", "));
}

// Most telling first: a person fixes an expired or untrusted certificate before a name.
constexpr std::array priority{
    QSslError::CertificateExpired,           QSslError::CertificateNotYetValid,
    QSslError::CertificateRevoked,           QSslError::SelfSignedCertificate,
    QSslError::SelfSignedCertificateInChain, QSslError::UnableToGetLocalIssuerCertificate,
    QSslError::UnableToGetIssuerCertificate, QSslError::UnableToVerifyFirstCertificate,
    QSslError::CertificateUntrusted,         QSslError::HostNameMismatch,
};

QString describe(const QSslError &error, const QSslCertificate &leaf, const QString &host)
{
    const QSslCertificate certificate = error.certificate().isNull() ? leaf : error.certificate();
    const bool isLeaf = certificate == leaf;
    const QString whose = isLeaf ? QStringLiteral("certificate")
                                 : QStringLiteral("certificate of %1").arg(readableName(certificate, false));
    switch (error.error()) {
    case QSslError::CertificateExpired:
        return QStringLiteral("%1 has expired (on %2)").arg(whose, day(certificate.expiryDate()));
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("%1 is not valid before %2").arg(whose, day(certificate.effectiveDate()));
    case QSslError::CertificateRevoked:
        return QStringLiteral("%1 has been revoked").arg(whose);
    case QSslError::SelfSignedCertificate:
        return QStringLiteral("self-signed certificate");
    case QSslError::SelfSignedCertificateInChain:
        return QStringLiteral("self-signed certificate in the chain (%1)").arg(readableName(certificate, false));
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return QStringLiteral("certificate issued by an untrusted authority (%1)").arg(readableName(certificate, true));
    case QSslError::HostNameMismatch:
        return QStringLiteral("certificate is for %1, not %2").arg(namesOf(leaf), host);
    default:
        return QStringLiteral("certificate not trusted: %1").arg(error.errorString());
    }
}
} // namespace

QString CertificateCheck::subjectName(const QSslCertificate &certificate)
{
    return readableName(certificate, false);
}

QString CertificateCheck::issuerName(const QSslCertificate &certificate)
{
    return readableName(certificate, true);
}

CertificateInfo CertificateCheck::info(const QSslCertificate &leaf, const QList<QSslError> &errors)
{
    CertificateInfo info;
    info.notAfter = leaf.expiryDate().toUTC();
    info.subject = subjectName(leaf);
    info.issuer = issuerName(leaf);
    info.chainValid = errors.isEmpty() && !leaf.isNull();
    return info;
}

QString CertificateCheck::failureMessage(const QList<QSslError> &errors, const QSslCertificate &leaf,
                                         const QString &host)
{
    if (errors.isEmpty())
        return {};
    for (const QSslError::SslError wanted : priority) {
        const auto found = std::find_if(errors.cbegin(), errors.cend(),
                                        [wanted](const QSslError &error) { return error.error() == wanted; });
        if (found != errors.cend())
            return describe(*found, leaf, host);
    }
    return describe(errors.first(), leaf, host);
}
