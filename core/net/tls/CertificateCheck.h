#pragma once

#include "net/CertificateInfo.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

// What a TLS probe reports about the server's certificate, and how it words a failed verification.
class CertificateCheck final
{
public:
    // errors: the verification errors of the handshake (QSslSocket::sslHandshakeErrors).
    static CertificateInfo info(const QSslCertificate &leaf, const QList<QSslError> &errors);

    // One line for the most telling error, e.g. "certificate has expired (on 2026-11-23)",
    // "self-signed certificate", "certificate is for localhost, not example.test".
    static QString failureMessage(const QList<QSslError> &errors, const QSslCertificate &leaf, const QString &host);

    // The common name if there is one, else the whole distinguished name, readable.
    static QString subjectName(const QSslCertificate &certificate);
    static QString issuerName(const QSslCertificate &certificate);
};
