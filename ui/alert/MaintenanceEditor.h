#pragma once

#include "alert/MaintenanceWindow.h"

#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

// Adds or edits one maintenance window: weekly ("Sun 02:00" for 60 min) or one-off (start to end),
// for some tags or endpoints or for all.
class MaintenanceEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceEditor)

public:
    explicit MaintenanceEditor(MaintenanceWindow window, QWidget *parent = nullptr);

    MaintenanceWindow window() const;
    QString problem() const { return m_problem; }

    QLineEdit *weeklyEdit() const { return m_weekly; }
    QRadioButton *oneOffButton() const { return m_oneOff; }

private:
    QJsonObject toJson() const;
    void refresh();

    MaintenanceWindow m_original;
    QLineEdit *m_name;
    QRadioButton *m_weeklyButton;
    QRadioButton *m_oneOff;
    QLineEdit *m_weekly;
    QSpinBox *m_duration;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLineEdit *m_timeZone;
    QLineEdit *m_tags;
    QLineEdit *m_endpoints;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};
