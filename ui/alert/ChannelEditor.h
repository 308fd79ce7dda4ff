#pragma once

#include "alert/AlertChannelSettings.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// Adds or edits one alert channel. What it makes is checked by the profile's own reader, so the
// editor accepts exactly what a profile file would; a problem is shown, and OK waits for it to go.
class ChannelEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelEditor)

public:
    // otherNames: the names of the profile's other channels, which this one may not take.
    ChannelEditor(AlertChannelSettings channel, QStringList otherNames, QWidget *parent = nullptr);

    // The settings as edited; meaningful when problem() is empty.
    AlertChannelSettings channel() const;
    // What was typed as the secret; nothing when left empty (the keychain keeps what it has).
    std::optional<QString> typedSecret() const;
    QString problem() const { return m_problem; }

    // Set by the editor's fields, for tests.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *typeBox() const { return m_type; }
    QLineEdit *urlEdit() const { return m_url; }
    QPlainTextEdit *commandEdit() const { return m_command; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLabel *problemLabel() const { return m_problemLabel; }
    QLabel *availabilityLabel() const { return m_availability; }

private:
    QJsonObject toJson() const;
    void refresh();

    AlertChannelSettings m_original;
    QStringList m_otherNames;
    QLineEdit *m_name;
    QComboBox *m_type;
    QCheckBox *m_enabled;
    QLineEdit *m_url;
    QLineEdit *m_method;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QPlainTextEdit *m_command;
    QCheckBox *m_sound;
    QLineEdit *m_soundFile;
    QDoubleSpinBox *m_timeout;
    QSpinBox *m_retries;
    QDoubleSpinBox *m_minInterval;
    QLineEdit *m_secret;
    QLineEdit *m_secretEnv;
    QLabel *m_availability;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QList<QWidget *> m_webhookOnly;
    QList<QWidget *> m_urlOnly;
    QList<QWidget *> m_commandOnly;
    QList<QWidget *> m_desktopOnly;
    QString m_newKeychain;
    QString m_problem;
};
