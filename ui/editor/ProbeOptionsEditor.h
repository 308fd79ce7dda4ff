#pragma once

#include "endpoint/ProbeSpec.h"

#include <QGroupBox>

// The options of one probe kind in the endpoint editor. Each kind's editor shows only its own
// fields, checks them as they change, and reads its limits from the kind's options module.
class ProbeOptionsEditor : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeOptionsEditor)

public:
    using QGroupBox::QGroupBox;

    virtual void load(const ProbeSpec &spec) = 0;
    // Overlays the edited fields on spec; fields with a problem keep spec's value.
    virtual void store(ProbeSpec *spec) const = 0;
    // Shows each field's problem under it; false when any field has one.
    virtual bool validate() = 0;

signals:
    void edited(); // a field changed: the dialog validates again
};
