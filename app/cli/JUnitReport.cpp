#include "JUnitReport.h"

#include <QXmlStreamWriter>

#include <chrono>

namespace {
QString seconds(double milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'f', 6);
}
} // namespace

QByteArray JUnitReport::render(const QList<CheckOutcome> &outcomes, const CheckSummary &summary)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("pingscope"));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(outcomes.size()));
    writer.writeAttribute(QStringLiteral("failures"), QString::number(summary.down));
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("time"), seconds(summary.elapsedMs));
    for (const CheckOutcome &outcome : outcomes) {
        const ProbeResult &result = outcome.result;
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"),
                              QStringLiteral("pingscope.") + probeKindName(outcome.endpoint.probe.target.kind));
        writer.writeAttribute(QStringLiteral("name"), outcome.endpoint.displayName());
        writer.writeAttribute(QStringLiteral("time"),
                              seconds(std::chrono::duration<double, std::milli>(result.latency).count()));
        if (result.status == ProbeStatus::Down) {
            writer.writeStartElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("type"), errorKindName(result.errorKind));
            writer.writeAttribute(QStringLiteral("message"), result.errorMessage);
            writer.writeCharacters(QStringLiteral("%1: %2 (%3)")
                                       .arg(outcome.endpoint.probe.target.toString(), result.errorMessage,
                                            errorKindName(result.errorKind)));
            writer.writeEndElement();
        } else {
            writer.writeTextElement(
                QStringLiteral("system-out"),
                QStringLiteral("%1 in %2 ms%3")
                    .arg(probeStatusName(result.status))
                    .arg(std::chrono::duration<double, std::milli>(result.latency).count(), 0, 'f', 3)
                    .arg(result.degradedReason.isEmpty() ? QString() : QStringLiteral(": ") + result.degradedReason));
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}
