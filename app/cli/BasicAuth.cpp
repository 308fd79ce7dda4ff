#include "BasicAuth.h"

#include <QCryptographicHash>

#include <crypt.h>

#include <memory>

bool BasicAuth::matches(const QByteArray &password, const QByteArray &hash)
{
    // struct crypt_data is 32 kB: on the heap, not the stack of the event loop.
    auto data = std::make_unique<crypt_data>();
    const char *result = crypt_r(password.constData(), hash.constData(), data.get());
    // On failure crypt_r returns null or a string starting with '*', never equal to a valid hash.
    if (!result || result[0] == '*')
        return false;
    const QByteArray computed(result);
    if (computed.size() != hash.size())
        return false;
    unsigned char difference = 0; // compared in constant time
    for (qsizetype i = 0; i < hash.size(); ++i)
        difference |= static_cast<unsigned char>(computed.at(i) ^ hash.at(i));
    return difference == 0;
}

bool BasicAuth::allows(const QByteArray &authorization)
{
    if (!authorization.startsWith("Basic "))
        return false;
    const auto decoded
        = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QByteArray &plain = *decoded;
    const qsizetype colon = plain.indexOf(':');
    if (colon < 0)
        return false;
    const QByteArray user = plain.left(colon);
    const QByteArray password = plain.mid(colon + 1);
    const auto hash = m_users.constFind(user);
    if (hash == m_users.constEnd()) {
        // Hashed anyway, so an unknown user takes as long to refuse as a wrong password.
        static const QByteArray decoy("$2y$10$QGZVu0HRwDR7AvpOjyAZ7.6PfSC7ZtG3OHbfwt6WmK3Fxl8nGBPsu");
        matches(password, decoy);
        return false;
    }
    QCryptographicHash key(QCryptographicHash::Sha256);
    key.addData(user);
    key.addData(QByteArrayView("\0", 1));
    key.addData(*hash);
    key.addData(QByteArrayView("\0", 1));
    key.addData(password);
    const QByteArray digest = key.result();
    if (m_passed.contains(digest))
        return true;
    if (!matches(password, *hash))
        return false;
    m_passed.insert(digest);
    return true;
}
