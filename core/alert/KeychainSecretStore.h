#pragma once

#include "SecretStore.h"

// The OS keychain through QtKeychain: the Secret Service (GNOME Keyring, KWallet) over D-Bus on
// Linux, the Keychain on macOS, the Credential Manager on Windows. Entries live under the service
// "pingscope" and never fall back to a plain file.
class KeychainSecretStore final : public SecretStore
{
public:
    static constexpr char service[] = "pingscope";

    QCoro::Task<Lookup> read(QString key) override;
    QCoro::Task<QString> write(QString key, QString value) override;
    QCoro::Task<QString> remove(QString key) override;
};
