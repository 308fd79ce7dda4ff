#include "RuleEditor.h"

#include "CommaList.h"
#include "endpoint/JsonFieldReader.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

RuleEditor::RuleEditor(AlertRule rule, QStringList channelNames, QWidget *parent)
    : QDialog(parent)
    , m_original(std::move(rule))
    , m_channelNames(std::move(channelNames))
    , m_channels(new QStandardItemModel(this))
    , m_tags(new QLineEdit)
    , m_endpoints(new QLineEdit)
    , m_remind(new QSpinBox)
    , m_certificateDays(new QSpinBox)
    , m_problemLabel(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(m_original.channels.isEmpty() ? tr("Add an alert rule") : tr("Edit the alert rule"));
    for (const QString &name : std::as_const(m_channelNames)) {
        auto *item = new QStandardItem(name);
        item->setCheckable(true);
        item->setCheckState(m_original.channels.contains(name) ? Qt::Checked : Qt::Unchecked);
        m_channels->appendRow(item);
    }
    auto *channelView = new QListView;
    channelView->setModel(m_channels);
    channelView->setAccessibleName(tr("Channels"));
    channelView->setMaximumHeight(120);

    auto *events = new QHBoxLayout;
    const QHash<int, QString> labels{{int(AlertEventKind::Down), tr("&down")},
                                     {int(AlertEventKind::Recovered), tr("&recovered")},
                                     {int(AlertEventKind::Degraded), tr("de&graded")},
                                     {int(AlertEventKind::StillDown), tr("&still down")},
                                     {int(AlertEventKind::Certificate), tr("&certificate")}};
    for (const AlertEventKind kind : ruleEventKinds()) {
        auto *box = new QCheckBox(labels.value(int(kind)));
        box->setChecked(m_original.wants(kind));
        events->addWidget(box);
        m_events.insert(int(kind), box);
        connect(box, &QCheckBox::toggled, this, &RuleEditor::refresh);
    }
    m_tags->setText(CommaList::join(m_original.filter.tags));
    m_tags->setPlaceholderText(tr("Endpoints with any of these tags: prod, db"));
    m_endpoints->setText(CommaList::join(m_original.filter.endpoints));
    m_endpoints->setPlaceholderText(tr("Or these endpoints, by name or id. Both empty: every endpoint"));
    m_remind->setRange(AlertRule::remindSetting.minimum, AlertRule::remindSetting.maximum);
    m_remind->setSuffix(tr(" min"));
    m_remind->setValue(m_original.remindEveryMin);
    m_certificateDays->setRange(AlertRule::certificateDaysSetting.minimum, AlertRule::certificateDaysSetting.maximum);
    m_certificateDays->setSuffix(tr(" days"));
    m_certificateDays->setValue(m_original.certificateDays);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e"));

    auto *form = new QFormLayout;
    form->addRow(tr("Send to:"), channelView);
    form->addRow(tr("When:"), events);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Endpoints:"), m_endpoints);
    form->addRow(tr("Remind &every:"), m_remind);
    form->addRow(tr("Certificates &within:"), m_certificateDays);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_channels, &QStandardItemModel::itemChanged, this, &RuleEditor::refresh);
    refresh();
}

QJsonObject RuleEditor::toJson() const
{
    QJsonObject object = m_original.source;
    QStringList channels;
    for (int row = 0; row < m_channels->rowCount(); ++row) {
        if (m_channels->item(row)->checkState() == Qt::Checked)
            channels << m_channels->item(row)->text();
    }
    object.insert(QStringLiteral("channels"), QJsonArray::fromStringList(channels));
    QStringList events;
    for (const AlertEventKind kind : ruleEventKinds()) {
        if (m_events.value(int(kind))->isChecked())
            events << alertEventKindName(kind);
    }
    object.insert(QStringLiteral("events"), QJsonArray::fromStringList(events));
    object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(CommaList::split(m_tags->text())));
    object.insert(QStringLiteral("endpoints"), QJsonArray::fromStringList(CommaList::split(m_endpoints->text())));
    object.insert(AlertRule::remindSetting.jsonKey(), m_remind->value());
    object.insert(AlertRule::certificateDaysSetting.jsonKey(), m_certificateDays->value());
    return object;
}

AlertRule RuleEditor::rule() const
{
    QStringList problems;
    QStringList unknown;
    JsonFieldReader fields(toJson(), QString(), &problems, &unknown);
    AlertRule rule = AlertRule::read(fields, m_channelNames);
    // Written back only where the file had them or they differ: an edit does not pin defaults.
    rule.source = m_original.source;
    return rule;
}

void RuleEditor::refresh()
{
    const AlertRule edited = rule();
    m_problem.clear();
    if (edited.channels.isEmpty())
        m_problem = tr("Choose the channels this rule sends to");
    else if (edited.events.isEmpty())
        m_problem = tr("Choose at least one event");
    m_remind->setEnabled(m_events.value(int(AlertEventKind::StillDown))->isChecked());
    m_certificateDays->setEnabled(m_events.value(int(AlertEventKind::Certificate))->isChecked());
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}
