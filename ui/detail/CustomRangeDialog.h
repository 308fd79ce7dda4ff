#pragma once

#include "history/HistoryTypes.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;

// Asks for a from–to range in local time; the chart shows it as it is, not following the clock.
class CustomRangeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomRangeDialog)

public:
    CustomRangeDialog(HistoryRange initial, QWidget *parent);

    HistoryRange range() const;
    void setRange(HistoryRange range);

private:
    void check();

    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_problem;
    class QPushButton *m_ok = nullptr;
};
