#include "HttpOptionsEditor.h"

#include "FieldMessage.h"
#include "FormRows.h"
#include "text/HttpHeaderText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>

#include <limits>

using FormRows::named;
using FormRows::withMessage;

HttpOptionsEditor::HttpOptionsEditor(QWidget *parent) : ProbeOptionsEditor(tr("HTTP"), parent)
{
    auto *form = new QFormLayout(this);

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

    m_maxRedirects = named(FormRows::spinBox(HttpOptions::maxRedirectsSetting, QString()), "maxRedirects",
                           tr("Maximum redirects"));
    m_maxRedirects->setSpecialValueText(tr("do not follow"));
    form->addRow(tr("Max &redirects:"), m_maxRedirects);

    m_verifyTls = named(new QCheckBox(tr("&Verify the certificate")), "verifyTls", tr("Verify TLS"));
    form->addRow(tr("TLS:"), m_verifyTls);

    m_caFile = named(new QLineEdit, "caFile", tr("CA file"));
    m_caFile->setPlaceholderText(tr("The system's trust store"));
    auto *browse = named(new QToolButton, "caFileBrowse", tr("Choose a CA file"));
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &HttpOptionsEditor::chooseCaFile);
    auto *caRow = new QWidget;
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(browse);
    m_caFileMessage = named(new FieldMessage(m_caFile), "caFileMessage", tr("CA file check"));
    form->addRow(tr("CA &file:"), withMessage(caRow, m_caFileMessage));

    // A spin box holds an int: the format allows more (maxBodyBytesSetting), the editor up to 2 GiB.
    m_maxBodyBytes = named(
        FormRows::spinBox(int(HttpOptions::maxBodyBytesSetting.minimum), std::numeric_limits<int>::max(), tr(" bytes")),
        "maxBodyBytes", tr("Maximum body size in bytes"));
    m_maxBodyBytes->setGroupSeparatorShown(true);
    form->addRow(tr("Max body si&ze:"), m_maxBodyBytes);

    m_reuseConnection
        = named(new QCheckBox(tr("R&euse the connection between probes")), "reuseConnection", tr("Reuse connection"));
    form->addRow(tr("Connection:"), m_reuseConnection);

    for (QLineEdit *edit : {m_expectStatus, m_expectBody, m_expectRegex, m_rejectBody, m_caFile})
        connect(edit, &QLineEdit::textChanged, this, &ProbeOptionsEditor::edited);
    for (QPlainTextEdit *edit : {m_headers, m_body})
        connect(edit, &QPlainTextEdit::textChanged, this, &ProbeOptionsEditor::edited);
    connect(m_method, &QComboBox::currentTextChanged, this, &ProbeOptionsEditor::edited);
}

void HttpOptionsEditor::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CA File"), m_caFile->text(),
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void HttpOptionsEditor::load(const ProbeSpec &spec)
{
    const HttpOptions &http = spec.http;
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
    m_loadedMaxBodyBytes = http.maxBodyBytes;
    m_maxBodyBytes->setValue(int(std::min<qint64>(http.maxBodyBytes, std::numeric_limits<int>::max())));
    m_reuseConnection->setChecked(http.reuseConnection);
}

void HttpOptionsEditor::store(ProbeSpec *spec) const
{
    HttpOptions &http = spec->http;
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
    // A larger limit from a profile than the spin box holds stays as it was unless edited.
    if (m_maxBodyBytes->value() != std::numeric_limits<int>::max() || m_loadedMaxBodyBytes < m_maxBodyBytes->value())
        http.maxBodyBytes = m_maxBodyBytes->value();
    http.reuseConnection = m_reuseConnection->isChecked();
}

bool HttpOptionsEditor::validate()
{
    m_methodMessage->setError(HttpOptions::isMethod(m_method->currentText().trimmed())
                                  ? QString()
                                  : tr("Must be an HTTP method such as GET or POST."));
    QString headerError;
    m_headersMessage->setError(HttpHeaderText::parse(m_headers->toPlainText(), &headerError) ? QString() : headerError);
    QString statusError;
    m_expectStatusMessage->setError(StatusCodeSet::parse(m_expectStatus->text(), &statusError) ? QString()
                                                                                               : statusError);
    const QString regexProblem = HttpOptions::regexProblem(m_expectRegex->text());
    m_expectRegexMessage->setError(regexProblem.isEmpty()
                                       ? QString()
                                       : tr("Not a valid regular expression: %1 (at character %2).")
                                             .arg(regexProblem)
                                             .arg(QRegularExpression(m_expectRegex->text()).patternErrorOffset()));
    // Only the editor looks for the file: a profile travels to machines where it lives elsewhere.
    const QString ca = m_caFile->text().trimmed();
    m_caFileMessage->setError(!ca.isEmpty() && !QFileInfo(ca).isReadable() ? tr("No readable file at this path.")
                                                                           : QString());
    for (const FieldMessage *message :
         {m_methodMessage, m_headersMessage, m_expectStatusMessage, m_expectRegexMessage, m_caFileMessage}) {
        if (message->hasError())
            return false;
    }
    return true;
}
