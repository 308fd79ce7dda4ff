#pragma once

#include <QByteArray>
#include <QMap>
#include <QSet>

// HTTP basic authentication against bcrypt hashes, checked with libxcrypt's crypt_r.
//
// bcrypt is slow on purpose (its cost doubles the work per step), and it runs on the event loop the
// probes run on; so a credential that passed once is remembered by its SHA-256 and not hashed again,
// as the exporter toolkit caches them. A wrong one is hashed every time: guessing stays slow.
class BasicAuth final
{
public:
    explicit BasicAuth(QMap<QByteArray, QByteArray> users) : m_users(std::move(users)) { }

    // The value of an Authorization header ("Basic base64(user:password)").
    bool allows(const QByteArray &authorization);

    static constexpr char challenge[] = "Basic realm=\"pingscope\", charset=\"UTF-8\"";

    // Whether password hashes to hash (any crypt(5) hash libxcrypt knows, bcrypt here).
    static bool matches(const QByteArray &password, const QByteArray &hash);

private:
    QMap<QByteArray, QByteArray> m_users;
    QSet<QByteArray> m_passed; // SHA-256 of user, hash and password that matched
};
