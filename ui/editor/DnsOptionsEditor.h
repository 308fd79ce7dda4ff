#pragma once

#include "ProbeOptionsEditor.h"

class QLineEdit;

// The options of a dns endpoint (its record type and server are part of the target).
class DnsOptionsEditor final : public ProbeOptionsEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsOptionsEditor)

public:
    explicit DnsOptionsEditor(QWidget *parent = nullptr);

    void load(const ProbeSpec &spec) override;
    void store(ProbeSpec *spec) const override;
    bool validate() override { return true; } // any text is an answer to look for

private:
    QLineEdit *m_expect;
};
