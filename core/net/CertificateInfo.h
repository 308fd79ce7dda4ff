#pragma once

#include <QDateTime>
#include <QString>

// What a TLS peer's leaf certificate says, and whether its chain verified.
struct CertificateInfo
{
    QDateTime notAfter; // UTC
    QString subject;
    QString issuer;
    bool chainValid = false; // verified against the trust store (or the endpoint's CA file)
};
