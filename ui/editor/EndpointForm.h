#pragma once

#include "endpoint/Endpoint.h"

#include <QWidget>

#include <optional>

class FieldMessage;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

// The general part of the endpoint editor: what every kind has (name, target, schedule, timeout,
// thresholds, family, tags), each field checked as it changes against the settings' own limits.
class EndpointForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointForm)

public:
    explicit EndpointForm(QWidget *parent = nullptr);

    void load(const Endpoint &endpoint);
    void store(Endpoint *endpoint) const; // overlays the edited fields; a bad target keeps the old one

    // The target as typed, or nothing (with the message shown) when it does not parse.
    std::optional<Target> target() const;
    // Shows each field's problem under it; false when any field has one or there is no target yet.
    bool validate();

signals:
    void edited();

private:
    QLineEdit *m_name;
    QLineEdit *m_target;
    FieldMessage *m_targetMessage;
    QCheckBox *m_enabled;
    QDoubleSpinBox *m_interval;
    FieldMessage *m_intervalMessage;
    QDoubleSpinBox *m_downInterval;
    FieldMessage *m_downIntervalMessage;
    QSpinBox *m_timeout;
    QSpinBox *m_failureThreshold;
    QSpinBox *m_degraded;
    FieldMessage *m_degradedMessage;
    QSpinBox *m_certWarningDays;
    QFormLayout *m_layout;
    bool m_certificateShown = true;
    QComboBox *m_ipFamily;
    QLineEdit *m_tags;
};
