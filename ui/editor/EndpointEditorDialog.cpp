#include "EndpointEditorDialog.h"

#include "DnsOptionsEditor.h"
#include "EndpointForm.h"
#include "HttpOptionsEditor.h"
#include "IcmpOptionsEditor.h"
#include "ProbeTestPanel.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

EndpointEditorDialog::EndpointEditorDialog(ProbeExecutor *executor, QWidget *parent)
    : QDialog(parent)
    , m_form(new EndpointForm)
    , m_options{{ProbeKind::Http, new HttpOptionsEditor},
                {ProbeKind::Icmp, new IcmpOptionsEditor},
                {ProbeKind::Dns, new DnsOptionsEditor}}
    , m_noOptions(new QLabel)
    , m_test(new ProbeTestPanel(executor, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit Endpoint"));
    setAccessibleName(tr("Endpoint editor"));

    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(m_form);
    for (const auto &[kind, editor] : m_options) {
        formLayout->addWidget(editor);
        connect(editor, &ProbeOptionsEditor::edited, this, &EndpointEditorDialog::validate);
    }
    // In place of an options section, for the kinds that have none: says so, rather than a blank.
    m_noOptions->setObjectName(QStringLiteral("noOptions"));
    m_noOptions->setWordWrap(true);
    m_noOptions->setContentsMargins(6, 6, 6, 6);
    formLayout->addWidget(m_noOptions);
    formLayout->addStretch(1);
    connect(m_form, &EndpointForm::edited, this, &EndpointEditorDialog::validate);

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

    resize(620, 760);
    setEndpoint(Endpoint{});
}

void EndpointEditorDialog::validate()
{
    if (m_loading)
        return;
    m_valid = m_form->validate();
    const auto target = m_form->target();
    const ProbeKind kind = target ? target->kind : m_endpoint.probe.target.kind;
    bool hasOptions = false;
    for (const auto &[editorKind, editor] : m_options) {
        editor->setVisible(editorKind == kind);
        hasOptions = hasOptions || editorKind == kind;
        if (editorKind == kind && !editor->validate())
            m_valid = false;
    }
    if (kind == ProbeKind::Tcp)
        m_noOptions->setText(tr("A TCP probe connects to the port and closes: it has no options of its own."));
    else if (kind == ProbeKind::Tls)
        m_noOptions->setText(tr("A TLS probe connects, completes the handshake and checks the certificate (against "
                                "the system's trust store, or a CA file set in the profile): nothing else to set "
                                "here."));
    m_noOptions->setVisible(!hasOptions);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    m_test->setTestAllowed(m_valid);
}

void EndpointEditorDialog::setEndpoint(const Endpoint &endpoint)
{
    m_endpoint = endpoint;
    m_loading = true;
    m_form->load(endpoint);
    for (const auto &[kind, editor] : m_options)
        editor->load(endpoint.probe);
    m_loading = false;
    validate();
}

Endpoint EndpointEditorDialog::endpoint() const
{
    Endpoint edited = m_endpoint;
    m_form->store(&edited);
    for (const auto &[kind, editor] : m_options)
        editor->store(&edited.probe);
    return edited;
}

void EndpointEditorDialog::done(int result)
{
    m_test->cancel();
    QDialog::done(result);
}
