#pragma once

#include "AlertChannel.h"
#include "SecretStore.h"

#include <QCoroTask>
#include <QProcessEnvironment>

#include <memory>

class CurlMulti;
class DesktopNotifier;

namespace AlertChannels {
// The channel of the settings' type. curl and notifier must outlive it; notifier may be null.
std::unique_ptr<AlertChannel> make(const AlertChannelSettings &settings, CurlMulti *curl, DesktopNotifier *notifier);

// A channel's secret: from the environment variable it names if that is set, else from the
// keychain entry through store; a problem saying where it was looked for otherwise.
QCoro::Task<SecretStore::Lookup> resolveSecret(SecretReference reference, QProcessEnvironment environment,
                                               std::shared_ptr<SecretStore> store);
} // namespace AlertChannels
