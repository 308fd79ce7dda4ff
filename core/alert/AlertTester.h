#pragma once

#include "AlertChannelSettings.h"
#include "AlertDelivery.h"

#include <QCoroTask>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

class CurlMulti;
class DesktopNotifier;
class NetContext;
class SecretStore;

// Sends a test message through a channel as the Alerts dialog edits it, before it is saved. The
// send is cancelled if the tester goes first (the dialog closed), so nothing outlives it.
class AlertTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTester)

public:
    explicit AlertTester(std::shared_ptr<SecretStore> store, DesktopNotifier *notifier = nullptr,
                         QObject *parent = nullptr);
    ~AlertTester() override;

    // secret: the value typed in the editor, which wins over the environment and the keychain.
    void send(AlertChannelSettings channel, std::optional<QString> secret);
    bool isSending() const { return m_inFlight != nullptr; }

signals:
    void finished(const QString &channel, const AlertDelivery &delivery);

private:
    static QCoro::Task<> run(AlertTester *self, std::shared_ptr<const bool> alive, AlertChannelSettings channel,
                             std::optional<QString> secret, std::shared_ptr<NetContext> context);

    // False from the destructor on: a send that resumes while the members go must not touch them.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    std::shared_ptr<SecretStore> m_store;
    DesktopNotifier *m_notifier;
    std::unique_ptr<CurlMulti> m_curl;
    std::shared_ptr<NetContext> m_inFlight;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};
