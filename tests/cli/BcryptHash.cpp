#include "BcryptHash.h"

#include <crypt.h>

#include <memory>

QByteArray bcryptHash(const QByteArray &password)
{
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", 4, nullptr, 0, setting, int(sizeof setting)))
        return {};
    auto data = std::make_unique<crypt_data>();
    const char *hash = crypt_r(password.constData(), setting, data.get());
    return hash && hash[0] != '*' ? QByteArray(hash) : QByteArray();
}
