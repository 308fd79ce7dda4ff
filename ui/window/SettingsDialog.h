#pragma once

#include "AppSettings.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

// Edits the preferences: the cap on probes in flight, what new endpoints start with, and the tray.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);

    AppSettings settings() const; // the edited copy

private:
    AppSettings m_settings;
    QSpinBox *m_concurrency;
    QDoubleSpinBox *m_interval;
    QSpinBox *m_timeout;
    QCheckBox *m_notifications;
    QCheckBox *m_closeToTray;
};
