#pragma once

#include "alert/SecretStore.h"

#include <QHash>

#include <memory>

// The secrets typed in the Alerts dialog, held until the profile is saved, in front of the
// keychain: the engine reads them from here at once, and they go into the keychain on save.
class PendingSecrets final : public SecretStore
{
public:
    explicit PendingSecrets(std::shared_ptr<SecretStore> keychain) : m_keychain(std::move(keychain)) { }

    void hold(const QHash<QString, QString> &secrets);
    void clear() { m_pending.clear(); }
    bool isEmpty() const { return m_pending.isEmpty(); }
    QHash<QString, QString> pending() const { return m_pending; }
    std::shared_ptr<SecretStore> keychain() const { return m_keychain; }

    QCoro::Task<Lookup> read(QString key) override;
    QCoro::Task<QString> write(QString key, QString value) override;
    QCoro::Task<QString> remove(QString key) override;

private:
    std::shared_ptr<SecretStore> m_keychain;
    QHash<QString, QString> m_pending;
};
