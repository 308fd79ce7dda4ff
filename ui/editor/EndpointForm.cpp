#include "EndpointForm.h"

#include "FieldMessage.h"
#include "FormRows.h"
#include "SecondsSpinBox.h"
#include "text/TargetDescription.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using FormRows::named;
using FormRows::withMessage;

namespace {
// The longest interval the editor offers; the format itself sets none.
constexpr double longestEditedIntervalS = 24 * 3600;
} // namespace

EndpointForm::EndpointForm(QWidget *parent) : QWidget(parent)
{
    auto *group = new QGroupBox(tr("Endpoint"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(group);
    auto *form = new QFormLayout(group);
    m_layout = form;

    m_name = named(new QLineEdit, "name", tr("Name"));
    m_name->setPlaceholderText(tr("Shown instead of the target when set"));
    form->addRow(tr("&Name:"), m_name);

    m_target = named(new QLineEdit, "target", tr("Target"));
    m_target->setPlaceholderText(tr("https://example.org/health, db.lan:5432, 192.0.2.1, dns://example.org?type=AAAA"));
    m_targetMessage = named(new FieldMessage(m_target), "targetMessage", tr("Target check"));
    form->addRow(tr("&Target:"), withMessage(m_target, m_targetMessage));

    m_enabled = named(new QCheckBox(tr("&Probe this endpoint")), "enabled", tr("Enabled"));
    form->addRow(tr("Enabled:"), m_enabled);

    // Below the minimum is allowed in the box, so the message can say what the minimum is.
    m_interval = named(new SecondsSpinBox, "interval", tr("Interval in seconds"));
    m_interval->setRange(0, longestEditedIntervalS);
    m_intervalMessage = named(new FieldMessage(m_interval), "intervalMessage", tr("Interval check"));
    form->addRow(tr("&Interval:"), withMessage(m_interval, m_intervalMessage));

    m_downInterval = named(new SecondsSpinBox, "downInterval", tr("Interval while down, in seconds"));
    m_downInterval->setRange(0, longestEditedIntervalS);
    m_downInterval->setSpecialValueText(tr("same as the interval"));
    m_downIntervalMessage = named(new FieldMessage(m_downInterval), "downIntervalMessage", tr("Down interval check"));
    form->addRow(tr("Interval while &down:"), withMessage(m_downInterval, m_downIntervalMessage));

    m_timeout
        = named(FormRows::spinBox(ProbeSpec::timeoutSetting, tr(" ms")), "timeout", tr("Timeout in milliseconds"));
    form->addRow(tr("Time&out:"), m_timeout);

    m_failureThreshold = named(FormRows::spinBox(Endpoint::failureThresholdSetting, QString()), "failureThreshold",
                               tr("Failures before down"));
    m_failureThreshold->setToolTip(tr("How many failed probes in a row mark the endpoint down"));
    form->addRow(tr("&Failures before down:"), m_failureThreshold);

    m_degraded = named(FormRows::spinBox(0, ProbeSpec::degradedSetting.maximum, tr(" ms")), "degraded",
                       tr("Degraded above, in milliseconds"));
    m_degraded->setSpecialValueText(tr("off"));
    m_degradedMessage = named(new FieldMessage(m_degraded), "degradedMessage", tr("Degraded check"));
    form->addRow(tr("De&graded above:"), withMessage(m_degraded, m_degradedMessage));

    m_certWarningDays = named(FormRows::spinBox(ProbeSpec::certWarningDaysSetting, tr(" days")), "certWarningDays",
                              tr("Certificate warning in days"));
    m_certWarningDays->setToolTip(tr("Degraded when the certificate expires within this many days"));
    form->addRow(tr("&Certificate warning:"), m_certWarningDays);

    m_ipFamily = named(new QComboBox, "ipFamily", tr("IP family"));
    m_ipFamily->addItem(tr("Any"), int(IpFamily::Any));
    m_ipFamily->addItem(tr("IPv4 only"), int(IpFamily::V4));
    m_ipFamily->addItem(tr("IPv6 only"), int(IpFamily::V6));
    form->addRow(tr("IP &family:"), m_ipFamily);

    m_tags = named(new QLineEdit, "tags", tr("Tags"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. prod, db"));
    form->addRow(tr("T&ags:"), m_tags);

    for (QLineEdit *edit : {m_name, m_target, m_tags})
        connect(edit, &QLineEdit::textChanged, this, &EndpointForm::edited);
    for (QDoubleSpinBox *box : {m_interval, m_downInterval})
        connect(box, &QDoubleSpinBox::valueChanged, this, &EndpointForm::edited);
    for (QSpinBox *box : {m_timeout, m_degraded})
        connect(box, &QSpinBox::valueChanged, this, &EndpointForm::edited);
}

std::optional<Target> EndpointForm::target() const
{
    return Target::parse(m_target->text());
}

bool EndpointForm::validate()
{
    QString error;
    const auto parsed = Target::parse(m_target->text(), &error);
    if (parsed)
        m_targetMessage->setNote(tr("→ %1").arg(TargetDescription::understoodAs(*parsed)));
    else if (m_target->text().trimmed().isEmpty())
        m_targetMessage->setNote(tr("Enter a URL, a host to ping, or host:port for a TCP connect."));
    else
        m_targetMessage->setError(error);

    const double minimum = Endpoint::intervalSetting.minimum;
    m_intervalMessage->setError(m_interval->value() < minimum ? tr("The interval must be at least %L1 s.").arg(minimum)
                                                              : QString());
    const double down = m_downInterval->value();
    m_downIntervalMessage->setError(
        down > 0 && down < Endpoint::downIntervalSetting.minimum
            ? tr("Must be at least %L1 s, or 0 to use the interval.").arg(Endpoint::downIntervalSetting.minimum)
            : QString());
    m_degradedMessage->setError(
        m_degraded->value() >= m_timeout->value()
            ? tr("Must be below the timeout (%L1 ms): a slower answer is already down.").arg(m_timeout->value())
            : QString());

    // Only a probe that sees a certificate (https, tls) has a certificate warning; a target not yet
    // understood keeps the row as the endpoint had it.
    const bool certificate = parsed ? parsed->isHttps() || parsed->kind == ProbeKind::Tls : m_certificateShown;
    m_certificateShown = certificate;
    m_layout->setRowVisible(m_certWarningDays, certificate);

    // An empty target is not an error to shout about, but not valid either.
    bool valid = parsed.has_value();
    for (const FieldMessage *message : {m_targetMessage, m_intervalMessage, m_downIntervalMessage, m_degradedMessage})
        valid = valid && !message->hasError();
    return valid;
}

void EndpointForm::load(const Endpoint &endpoint)
{
    m_name->setText(endpoint.name);
    // An endpoint not yet given a target shows an empty field, not the default http target's text.
    const Target &target = endpoint.probe.target;
    m_target->setText(target.host.isEmpty() && target.url.isEmpty() ? QString() : target.toString());
    m_enabled->setChecked(endpoint.enabled);
    m_interval->setValue(endpoint.intervalS);
    m_downInterval->setValue(endpoint.downIntervalS.value_or(0));
    m_timeout->setValue(endpoint.probe.timeoutMs);
    m_failureThreshold->setValue(endpoint.failureThreshold);
    m_degraded->setValue(endpoint.probe.degradedMs.value_or(0));
    m_certWarningDays->setValue(endpoint.probe.certWarningDays);
    m_ipFamily->setCurrentIndex(m_ipFamily->findData(int(endpoint.probe.ipFamily)));
    m_tags->setText(endpoint.tags.join(QStringLiteral(", ")));
}

void EndpointForm::store(Endpoint *e) const
{
    e->name = m_name->text().trimmed();
    if (auto parsed = target())
        e->probe.target = *parsed;
    e->enabled = m_enabled->isChecked();
    e->intervalS = m_interval->value();
    e->downIntervalS = m_downInterval->value() > 0 ? std::optional(m_downInterval->value()) : std::nullopt;
    e->probe.timeoutMs = m_timeout->value();
    e->failureThreshold = m_failureThreshold->value();
    e->probe.degradedMs = m_degraded->value() > 0 ? std::optional(m_degraded->value()) : std::nullopt;
    e->probe.certWarningDays = m_certWarningDays->value();
    e->probe.ipFamily = IpFamily(m_ipFamily->currentData().toInt());
    e->tags.clear();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            e->tags << tag.trimmed();
    }
}
