#include "MaintenanceEditor.h"

#include "CommaList.h"
#include "endpoint/JsonFieldReader.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

MaintenanceEditor::MaintenanceEditor(MaintenanceWindow window, QWidget *parent)
    : QDialog(parent)
    , m_original(std::move(window))
    , m_name(new QLineEdit)
    , m_weeklyButton(new QRadioButton(tr("&Weekly")))
    , m_oneOff(new QRadioButton(tr("&Once")))
    , m_weekly(new QLineEdit)
    , m_duration(new QSpinBox)
    , m_start(new QDateTimeEdit)
    , m_end(new QDateTimeEdit)
    , m_timeZone(new QLineEdit)
    , m_tags(new QLineEdit)
    , m_endpoints(new QLineEdit)
    , m_problemLabel(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Maintenance window"));
    const bool weekly = m_original.isWeekly() || !m_original.start.isValid();
    m_weeklyButton->setChecked(weekly);
    m_oneOff->setChecked(!weekly);
    m_name->setText(m_original.name);
    m_weekly->setText(m_original.isWeekly() ? m_original.weeklyText() : QStringLiteral("Sun 02:00"));
    m_weekly->setPlaceholderText(tr("Sun 02:00, Mon,Thu 22:30, daily 03:00"));
    m_duration->setRange(MaintenanceWindow::durationSetting.minimum, MaintenanceWindow::durationSetting.maximum);
    m_duration->setSuffix(tr(" min"));
    m_duration->setValue(m_original.durationMin);
    const QDateTime start
        = m_original.start.isValid() ? m_original.start.toLocalTime() : QDateTime::currentDateTime().addSecs(3600);
    m_start->setDateTime(start);
    m_end->setDateTime(m_original.end.isValid() ? m_original.end.toLocalTime() : start.addSecs(3600));
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_timeZone->setText(m_original.timeZone);
    m_timeZone->setPlaceholderText(tr("This system's; or e.g. Europe/Berlin, UTC"));
    m_tags->setText(CommaList::join(m_original.filter.tags));
    m_tags->setPlaceholderText(tr("Endpoints with any of these tags"));
    m_endpoints->setText(CommaList::join(m_original.filter.endpoints));
    m_endpoints->setPlaceholderText(tr("Or these endpoints, by name or id. Both empty: every endpoint"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e"));

    auto *kind = new QHBoxLayout;
    kind->addWidget(m_weeklyButton);
    kind->addWidget(m_oneOff);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Repeats:"), kind);
    form->addRow(tr("&Every:"), m_weekly);
    form->addRow(tr("&For:"), m_duration);
    form->addRow(tr("&Start:"), m_start);
    form->addRow(tr("E&nd:"), m_end);
    form->addRow(tr("Time &zone:"), m_timeZone);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("En&dpoints:"), m_endpoints);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_weekly, m_timeZone, m_tags, m_endpoints})
        connect(edit, &QLineEdit::textChanged, this, &MaintenanceEditor::refresh);
    connect(m_weeklyButton, &QRadioButton::toggled, this, &MaintenanceEditor::refresh);
    connect(m_duration, &QSpinBox::valueChanged, this, &MaintenanceEditor::refresh);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &MaintenanceEditor::refresh);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &MaintenanceEditor::refresh);
    refresh();
}

QJsonObject MaintenanceEditor::toJson() const
{
    QJsonObject object = m_original.source;
    for (const char *key : {"name", "weekly", "duration_min", "start", "end", "time_zone", "tags", "endpoints"})
        object.remove(QLatin1String(key));
    if (!m_name->text().trimmed().isEmpty())
        object.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (m_weeklyButton->isChecked()) {
        object.insert(QStringLiteral("weekly"), m_weekly->text());
        object.insert(QStringLiteral("duration_min"), m_duration->value());
    } else {
        object.insert(QStringLiteral("start"), m_start->dateTime().toUTC().toString(Qt::ISODate));
        object.insert(QStringLiteral("end"), m_end->dateTime().toUTC().toString(Qt::ISODate));
    }
    if (!m_timeZone->text().trimmed().isEmpty())
        object.insert(QStringLiteral("time_zone"), m_timeZone->text().trimmed());
    if (const QStringList tags = CommaList::split(m_tags->text()); !tags.isEmpty())
        object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    if (const QStringList endpoints = CommaList::split(m_endpoints->text()); !endpoints.isEmpty())
        object.insert(QStringLiteral("endpoints"), QJsonArray::fromStringList(endpoints));
    return object;
}

MaintenanceWindow MaintenanceEditor::window() const
{
    QStringList problems;
    QStringList unknown;
    JsonFieldReader fields(toJson(), QString(), &problems, &unknown);
    return MaintenanceWindow::read(fields);
}

void MaintenanceEditor::refresh()
{
    const bool weekly = m_weeklyButton->isChecked();
    m_weekly->setEnabled(weekly);
    m_duration->setEnabled(weekly);
    m_start->setEnabled(!weekly);
    m_end->setEnabled(!weekly);
    QStringList problems;
    QStringList unknown;
    JsonFieldReader fields(toJson(), QString(), &problems, &unknown);
    MaintenanceWindow::read(fields);
    m_problem = problems.value(0);
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}
