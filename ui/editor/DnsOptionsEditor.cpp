#include "DnsOptionsEditor.h"

#include "FormRows.h"

#include <QFormLayout>
#include <QLineEdit>

DnsOptionsEditor::DnsOptionsEditor(QWidget *parent) : ProbeOptionsEditor(tr("DNS"), parent)
{
    auto *form = new QFormLayout(this);
    m_expect = FormRows::named(new QLineEdit, "dnsExpect", tr("Expected answer"));
    m_expect->setPlaceholderText(tr("Any answer"));
    form->addRow(tr("E&xpected answer:"), m_expect);
    connect(m_expect, &QLineEdit::textChanged, this, &ProbeOptionsEditor::edited);
}

void DnsOptionsEditor::load(const ProbeSpec &spec)
{
    m_expect->setText(spec.dns.expect);
}

void DnsOptionsEditor::store(ProbeSpec *spec) const
{
    spec->dns.expect = m_expect->text().trimmed();
}
