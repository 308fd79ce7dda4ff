#pragma once

#include "alert/AlertDelivery.h"
#include "alert/AlertSettings.h"

#include <QDialog>
#include <QHash>

#include <memory>

class AlertListModel;
class AlertTester;
class DesktopNotifier;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;
class SecretStore;

// The profile's alerts: channels (add, edit, remove, Send test), rules and maintenance windows.
// It edits a copy; the caller takes settings() and the typed secrets when it is accepted.
class AlertsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsDialog)

public:
    AlertsDialog(AlertSettings settings, std::shared_ptr<SecretStore> store, DesktopNotifier *notifier,
                 QWidget *parent = nullptr);
    ~AlertsDialog() override;

    const AlertSettings &settings() const { return m_settings; }
    // Secrets typed in the channel editors, by keychain entry: for the keychain when the profile is saved.
    const QHash<QString, QString> &typedSecrets() const { return m_secrets; }

    // For tests: the dialog's parts, and editing without the editors' own event loops.
    QTableView *channelView() const { return m_channelView; }
    QTableView *ruleView() const { return m_ruleView; }
    QTableView *maintenanceView() const { return m_maintenanceView; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    void setChannel(int row, AlertChannelSettings channel, std::optional<QString> secret); // row -1 adds
    void setRule(int row, AlertRule rule);
    void setMaintenance(int row, MaintenanceWindow window);
    void sendTest(int row);

signals:
    void testFinished(const QString &channel, const AlertDelivery &delivery);

private:
    QWidget *listPage(QTableView *view, AlertListModel *model, const QList<QPushButton *> &buttons,
                      QWidget *below = nullptr);
    void refresh();
    int currentRow(QTableView *view) const;
    void editChannel(int row);
    void editRule(int row);
    void editMaintenance(int row);
    void removeCurrent(QTableView *view);
    void onTestFinished(const QString &channel, const AlertDelivery &delivery);

    AlertSettings m_settings;
    QHash<QString, QString> m_secrets;
    AlertTester *m_tester;
    AlertListModel *m_channels;
    AlertListModel *m_rules;
    AlertListModel *m_maintenance;
    QTableView *m_channelView;
    QTableView *m_ruleView;
    QTableView *m_maintenanceView;
    QPushButton *m_test;
    QLabel *m_testResult;
    QDoubleSpinBox *m_group;
};
