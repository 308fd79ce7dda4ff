#pragma once

#include "net/CertificateInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <curl/curl.h>

#include <optional>

// The leaf certificate of a TLS transfer, from CURLOPT_CERTINFO's text fields.
class CurlCertificate final
{
public:
    // Needs CURLOPT_CERTINFO on the handle; nothing for plain HTTP or a reused connection.
    static std::optional<CertificateInfo> read(CURL *easy, bool chainValid);
    // From "Name:value" fields as curl lists them for one certificate.
    static std::optional<CertificateInfo> fromFields(const QList<QByteArray> &fields, bool chainValid);
    // OpenSSL's form, as curl passes it on: "Jan 31 00:00:00 2027 GMT", the day padded with a space.
    static QDateTime parseDate(const QString &text);
};
