#include "SettingsDialog.h"

#include "monitor/Monitor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_concurrency(new QSpinBox)
    , m_interval(new QDoubleSpinBox)
    , m_timeout(new QSpinBox)
    , m_notifications(new QCheckBox(tr("Notify when an endpoint goes &down or recovers")))
    , m_closeToTray(new QCheckBox(tr("&Closing the window keeps monitoring in the tray")))
{
    setWindowTitle(tr("Settings"));
    m_concurrency->setRange(Monitor::concurrencySetting.minimum, Monitor::concurrencySetting.maximum);
    m_concurrency->setValue(settings.concurrency);
    m_concurrency->setToolTip(tr("At most this many probes run at once; the others queue"));
    m_concurrency->setAccessibleName(tr("Probes in flight at most"));
    m_interval->setRange(Endpoint::intervalSetting.minimum, 86400); // the format sets no maximum
    m_interval->setDecimals(1);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(settings.defaultIntervalS);
    m_interval->setAccessibleName(tr("Default interval"));
    m_timeout->setRange(ProbeSpec::timeoutSetting.minimum, ProbeSpec::timeoutSetting.maximum);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setValue(settings.defaultTimeoutMs);
    m_timeout->setAccessibleName(tr("Default timeout"));
    m_notifications->setChecked(settings.notifications);
    m_closeToTray->setChecked(settings.closeToTray);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_closeToTray->setEnabled(false);
        m_closeToTray->setToolTip(tr("This desktop has no system tray"));
    }

    auto *form = new QFormLayout;
    form->addRow(tr("Probes in &flight at most:"), m_concurrency);
    form->addRow(tr("Default &interval for new endpoints:"), m_interval);
    form->addRow(tr("Default &timeout for new endpoints:"), m_timeout);
    form->addRow(m_notifications);
    form->addRow(m_closeToTray);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings edited = m_settings;
    edited.concurrency = m_concurrency->value();
    edited.defaultIntervalS = m_interval->value();
    edited.defaultTimeoutMs = m_timeout->value();
    edited.notifications = m_notifications->isChecked();
    edited.closeToTray = m_closeToTray->isChecked();
    return edited;
}
