#include "EndpointEditorDialog.h"

#include "FieldMessage.h"
#include "ProbeTestPanel.h"
#include "SecondsSpinBox.h"
#include "text/HttpHeaderText.h"
#include "text/TargetDescription.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace {
// Mirrors the profile reader's limits, so what the dialog accepts a profile can hold.
constexpr double minimumIntervalS = 0.5;
constexpr int maximumTimeoutMs = 10 * 60 * 1000;

// A field with its message underneath, as one row of a form.
QWidget *withMessage(QWidget *field, FieldMessage *message)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return box;
}

template<typename Widget> Widget *named(Widget *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

QSpinBox *spinBox(int minimum, int maximum, const QString &suffix)
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    return box;
}
} // namespace

EndpointEditorDialog::EndpointEditorDialog(ProbeExecutor *executor, QWidget *parent)
    : QDialog(parent)
    , m_test(new ProbeTestPanel(executor, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit Endpoint"));
    setAccessibleName(tr("Endpoint editor"));

    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(buildGeneral());
    formLayout->addWidget(buildHttp());
    formLayout->addWidget(buildIcmp());
    formLayout->addWidget(buildDns());
    formLayout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *testGroup = new QGroupBox(tr("Test"));
    auto *testLayout = new QVBoxLayout(testGroup);
    testLayout->addWidget(m_test);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(testGroup);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &ProbeTestPanel::testRequested, this, [this] { m_test->start(endpoint().probe); });
    connectValidation();

    resize(620, 760);
    setEndpoint(Endpoint{});
}

QWidget *EndpointEditorDialog::buildGeneral()
{
    auto *group = new QGroupBox(tr("Endpoint"));
    auto *form = new QFormLayout(group);

    m_name = named(new QLineEdit, "name", tr("Name"));
    m_name->setPlaceholderText(tr("Shown instead of the target when set"));
    form->addRow(tr("&Name:"), m_name);

    m_target = named(new QLineEdit, "target", tr("Target"));
    m_target->setPlaceholderText(tr("https://example.org/health, db.lan:5432, 192.0.2.1, dns://example.org?type=AAAA"));
    m_targetMessage = named(new FieldMessage(m_target), "targetMessage", tr("Target check"));
    form->addRow(tr("&Target:"), withMessage(m_target, m_targetMessage));

    m_enabled = named(new QCheckBox(tr("&Probe this endpoint")), "enabled", tr("Enabled"));
    form->addRow(tr("Enabled:"), m_enabled);

    m_interval = named(new SecondsSpinBox, "interval", tr("Interval in seconds"));
    m_interval->setRange(0, 24 * 3600);
    m_intervalMessage = named(new FieldMessage(m_interval), "intervalMessage", tr("Interval check"));
    form->addRow(tr("&Interval:"), withMessage(m_interval, m_intervalMessage));

    m_downInterval = named(new SecondsSpinBox, "downInterval", tr("Interval while down, in seconds"));
    m_downInterval->setRange(0, 24 * 3600);
    m_downInterval->setSpecialValueText(tr("same as the interval"));
    m_downIntervalMessage = named(new FieldMessage(m_downInterval), "downIntervalMessage", tr("Down interval check"));
    form->addRow(tr("Interval while &down:"), withMessage(m_downInterval, m_downIntervalMessage));

    m_timeout = named(spinBox(1, maximumTimeoutMs, tr(" ms")), "timeout", tr("Timeout in milliseconds"));
    form->addRow(tr("Time&out:"), m_timeout);

    m_failureThreshold = named(spinBox(1, 1000, QString()), "failureThreshold", tr("Failures before down"));
    m_failureThreshold->setToolTip(tr("How many failed probes in a row mark the endpoint down"));
    form->addRow(tr("&Failures before down:"), m_failureThreshold);

    m_degraded = named(spinBox(0, maximumTimeoutMs, tr(" ms")), "degraded", tr("Degraded above, in milliseconds"));
    m_degraded->setSpecialValueText(tr("off"));
    m_degradedMessage = named(new FieldMessage(m_degraded), "degradedMessage", tr("Degraded check"));
    form->addRow(tr("De&graded above:"), withMessage(m_degraded, m_degradedMessage));

    m_certWarningDays = named(spinBox(0, 3650, tr(" days")), "certWarningDays", tr("Certificate warning in days"));
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
    return group;
}

QGroupBox *EndpointEditorDialog::buildHttp()
{
    m_httpGroup = new QGroupBox(tr("HTTP"));
    auto *form = new QFormLayout(m_httpGroup);

    m_method = named(new QComboBox, "method", tr("HTTP method"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("OPTIONS")});
    m_methodMessage = named(new FieldMessage(m_method), "methodMessage", tr("Method check"));
    form->addRow(tr("&Method:"), withMessage(m_method, m_methodMessage));

    m_headers = named(new QPlainTextEdit, "headers", tr("Request headers"));
    m_headers->setPlaceholderText(tr("One per line, e.g. Accept: application/json"));
    m_headers->setTabChangesFocus(true);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    m_headersMessage = named(new FieldMessage(m_headers), "headersMessage", tr("Headers check"));
    form->addRow(tr("&Headers:"), withMessage(m_headers, m_headersMessage));

    m_body = named(new QPlainTextEdit, "body", tr("Request body"));
    m_body->setTabChangesFocus(true);
    m_body->setFixedHeight(m_body->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("&Body:"), m_body);

    m_expectStatus = named(new QLineEdit, "expectStatus", tr("Expected status codes"));
    m_expectStatus->setPlaceholderText(tr("e.g. 200-299,301"));
    m_expectStatusMessage = named(new FieldMessage(m_expectStatus), "expectStatusMessage", tr("Status check"));
    form->addRow(tr("Expected &status:"), withMessage(m_expectStatus, m_expectStatusMessage));

    m_expectBody = named(new QLineEdit, "expectBody", tr("Body must contain"));
    form->addRow(tr("Body must &contain:"), m_expectBody);

    m_expectRegex = named(new QLineEdit, "expectRegex", tr("Body must match regular expression"));
    m_expectRegexMessage = named(new FieldMessage(m_expectRegex), "expectRegexMessage", tr("Regular expression check"));
    form->addRow(tr("Body must &match:"), withMessage(m_expectRegex, m_expectRegexMessage));

    m_rejectBody = named(new QLineEdit, "rejectBody", tr("Body must not contain"));
    form->addRow(tr("Body must &not contain:"), m_rejectBody);

    m_maxRedirects = named(spinBox(0, 50, QString()), "maxRedirects", tr("Maximum redirects"));
    m_maxRedirects->setSpecialValueText(tr("do not follow"));
    form->addRow(tr("Max &redirects:"), m_maxRedirects);

    m_verifyTls = named(new QCheckBox(tr("&Verify the certificate")), "verifyTls", tr("Verify TLS"));
    form->addRow(tr("TLS:"), m_verifyTls);

    m_caFile = named(new QLineEdit, "caFile", tr("CA file"));
    m_caFile->setPlaceholderText(tr("The system's trust store"));
    auto *browse = named(new QToolButton, "caFileBrowse", tr("Choose a CA file"));
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &EndpointEditorDialog::chooseCaFile);
    auto *caRow = new QWidget;
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(browse);
    m_caFileMessage = named(new FieldMessage(m_caFile), "caFileMessage", tr("CA file check"));
    form->addRow(tr("CA &file:"), withMessage(caRow, m_caFileMessage));

    m_maxBodyBytes = named(spinBox(0, std::numeric_limits<int>::max(), tr(" bytes")), "maxBodyBytes",
                           tr("Maximum body size in bytes"));
    m_maxBodyBytes->setGroupSeparatorShown(true);
    form->addRow(tr("Max body si&ze:"), m_maxBodyBytes);

    m_reuseConnection
        = named(new QCheckBox(tr("R&euse the connection between probes")), "reuseConnection", tr("Reuse connection"));
    form->addRow(tr("Connection:"), m_reuseConnection);
    return m_httpGroup;
}

QGroupBox *EndpointEditorDialog::buildIcmp()
{
    m_icmpGroup = new QGroupBox(tr("Ping"));
    auto *form = new QFormLayout(m_icmpGroup);
    m_icmpCount = named(spinBox(1, 100, QString()), "icmpCount", tr("Echo requests per probe"));
    form->addRow(tr("&Packets per probe:"), m_icmpCount);
    m_icmpSpacing = named(spinBox(10, 10000, tr(" ms")), "icmpSpacing", tr("Spacing between packets"));
    form->addRow(tr("&Spacing:"), m_icmpSpacing);
    m_icmpPayload = named(spinBox(16, 1400, tr(" bytes")), "icmpPayload", tr("Payload size"));
    form->addRow(tr("Pa&yload:"), m_icmpPayload);
    return m_icmpGroup;
}

QGroupBox *EndpointEditorDialog::buildDns()
{
    m_dnsGroup = new QGroupBox(tr("DNS"));
    auto *form = new QFormLayout(m_dnsGroup);
    m_dnsExpect = named(new QLineEdit, "dnsExpect", tr("Expected answer"));
    m_dnsExpect->setPlaceholderText(tr("Any answer"));
    form->addRow(tr("E&xpected answer:"), m_dnsExpect);
    return m_dnsGroup;
}

void EndpointEditorDialog::connectValidation()
{
    const auto check = [this] { validate(); };
    for (QLineEdit *edit :
         {m_name, m_target, m_tags, m_expectStatus, m_expectBody, m_expectRegex, m_rejectBody, m_caFile, m_dnsExpect})
        connect(edit, &QLineEdit::textChanged, this, check);
    for (QPlainTextEdit *edit : {m_headers, m_body})
        connect(edit, &QPlainTextEdit::textChanged, this, check);
    for (QDoubleSpinBox *box : {m_interval, m_downInterval})
        connect(box, &QDoubleSpinBox::valueChanged, this, check);
    for (QSpinBox *box : {m_timeout, m_degraded})
        connect(box, &QSpinBox::valueChanged, this, check);
    connect(m_method, &QComboBox::currentTextChanged, this, check);
}

void EndpointEditorDialog::validate()
{
    if (m_loading)
        return;

    QString error;
    const auto target = Target::parse(m_target->text(), &error);
    if (target)
        m_targetMessage->setNote(tr("→ %1").arg(TargetDescription::understoodAs(*target)));
    else if (m_target->text().trimmed().isEmpty())
        m_targetMessage->setNote(tr("Enter a URL, a host to ping, or host:port for a TCP connect."));
    else
        m_targetMessage->setError(error);

    const ProbeKind kind = target ? target->kind : m_endpoint.probe.target.kind;
    m_httpGroup->setVisible(kind == ProbeKind::Http);
    m_icmpGroup->setVisible(kind == ProbeKind::Icmp);
    m_dnsGroup->setVisible(kind == ProbeKind::Dns);

    m_intervalMessage->setError(m_interval->value() < minimumIntervalS
                                    ? tr("The interval must be at least %L1 s.").arg(minimumIntervalS)
                                    : QString());
    const double down = m_downInterval->value();
    m_downIntervalMessage->setError(down > 0 && down < minimumIntervalS
                                        ? tr("Must be at least %L1 s, or 0 to use the interval.").arg(minimumIntervalS)
                                        : QString());
    m_degradedMessage->setError(
        m_degraded->value() >= m_timeout->value()
            ? tr("Must be below the timeout (%L1 ms): a slower answer is already down.").arg(m_timeout->value())
            : QString());

    // Options of other kinds are kept but not checked: they are hidden and the probe ignores them.
    const bool http = kind == ProbeKind::Http;
    static const QRegularExpression methodToken(QStringLiteral("^[A-Za-z]{1,20}$"));
    m_methodMessage->setError(http && !methodToken.match(m_method->currentText().trimmed()).hasMatch()
                                  ? tr("Must be an HTTP method such as GET or POST.")
                                  : QString());
    QString headerError;
    m_headersMessage->setError(http && !HttpHeaderText::parse(m_headers->toPlainText(), &headerError) ? headerError
                                                                                                      : QString());
    QString statusError;
    m_expectStatusMessage->setError(http && !StatusCodeSet::parse(m_expectStatus->text(), &statusError) ? statusError
                                                                                                        : QString());
    const QRegularExpression regex(m_expectRegex->text());
    m_expectRegexMessage->setError(http && !m_expectRegex->text().isEmpty() && !regex.isValid()
                                       ? tr("Not a valid regular expression: %1 (at character %2).")
                                             .arg(regex.errorString())
                                             .arg(regex.patternErrorOffset())
                                       : QString());
    const QString ca = m_caFile->text().trimmed();
    m_caFileMessage->setError(
        http && !ca.isEmpty() && !QFileInfo(ca).isReadable() ? tr("No readable file at this path.") : QString());

    m_valid = target.has_value(); // an empty target is not an error to shout about, but not valid either
    for (const FieldMessage *message :
         {m_targetMessage, m_intervalMessage, m_downIntervalMessage, m_degradedMessage, m_methodMessage,
          m_headersMessage, m_expectStatusMessage, m_expectRegexMessage, m_caFileMessage}) {
        if (message->hasError())
            m_valid = false;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    m_test->setTestAllowed(m_valid);
}

void EndpointEditorDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CA File"), m_caFile->text(),
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void EndpointEditorDialog::setEndpoint(const Endpoint &endpoint)
{
    m_endpoint = endpoint;
    m_loading = true;
    m_name->setText(endpoint.name);
    // An endpoint not yet given a target shows an empty field, not the default http target's text.
    m_target->setText(endpoint.probe.target.host.isEmpty() && endpoint.probe.target.url.isEmpty()
                          ? QString()
                          : endpoint.probe.target.toString());
    m_enabled->setChecked(endpoint.enabled);
    m_interval->setValue(endpoint.intervalS);
    m_downInterval->setValue(endpoint.downIntervalS.value_or(0));
    m_timeout->setValue(endpoint.probe.timeoutMs);
    m_failureThreshold->setValue(endpoint.failureThreshold);
    m_degraded->setValue(endpoint.probe.degradedMs.value_or(0));
    m_certWarningDays->setValue(endpoint.probe.certWarningDays);
    m_ipFamily->setCurrentIndex(m_ipFamily->findData(int(endpoint.probe.ipFamily)));
    m_tags->setText(endpoint.tags.join(QStringLiteral(", ")));

    const HttpOptions &http = endpoint.probe.http;
    m_method->setCurrentText(QString::fromLatin1(http.method));
    m_headers->setPlainText(HttpHeaderText::format(http.headers));
    m_body->setPlainText(QString::fromUtf8(http.body));
    m_expectStatus->setText(http.expectStatus.toString());
    m_expectBody->setText(http.expectBody);
    m_expectRegex->setText(http.expectBodyRegex);
    m_rejectBody->setText(http.rejectBody);
    m_maxRedirects->setValue(http.maxRedirects);
    m_verifyTls->setChecked(http.verifyTls);
    m_caFile->setText(http.caFile);
    m_maxBodyBytes->setValue(int(std::min<qint64>(http.maxBodyBytes, std::numeric_limits<int>::max())));
    m_reuseConnection->setChecked(http.reuseConnection);

    m_icmpCount->setValue(endpoint.probe.icmp.count);
    m_icmpSpacing->setValue(endpoint.probe.icmp.spacingMs);
    m_icmpPayload->setValue(endpoint.probe.icmp.payloadBytes);
    m_dnsExpect->setText(endpoint.probe.dns.expect);
    m_loading = false;
    validate();
}

Endpoint EndpointEditorDialog::endpoint() const
{
    Endpoint e = m_endpoint;
    e.name = m_name->text().trimmed();
    if (auto target = Target::parse(m_target->text()))
        e.probe.target = *target;
    e.enabled = m_enabled->isChecked();
    e.intervalS = m_interval->value();
    e.downIntervalS = m_downInterval->value() > 0 ? std::optional(m_downInterval->value()) : std::nullopt;
    e.probe.timeoutMs = m_timeout->value();
    e.failureThreshold = m_failureThreshold->value();
    e.probe.degradedMs = m_degraded->value() > 0 ? std::optional(m_degraded->value()) : std::nullopt;
    e.probe.certWarningDays = m_certWarningDays->value();
    e.probe.ipFamily = IpFamily(m_ipFamily->currentData().toInt());
    e.tags.clear();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            e.tags << tag.trimmed();
    }

    HttpOptions &http = e.probe.http;
    http.method = m_method->currentText().trimmed().toUpper().toLatin1();
    QString ignored;
    if (auto headers = HttpHeaderText::parse(m_headers->toPlainText(), &ignored))
        http.headers = *headers;
    http.body = m_body->toPlainText().toUtf8();
    if (auto set = StatusCodeSet::parse(m_expectStatus->text()))
        http.expectStatus = *set;
    http.expectBody = m_expectBody->text();
    http.expectBodyRegex = m_expectRegex->text();
    http.rejectBody = m_rejectBody->text();
    http.maxRedirects = m_maxRedirects->value();
    http.verifyTls = m_verifyTls->isChecked();
    http.caFile = m_caFile->text().trimmed();
    // The spin box holds an int; a larger limit from a profile stays as it was unless edited.
    if (m_maxBodyBytes->value() != std::numeric_limits<int>::max()
        || m_endpoint.probe.http.maxBodyBytes < m_maxBodyBytes->value())
        http.maxBodyBytes = m_maxBodyBytes->value();
    http.reuseConnection = m_reuseConnection->isChecked();

    e.probe.icmp.count = m_icmpCount->value();
    e.probe.icmp.spacingMs = m_icmpSpacing->value();
    e.probe.icmp.payloadBytes = m_icmpPayload->value();
    e.probe.dns.expect = m_dnsExpect->text().trimmed();
    return e;
}

void EndpointEditorDialog::done(int result)
{
    m_test->cancel();
    QDialog::done(result);
}
