#pragma once

#include "alert/SecretStore.h"

#include <QHash>

// A keychain in memory, for tests: what the engine and the window do with secrets, without a
// session bus or a Secret Service.
class MemorySecretStore final : public SecretStore
{
public:
    QHash<QString, QString> entries;
    QString failure; // when set, every call fails with it, as a locked or absent keychain does
    int reads = 0;

    QCoro::Task<Lookup> read(QString key) override
    {
        ++reads;
        if (!failure.isEmpty())
            co_return Lookup{std::nullopt, failure};
        if (!entries.contains(key))
            co_return Lookup{std::nullopt, QStringLiteral("the keychain has no entry \"%1\"").arg(key)};
        co_return Lookup{entries.value(key), {}};
    }
    QCoro::Task<QString> write(QString key, QString value) override
    {
        if (!failure.isEmpty())
            co_return QString(failure); // a copy: after `co_return failure;` GCC 12 left the member empty
        entries.insert(key, value);
        co_return QString();
    }
    QCoro::Task<QString> remove(QString key) override
    {
        entries.remove(key);
        co_return QString();
    }
};
