#include "AlertsController.h"

#include "AlertsDialog.h"
#include "PendingSecrets.h"
#include "alert/AlertEngine.h"
#include "alert/KeychainSecretStore.h"
#include "tray/TrayController.h"
#include "workspace/ProfileDocument.h"

#include <QMessageBox>
#include <QWidget>

AlertsController::AlertsController(Monitor *monitor, ProfileDocument *document, TrayController *tray, QWidget *window,
                                   std::shared_ptr<SecretStore> keychain)
    : QObject(window)
    , m_document(document)
    , m_tray(tray)
    , m_window(window)
    , m_secrets(
          std::make_shared<PendingSecrets>(keychain ? std::move(keychain) : std::make_shared<KeychainSecretStore>()))
    , m_engine(std::make_unique<AlertEngine>(monitor, document->alerts()))
{
    m_engine->setSecretStore(m_secrets);
    m_engine->setDesktopNotifier(tray);
    m_engine->start();
    connect(document, &ProfileDocument::saved, this, &AlertsController::profileSaved);
    connect(document, &ProfileDocument::loaded, this, [this] {
        m_secrets->clear(); // typed for the profile that was open before
        apply();
    });
    apply();
}

AlertsController::~AlertsController()
{
    m_engine->shutdown();
}

void AlertsController::apply()
{
    const AlertSettings &alerts = m_document->alerts();
    m_engine->setSettings(alerts);
    // A desktop channel takes over the tray's own notifications, so nothing is said twice.
    bool desktop = false;
    for (const AlertChannelSettings &channel : alerts.channels)
        desktop = desktop || (channel.enabled && channel.type == AlertChannelType::Desktop);
    if (m_tray)
        m_tray->setAlertChannelActive(desktop);
}

void AlertsController::showDialog()
{
    AlertsDialog dialog(m_document->alerts(), m_secrets, m_tray, m_window);
    if (dialog.exec() == QDialog::Accepted)
        accept(dialog.settings(), dialog.typedSecrets());
}

void AlertsController::accept(const AlertSettings &settings, const QHash<QString, QString> &typedSecrets)
{
    m_secrets->hold(typedSecrets);
    if (!(settings == m_document->alerts()) || !typedSecrets.isEmpty())
        m_document->setAlerts(settings);
    apply();
}

void AlertsController::profileSaved()
{
    if (m_secrets->isEmpty())
        return;
    writeSecrets(this, m_secrets);
}

QCoro::Task<> AlertsController::writeSecrets(QPointer<AlertsController> self, std::shared_ptr<PendingSecrets> secrets)
{
    const QHash<QString, QString> pending = secrets->pending();
    QStringList problems;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        const QString problem = co_await secrets->keychain()->write(it.key(), it.value());
        if (!problem.isEmpty())
            problems << problem;
    }
    if (!self)
        co_return;
    if (problems.isEmpty())
        secrets->clear();
    self->reportSecretProblems(problems);
}

void AlertsController::reportSecretProblems(const QStringList &problems)
{
    if (!problems.isEmpty() && m_window) {
        QMessageBox::warning(
            m_window, tr("Secrets not saved"),
            tr("The profile was saved, but its channels' secrets could not be put in the keychain: %1\n\n"
               "They are kept for this session. For pingscope watch, name an environment variable "
               "that holds each secret in the channel's editor.")
                .arg(problems.first()));
    }
    emit secretsSaved(problems.value(0));
}
