#pragma once

#include "Setting.h"
#include "StatusCodeSet.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

class JsonFieldReader;

// The options of an http(s) endpoint: what is sent, what the answer must be, how it is fetched.
struct HttpOptions
{
    static constexpr Setting<int> maxRedirectsSetting{"max_redirects", 5, 0, 50};
    static constexpr Setting<qint64> maxBodyBytesSetting{"max_body_bytes", 1024LL * 1024, 0, qint64(9e15)};

    QByteArray method = "GET";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    StatusCodeSet expectStatus;
    QString expectBody; // the body must contain this
    QString expectBodyRegex; // the body must match this
    QString rejectBody; // the body must not contain this
    int maxRedirects = maxRedirectsSetting.defaultValue; // 0 = do not follow
    bool verifyTls = true;
    QString caFile;
    qint64 maxBodyBytes = maxBodyBytesSetting.defaultValue;
    bool reuseConnection = false; // by default every probe opens a fresh connection and looks the name up anew

    // The "http" object of an endpoint; problems go to the reader.
    static HttpOptions read(JsonFieldReader &fields);
    // Into the object it was read from, so its unknown keys survive.
    QJsonObject write(QJsonObject source) const;

    static bool isMethod(const QString &text); // a token of 1 to 20 letters, as GET or PROPFIND
    static bool isHeaderName(const QString &text); // an RFC 9110 token
    static QString regexProblem(const QString &pattern); // empty when the pattern compiles

    friend bool operator==(const HttpOptions &, const HttpOptions &) = default;
};
