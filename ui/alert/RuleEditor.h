#pragma once

#include "alert/AlertRule.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QSpinBox;
class QStandardItemModel;

// Adds or edits one alert rule: its channels, its events, and which endpoints it covers.
class RuleEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEditor)

public:
    RuleEditor(AlertRule rule, QStringList channelNames, QWidget *parent = nullptr);

    AlertRule rule() const;
    QString problem() const { return m_problem; }

    QStandardItemModel *channelModel() const { return m_channels; }
    QCheckBox *eventBox(AlertEventKind kind) const { return m_events.value(int(kind)); }
    QLineEdit *tagsEdit() const { return m_tags; }

private:
    QJsonObject toJson() const;
    void refresh();

    AlertRule m_original;
    QStringList m_channelNames;
    QStandardItemModel *m_channels;
    QHash<int, QCheckBox *> m_events;
    QLineEdit *m_tags;
    QLineEdit *m_endpoints;
    QSpinBox *m_remind;
    QSpinBox *m_certificateDays;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};
