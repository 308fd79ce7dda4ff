#pragma once

#include "ProbeOptionsEditor.h"

class QSpinBox;

// The options of an icmp endpoint: packets per probe, their spacing and size.
class IcmpOptionsEditor final : public ProbeOptionsEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IcmpOptionsEditor)

public:
    explicit IcmpOptionsEditor(QWidget *parent = nullptr);

    void load(const ProbeSpec &spec) override;
    void store(ProbeSpec *spec) const override;
    bool validate() override { return true; } // the spin boxes hold only what the format allows

private:
    QSpinBox *m_count;
    QSpinBox *m_spacing;
    QSpinBox *m_payload;
};
