#include "IcmpOptionsEditor.h"

#include "FormRows.h"

#include <QFormLayout>
#include <QSpinBox>

using FormRows::named;

IcmpOptionsEditor::IcmpOptionsEditor(QWidget *parent) : ProbeOptionsEditor(tr("Ping"), parent)
{
    auto *form = new QFormLayout(this);
    m_count
        = named(FormRows::spinBox(IcmpOptions::countSetting, QString()), "icmpCount", tr("Echo requests per probe"));
    form->addRow(tr("&Packets per probe:"), m_count);
    m_spacing = named(FormRows::spinBox(IcmpOptions::spacingSetting, tr(" ms")), "icmpSpacing",
                      tr("Spacing between packets"));
    form->addRow(tr("&Spacing:"), m_spacing);
    m_payload = named(FormRows::spinBox(IcmpOptions::payloadSetting, tr(" bytes")), "icmpPayload", tr("Payload size"));
    form->addRow(tr("Pa&yload:"), m_payload);
}

void IcmpOptionsEditor::load(const ProbeSpec &spec)
{
    m_count->setValue(spec.icmp.count);
    m_spacing->setValue(spec.icmp.spacingMs);
    m_payload->setValue(spec.icmp.payloadBytes);
}

void IcmpOptionsEditor::store(ProbeSpec *spec) const
{
    spec->icmp.count = m_count->value();
    spec->icmp.spacingMs = m_spacing->value();
    spec->icmp.payloadBytes = m_payload->value();
}
