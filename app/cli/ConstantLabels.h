#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// `watch --label name=value`: labels put on every series of the /metrics page (site="office"), so
// that one Prometheus tells several agents' series apart without relabelling in its configuration.
class ConstantLabels final
{
public:
    // Each "name=value"; nothing on a bad one, with *error set to one line naming it. A name follows
    // Prometheus's rules ([a-zA-Z_][a-zA-Z0-9_]*, no leading "__", which Prometheus keeps for itself)
    // and is none of the labels pingscope writes itself, nor given twice.
    static std::optional<ConstantLabels> parse(const QStringList &arguments, QString *error);

    bool isEmpty() const { return m_text.isEmpty(); }
    // name="value",… escaped as the exposition format wants.
    QByteArray text() const { return m_text; }

    // The page with these labels first in every sample's label set.
    QByteArray applyTo(const QByteArray &page) const;

private:
    QByteArray m_text;
};
