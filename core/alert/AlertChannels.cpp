#include "AlertChannels.h"

#include "AppriseChannel.h"
#include "CommandChannel.h"
#include "DesktopChannel.h"
#include "WebhookChannel.h"

std::unique_ptr<AlertChannel> AlertChannels::make(const AlertChannelSettings &settings, CurlMulti *curl,
                                                  DesktopNotifier *notifier)
{
    switch (settings.type) {
    case AlertChannelType::Webhook:
        return std::make_unique<WebhookChannel>(settings, curl);
    case AlertChannelType::Apprise:
        return std::make_unique<AppriseChannel>(settings);
    case AlertChannelType::Command:
        return std::make_unique<CommandChannel>(settings);
    case AlertChannelType::Desktop:
        break;
    }
    return std::make_unique<DesktopChannel>(settings, notifier);
}

QCoro::Task<SecretStore::Lookup> AlertChannels::resolveSecret(SecretReference reference,
                                                              QProcessEnvironment environment,
                                                              std::shared_ptr<SecretStore> store)
{
    if (!reference.env.isEmpty() && environment.contains(reference.env))
        co_return SecretStore::Lookup{environment.value(reference.env), {}};
    if (!reference.keychain.isEmpty() && store)
        co_return co_await store->read(reference.keychain);
    QStringList where;
    if (!reference.env.isEmpty())
        where << QStringLiteral("the environment variable %1 is not set").arg(reference.env);
    if (!reference.keychain.isEmpty())
        where << QStringLiteral("no keychain is open here for the entry \"%1\"").arg(reference.keychain);
    co_return SecretStore::Lookup{std::nullopt, where.join(QStringLiteral(", and "))};
}
