#include "CustomRangeDialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

CustomRangeDialog::CustomRangeDialog(HistoryRange initial, QWidget *parent)
    : QDialog(parent), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Chart Range"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &CustomRangeDialog::check);
    }
    m_from->setObjectName(QStringLiteral("rangeFrom"));
    m_to->setObjectName(QStringLiteral("rangeTo"));
    m_problem->setObjectName(QStringLiteral("rangeProblem"));
    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setRange(initial);
}

HistoryRange CustomRangeDialog::range() const
{
    return {m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch()};
}

void CustomRangeDialog::setRange(HistoryRange range)
{
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(range.fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(range.toMs));
    check();
}

void CustomRangeDialog::check()
{
    const bool ok = range().lengthMs() >= 60'000;
    m_problem->setText(ok ? QString() : tr("The range must end at least a minute after it starts."));
    m_problem->setVisible(!ok);
    m_ok->setEnabled(ok);
}
