#pragma once

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class AlertEngine;
struct AlertSettings;
class Monitor;
class PendingSecrets;
class ProfileDocument;
class QWidget;
class SecretStore;
class TrayController;

// The window's alerts: the engine over the window's monitor, fed the open profile's alerts; the
// Alerts dialog; and the secrets typed there, which go into the keychain when the profile is saved.
// (The engine moves into the core Workspace once there is one; this keeps the dialog and the secrets.)
class AlertsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsController)

public:
    // keychain: where secrets are kept (the OS keychain unless a test gives another).
    AlertsController(Monitor *monitor, ProfileDocument *document, TrayController *tray, QWidget *window,
                     std::shared_ptr<SecretStore> keychain = nullptr);
    ~AlertsController() override;

    AlertEngine *engine() const { return m_engine.get(); }

    void showDialog();
    // What the dialog does when accepted: the profile takes the settings, the engine follows them at
    // once (with the typed secrets, by keychain entry), and the keychain gets them on the next save.
    void accept(const AlertSettings &settings, const QHash<QString, QString> &typedSecrets);
    // The profile was saved (ProfileDocument::saved): the secrets typed since go into the keychain.
    // A failure is shown.
    void profileSaved();

signals:
    void secretsSaved(const QString &problem); // empty when all were written

private:
    void apply();
    void reportSecretProblems(const QStringList &problems);
    static QCoro::Task<> writeSecrets(QPointer<AlertsController> self, std::shared_ptr<PendingSecrets> secrets);

    ProfileDocument *m_document;
    TrayController *m_tray;
    QWidget *m_window;
    std::shared_ptr<PendingSecrets> m_secrets;
    std::unique_ptr<AlertEngine> m_engine;
};
