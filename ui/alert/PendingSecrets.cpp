#include "PendingSecrets.h"

void PendingSecrets::hold(const QHash<QString, QString> &secrets)
{
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        m_pending.insert(it.key(), it.value());
}

QCoro::Task<SecretStore::Lookup> PendingSecrets::read(QString key)
{
    if (m_pending.contains(key))
        co_return Lookup{m_pending.value(key), {}};
    co_return co_await m_keychain->read(key);
}

QCoro::Task<QString> PendingSecrets::write(QString key, QString value)
{
    co_return co_await m_keychain->write(key, value);
}

QCoro::Task<QString> PendingSecrets::remove(QString key)
{
    m_pending.remove(key);
    co_return co_await m_keychain->remove(key);
}
