#include "AlertsDialog.h"

#include "AlertListModel.h"
#include "ChannelEditor.h"
#include "CommaList.h"
#include "MaintenanceEditor.h"
#include "RuleEditor.h"
#include "alert/AlertChannels.h"
#include "alert/AlertTester.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QString whereTo(const AlertChannelSettings &channel)
{
    switch (channel.type) {
    case AlertChannelType::Webhook:
    case AlertChannelType::Apprise:
        return channel.url;
    case AlertChannelType::Command:
        return channel.command.join(QLatin1Char(' '));
    case AlertChannelType::Desktop:
        return channel.sound ? QObject::tr("notification and sound") : QObject::tr("notification");
    }
    return {};
}

QString covered(const EndpointFilter &filter)
{
    if (filter.coversAll())
        return QObject::tr("every endpoint");
    QStringList parts;
    if (!filter.tags.isEmpty())
        parts << QObject::tr("tags %1").arg(CommaList::join(filter.tags));
    if (!filter.endpoints.isEmpty())
        parts << CommaList::join(filter.endpoints);
    return parts.join(QStringLiteral("; "));
}
} // namespace

AlertsDialog::AlertsDialog(AlertSettings settings, std::shared_ptr<SecretStore> store, DesktopNotifier *notifier,
                           QWidget *parent)
    : QDialog(parent)
    , m_settings(std::move(settings))
    , m_tester(new AlertTester(std::move(store), notifier, this))
    , m_channels(new AlertListModel({tr("Name"), tr("Type"), tr("On"), tr("Sends to")}, this))
    , m_rules(new AlertListModel({tr("Channels"), tr("Events"), tr("Endpoints")}, this))
    , m_maintenance(new AlertListModel({tr("Name"), tr("When"), tr("Endpoints")}, this))
    , m_channelView(new QTableView)
    , m_ruleView(new QTableView)
    , m_maintenanceView(new QTableView)
    , m_test(new QPushButton(tr("Send &test")))
    , m_testResult(new QLabel)
    , m_group(new QDoubleSpinBox)
{
    setWindowTitle(tr("Alerts"));
    resize(760, 460);
    m_channelView->setAccessibleName(tr("Alert channels"));
    m_ruleView->setAccessibleName(tr("Alert rules"));
    m_maintenanceView->setAccessibleName(tr("Maintenance windows"));

    auto *addChannel = new QPushButton(tr("&Add…"));
    auto *editChannelButton = new QPushButton(tr("&Edit…"));
    auto *removeChannel = new QPushButton(tr("&Remove"));
    m_test->setToolTip(tr("Sends a test message through the selected channel as it is now"));
    m_testResult->setWordWrap(true);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    connect(addChannel, &QPushButton::clicked, this, [this] { editChannel(-1); });
    connect(editChannelButton, &QPushButton::clicked, this, [this] { editChannel(currentRow(m_channelView)); });
    connect(m_channelView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { editChannel(index.row()); });
    connect(removeChannel, &QPushButton::clicked, this, [this] { removeCurrent(m_channelView); });
    connect(m_test, &QPushButton::clicked, this, [this] { sendTest(currentRow(m_channelView)); });
    connect(m_tester, &AlertTester::finished, this, &AlertsDialog::onTestFinished);

    auto *addRule = new QPushButton(tr("&Add…"));
    auto *editRuleButton = new QPushButton(tr("&Edit…"));
    auto *removeRule = new QPushButton(tr("&Remove"));
    connect(addRule, &QPushButton::clicked, this, [this] { editRule(-1); });
    connect(editRuleButton, &QPushButton::clicked, this, [this] { editRule(currentRow(m_ruleView)); });
    connect(m_ruleView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { editRule(index.row()); });
    connect(removeRule, &QPushButton::clicked, this, [this] { removeCurrent(m_ruleView); });

    auto *addWindow = new QPushButton(tr("&Add…"));
    auto *editWindowButton = new QPushButton(tr("&Edit…"));
    auto *removeWindow = new QPushButton(tr("&Remove"));
    connect(addWindow, &QPushButton::clicked, this, [this] { editMaintenance(-1); });
    connect(editWindowButton, &QPushButton::clicked, this, [this] { editMaintenance(currentRow(m_maintenanceView)); });
    connect(m_maintenanceView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { editMaintenance(index.row()); });
    connect(removeWindow, &QPushButton::clicked, this, [this] { removeCurrent(m_maintenanceView); });

    auto *tabs = new QTabWidget;
    tabs->addTab(
        listPage(m_channelView, m_channels, {addChannel, editChannelButton, removeChannel, m_test}, m_testResult),
        tr("&Channels"));
    auto *ruleNote = new QLabel(tr("A rule without tags or endpoints covers every endpoint."));
    tabs->addTab(listPage(m_ruleView, m_rules, {addRule, editRuleButton, removeRule}, ruleNote), tr("&Rules"));
    auto *windowNote = new QLabel(
        tr("During a window probes go on, but no alert fires for the endpoints it covers (uptime still counts it)."));
    windowNote->setWordWrap(true);
    tabs->addTab(listPage(m_maintenanceView, m_maintenance, {addWindow, editWindowButton, removeWindow}, windowNote),
                 tr("&Maintenance"));

    m_group->setRange(AlertSettings::groupSetting.minimum, AlertSettings::groupSetting.maximum);
    m_group->setSuffix(tr(" s"));
    m_group->setValue(m_settings.groupS);
    m_group->setToolTip(tr("Events within this time of the first go out as one message"));
    connect(m_group, &QDoubleSpinBox::valueChanged, this, [this](double value) { m_settings.groupS = value; });
    auto *groupForm = new QFormLayout;
    groupForm->addRow(tr("&Group events within:"), m_group);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addLayout(groupForm);
    layout->addWidget(buttons);
    refresh();
}

AlertsDialog::~AlertsDialog() = default;

QWidget *AlertsDialog::listPage(QTableView *view, AlertListModel *model, const QList<QPushButton *> &buttons,
                                QWidget *below)
{
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    // Short columns fit their text; the last, the longest (where to, which endpoints), takes the rest.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    auto *page = new QWidget;
    auto *column = new QVBoxLayout;
    for (QPushButton *button : buttons)
        column->addWidget(button);
    column->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(view, 1);
    row->addLayout(column);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    if (below)
        layout->addWidget(below);
    return page;
}

void AlertsDialog::refresh()
{
    QList<QStringList> channels;
    for (const AlertChannelSettings &channel : std::as_const(m_settings.channels))
        channels << QStringList{channel.name, alertChannelTypeName(channel.type),
                                channel.enabled ? tr("yes") : tr("no"), whereTo(channel)};
    m_channels->setRows(channels);
    QList<QStringList> rules;
    for (const AlertRule &rule : std::as_const(m_settings.rules)) {
        QStringList events;
        for (const AlertEventKind kind : rule.events)
            events << alertEventKindName(kind);
        rules << QStringList{CommaList::join(rule.channels), CommaList::join(events), covered(rule.filter)};
    }
    m_rules->setRows(rules);
    QList<QStringList> windows;
    for (const MaintenanceWindow &window : std::as_const(m_settings.maintenance)) {
        const QString when = window.isWeekly()
            ? tr("%1 for %2 min").arg(window.weeklyText()).arg(window.durationMin)
            : tr("%1 to %2")
                  .arg(window.start.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                       window.end.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        windows << QStringList{window.name, when, covered(window.filter)};
    }
    m_maintenance->setRows(windows);
}

int AlertsDialog::currentRow(QTableView *view) const
{
    const QModelIndex index = view->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void AlertsDialog::setChannel(int row, AlertChannelSettings channel, std::optional<QString> secret)
{
    if (secret && !channel.secret.keychain.isEmpty())
        m_secrets.insert(channel.secret.keychain, *secret);
    if (row < 0) {
        m_settings.channels << std::move(channel);
    } else {
        // A renamed channel stays the one its rules send to.
        const QString before = m_settings.channels.at(row).name;
        for (AlertRule &rule : m_settings.rules)
            std::replace(rule.channels.begin(), rule.channels.end(), before, channel.name);
        m_settings.channels[row] = std::move(channel);
    }
    refresh();
}

void AlertsDialog::setRule(int row, AlertRule rule)
{
    if (row < 0)
        m_settings.rules << std::move(rule);
    else
        m_settings.rules[row] = std::move(rule);
    refresh();
}

void AlertsDialog::setMaintenance(int row, MaintenanceWindow window)
{
    if (row < 0)
        m_settings.maintenance << std::move(window);
    else
        m_settings.maintenance[row] = std::move(window);
    refresh();
}

void AlertsDialog::editChannel(int row)
{
    if (row >= m_settings.channels.size())
        return;
    QStringList others;
    for (qsizetype i = 0; i < m_settings.channels.size(); ++i) {
        if (i != row)
            others << m_settings.channels.at(i).name;
    }
    AlertChannelSettings channel = row < 0 ? AlertChannelSettings{} : m_settings.channels.at(row);
    ChannelEditor editor(channel, others, this);
    if (editor.exec() == QDialog::Accepted && editor.problem().isEmpty())
        setChannel(row, editor.channel(), editor.typedSecret());
}

void AlertsDialog::editRule(int row)
{
    if (row >= m_settings.rules.size())
        return;
    QStringList names;
    for (const AlertChannelSettings &channel : std::as_const(m_settings.channels))
        names << channel.name;
    RuleEditor editor(row < 0 ? AlertRule{} : m_settings.rules.at(row), names, this);
    if (editor.exec() == QDialog::Accepted && editor.problem().isEmpty())
        setRule(row, editor.rule());
}

void AlertsDialog::editMaintenance(int row)
{
    if (row >= m_settings.maintenance.size())
        return;
    MaintenanceEditor editor(row < 0 ? MaintenanceWindow{} : m_settings.maintenance.at(row), this);
    if (editor.exec() == QDialog::Accepted && editor.problem().isEmpty())
        setMaintenance(row, editor.window());
}

void AlertsDialog::removeCurrent(QTableView *view)
{
    const int row = currentRow(view);
    if (row < 0)
        return;
    if (view == m_channelView) {
        const QString name = m_settings.channels.at(row).name;
        m_settings.channels.removeAt(row);
        for (AlertRule &rule : m_settings.rules)
            rule.channels.removeAll(name);
    } else if (view == m_ruleView) {
        m_settings.rules.removeAt(row);
    } else {
        m_settings.maintenance.removeAt(row);
    }
    refresh();
}

void AlertsDialog::sendTest(int row)
{
    if (row < 0 || row >= m_settings.channels.size() || m_tester->isSending())
        return;
    const AlertChannelSettings &channel = m_settings.channels.at(row);
    std::optional<QString> secret;
    if (m_secrets.contains(channel.secret.keychain))
        secret = m_secrets.value(channel.secret.keychain);
    m_test->setEnabled(false);
    m_testResult->setText(tr("Sending a test to %1…").arg(channel.name));
    m_tester->send(channel, secret);
}

void AlertsDialog::onTestFinished(const QString &channel, const AlertDelivery &delivery)
{
    m_test->setEnabled(true);
    m_testResult->setText(delivery.ok ? tr("The test went out on %1.").arg(channel)
                                      : tr("The test on %1 failed: %2").arg(channel, delivery.error));
    emit testFinished(channel, delivery);
}
