#include "ChannelEditor.h"

#include "alert/AppriseChannel.h"
#include "endpoint/JsonFieldReader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
const QStringList editedKeys{QStringLiteral("name"),           QStringLiteral("type"),
                             QStringLiteral("enabled"),        QStringLiteral("url"),
                             QStringLiteral("method"),         QStringLiteral("headers"),
                             QStringLiteral("body"),           QStringLiteral("command"),
                             QStringLiteral("sound"),          QStringLiteral("sound_file"),
                             QStringLiteral("timeout_s"),      QStringLiteral("retries"),
                             QStringLiteral("min_interval_s"), QStringLiteral("secret")};

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList result;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            result << line;
    }
    return result;
}
} // namespace

ChannelEditor::ChannelEditor(AlertChannelSettings channel, QStringList otherNames, QWidget *parent)
    : QDialog(parent)
    , m_original(std::move(channel))
    , m_otherNames(std::move(otherNames))
    , m_name(new QLineEdit)
    , m_type(new QComboBox)
    , m_enabled(new QCheckBox(tr("&Enabled")))
    , m_url(new QLineEdit)
    , m_method(new QLineEdit)
    , m_headers(new QPlainTextEdit)
    , m_body(new QPlainTextEdit)
    , m_command(new QPlainTextEdit)
    , m_sound(new QCheckBox(tr("Play a &sound")))
    , m_soundFile(new QLineEdit)
    , m_timeout(new QDoubleSpinBox)
    , m_retries(new QSpinBox)
    , m_minInterval(new QDoubleSpinBox)
    , m_secret(new QLineEdit)
    , m_secretEnv(new QLineEdit)
    , m_availability(new QLabel)
    , m_problemLabel(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    // A name of its own per channel and profile, so two profiles' "ops" keep two secrets.
    m_newKeychain = QStringLiteral("alerts/%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    setWindowTitle(m_original.name.isEmpty() ? tr("Add an alert channel")
                                             : tr("Edit the channel %1").arg(m_original.name));
    for (const AlertChannelType type :
         {AlertChannelType::Webhook, AlertChannelType::Apprise, AlertChannelType::Command, AlertChannelType::Desktop})
        m_type->addItem(alertChannelTypeName(type), int(type));
    m_type->setToolTip(
        tr("webhook: a JSON POST; apprise: 90+ services by URL; command: a program; desktop: a notification here"));

    m_name->setText(m_original.name);
    m_type->setCurrentIndex(m_type->findData(int(m_original.type)));
    m_enabled->setChecked(m_original.enabled);
    m_url->setText(m_original.url);
    m_url->setPlaceholderText(
        tr("https://hooks.example.com/pingscope, ntfys://ntfy.sh/topic, mailto://user:{secret}@example.com"));
    m_method->setText(QString::fromLatin1(m_original.method));
    QStringList headerLines;
    for (const auto &[name, value] : m_original.headers)
        headerLines << name + QStringLiteral(": ") + value;
    m_headers->setPlainText(headerLines.join(QLatin1Char('\n')));
    m_headers->setPlaceholderText(tr("One per line: Authorization: Bearer {secret}"));
    m_body->setPlainText(m_original.body);
    m_body->setPlaceholderText(
        tr("Empty: the standard JSON document. Fields: {endpoint}, {status}, {message}, {title}, {events} …"));
    m_command->setPlainText(m_original.command.join(QLatin1Char('\n')));
    m_command->setPlaceholderText(
        tr("The program, then one argument per line:\n/usr/bin/logger\n-t\npingscope\n{title}"));
    m_sound->setChecked(m_original.sound);
    m_soundFile->setText(m_original.soundFile);
    m_soundFile->setPlaceholderText(tr("Empty: the system's beep"));
    m_timeout->setRange(AlertChannelSettings::timeoutSetting.minimum, AlertChannelSettings::timeoutSetting.maximum);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(m_original.timeoutS);
    m_retries->setRange(AlertChannelSettings::retriesSetting.minimum, AlertChannelSettings::retriesSetting.maximum);
    m_retries->setValue(m_original.retries);
    m_minInterval->setRange(AlertChannelSettings::minIntervalSetting.minimum,
                            AlertChannelSettings::minIntervalSetting.maximum);
    m_minInterval->setSuffix(tr(" s"));
    m_minInterval->setValue(m_original.minIntervalS);
    m_minInterval->setToolTip(tr("At most one message this often; what comes in between goes in the next one"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(m_original.secret.keychain.isEmpty() ? tr("a token or password; used as {secret}")
                                                                      : tr("kept in the keychain; type to replace it"));
    m_secretEnv->setText(m_original.secret.env);
    m_secretEnv->setPlaceholderText(tr("or an environment variable that holds it, for pingscope watch"));
    m_availability->setWordWrap(true);
    m_availability->setObjectName(QStringLiteral("availability"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setObjectName(QStringLiteral("problem"));
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Headers:"), m_headers);
    form->addRow(tr("&Body:"), m_body);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(QString(), m_sound);
    form->addRow(tr("Sound &file:"), m_soundFile);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(tr("&Retries:"), m_retries);
    form->addRow(tr("At most every:"), m_minInterval);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(tr("Secret from:"), m_secretEnv);
    m_urlOnly = {m_url};
    m_webhookOnly = {m_method, m_headers, m_body, m_retries};
    m_commandOnly = {m_command};
    m_desktopOnly = {m_sound, m_soundFile};

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_availability);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QLineEdit *edit : {m_name, m_url, m_method, m_soundFile, m_secret, m_secretEnv})
        connect(edit, &QLineEdit::textChanged, this, &ChannelEditor::refresh);
    for (QPlainTextEdit *edit : {m_headers, m_body, m_command})
        connect(edit, &QPlainTextEdit::textChanged, this, &ChannelEditor::refresh);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ChannelEditor::refresh);
    connect(m_sound, &QCheckBox::toggled, this, &ChannelEditor::refresh);
    refresh();
}

QJsonObject ChannelEditor::toJson() const
{
    QJsonObject object = m_original.source;
    for (const QString &key : editedKeys)
        object.remove(key);
    const auto type = AlertChannelType(m_type->currentData().toInt());
    object.insert(QStringLiteral("name"), m_name->text().trimmed());
    object.insert(QStringLiteral("type"), alertChannelTypeName(type));
    if (!m_enabled->isChecked())
        object.insert(QStringLiteral("enabled"), false);
    if (type == AlertChannelType::Webhook || type == AlertChannelType::Apprise)
        object.insert(QStringLiteral("url"), m_url->text().trimmed());
    if (type == AlertChannelType::Webhook) {
        if (m_method->text().trimmed().compare(QLatin1String("POST"), Qt::CaseInsensitive) != 0)
            object.insert(QStringLiteral("method"), m_method->text().trimmed());
        QJsonObject headers;
        for (const QString &line : lines(m_headers)) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            headers.insert(line.left(colon).trimmed(), colon < 0 ? QString() : line.mid(colon + 1).trimmed());
        }
        if (!headers.isEmpty())
            object.insert(QStringLiteral("headers"), headers);
        if (!m_body->toPlainText().trimmed().isEmpty())
            object.insert(QStringLiteral("body"), m_body->toPlainText());
        if (m_retries->value() != AlertChannelSettings::retriesSetting.defaultValue)
            object.insert(QStringLiteral("retries"), m_retries->value());
    }
    if (type == AlertChannelType::Command)
        object.insert(QStringLiteral("command"), QJsonArray::fromStringList(lines(m_command)));
    if (type == AlertChannelType::Desktop) {
        if (m_sound->isChecked())
            object.insert(QStringLiteral("sound"), true);
        if (!m_soundFile->text().trimmed().isEmpty())
            object.insert(QStringLiteral("sound_file"), m_soundFile->text().trimmed());
    }
    if (m_timeout->value() != AlertChannelSettings::timeoutSetting.defaultValue)
        object.insert(QStringLiteral("timeout_s"), m_timeout->value());
    if (m_minInterval->value() != AlertChannelSettings::minIntervalSetting.defaultValue)
        object.insert(QStringLiteral("min_interval_s"), m_minInterval->value());
    QJsonObject secret = m_original.source.value(QStringLiteral("secret")).toObject();
    secret.remove(QStringLiteral("keychain"));
    secret.remove(QStringLiteral("env"));
    QString keychain = m_original.secret.keychain;
    if (keychain.isEmpty() && !m_secret->text().isEmpty())
        keychain = m_newKeychain;
    if (!keychain.isEmpty())
        secret.insert(QStringLiteral("keychain"), keychain);
    if (!m_secretEnv->text().trimmed().isEmpty())
        secret.insert(QStringLiteral("env"), m_secretEnv->text().trimmed());
    if (!secret.isEmpty())
        object.insert(QStringLiteral("secret"), secret);
    return object;
}

AlertChannelSettings ChannelEditor::channel() const
{
    QStringList problems;
    QStringList unknown;
    JsonFieldReader fields(toJson(), QString(), &problems, &unknown);
    return AlertChannelSettings::read(fields);
}

std::optional<QString> ChannelEditor::typedSecret() const
{
    return m_secret->text().isEmpty() ? std::nullopt : std::optional(m_secret->text());
}

void ChannelEditor::refresh()
{
    const auto type = AlertChannelType(m_type->currentData().toInt());
    auto *form = static_cast<QFormLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(0)->layout());
    const auto show = [form](const QList<QWidget *> &widgets, bool visible) {
        for (QWidget *widget : widgets)
            form->setRowVisible(widget, visible);
    };
    show(m_urlOnly, type == AlertChannelType::Webhook || type == AlertChannelType::Apprise);
    show(m_webhookOnly, type == AlertChannelType::Webhook);
    show(m_commandOnly, type == AlertChannelType::Command);
    show(m_desktopOnly, type == AlertChannelType::Desktop);
    m_soundFile->setEnabled(m_sound->isChecked());

    m_availability->setText(type == AlertChannelType::Apprise && AppriseChannel::program().isEmpty()
                                ? AppriseChannel::missingText()
                                : QString());
    m_availability->setVisible(!m_availability->text().isEmpty());

    QStringList problems;
    QStringList unknown;
    JsonFieldReader fields(toJson(), QString(), &problems, &unknown);
    const AlertChannelSettings edited = AlertChannelSettings::read(fields);
    if (m_otherNames.contains(edited.name))
        problems.prepend(tr("name: another channel is named \"%1\"").arg(edited.name));
    if (edited.usesSecret() && !edited.secret.isSet() && problems.isEmpty())
        problems << tr("secret: type the secret, or name the environment variable that holds it");
    m_problem = problems.value(0);
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}
