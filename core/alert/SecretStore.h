#pragma once

#include <QCoroTask>
#include <QString>

#include <optional>

// Where channel secrets are kept outside the profile: the OS keychain (KeychainSecretStore), or a
// map in tests. Asynchronous, as keychains are (a D-Bus round trip, a prompt to unlock).
class SecretStore
{
public:
    struct Lookup
    {
        std::optional<QString> value;
        QString problem; // why there is no value: not found, no keychain, access denied
    };

    virtual ~SecretStore() = default;

    virtual QCoro::Task<Lookup> read(QString key) = 0;
    virtual QCoro::Task<QString> write(QString key, QString value) = 0; // empty when done, else the problem
    virtual QCoro::Task<QString> remove(QString key) = 0;
};
