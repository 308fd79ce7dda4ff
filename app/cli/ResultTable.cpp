#include "ResultTable.h"

#include <QStringList>

#include <algorithm>
#include <chrono>

namespace {

QString ms(std::chrono::microseconds duration)
{
    const double value = double(duration.count()) / 1000.0;
    return QString::number(value, 'f', value < 10 ? 2 : 1) + QStringLiteral(" ms");
}

QString phaseText(const PhaseTimings &phases)
{
    QStringList parts;
    const auto add = [&parts](const char *name, const std::optional<std::chrono::microseconds> &value) {
        if (value)
            parts << QStringLiteral("%1 %2").arg(QLatin1String(name),
                                                 QString::number(double(value->count()) / 1000.0, 'f', 2));
    };
    add("dns", phases.dns);
    add("connect", phases.connect);
    add("tls", phases.tls);
    add("ttfb", phases.ttfb);
    add("transfer", phases.transfer);
    return parts.join(QLatin1Char(' '));
}

QString detail(const ProbeResult &result)
{
    if (result.status == ProbeStatus::Down)
        return errorKindName(result.errorKind) + QStringLiteral(": ") + result.errorMessage;
    QStringList parts;
    if (result.httpStatus)
        parts << QStringLiteral("HTTP %1").arg(*result.httpStatus);
    if (result.icmp)
        parts << QStringLiteral("%1/%2 replies").arg(result.icmp->received).arg(result.icmp->sent);
    if (!result.dnsAnswers.isEmpty())
        parts << result.dnsAnswers.join(QStringLiteral(", "));
    if (!result.degradedReason.isEmpty())
        parts << result.degradedReason;
    return parts.join(QStringLiteral("; "));
}

QString colourise(const QString &text, ProbeStatus status)
{
    const char *code = status == ProbeStatus::Up ? "32" : status == ProbeStatus::Degraded ? "33" : "31";
    return QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text);
}

} // namespace

QString ResultTable::render(const QList<CheckOutcome> &outcomes, const CheckSummary &summary, bool colour)
{
    struct Row
    {
        QString status, name, latency, phases, detail;
        ProbeStatus raw;
    };
    QList<Row> rows;
    rows.append({QStringLiteral("STATUS"), QStringLiteral("NAME"), QStringLiteral("LATENCY"),
                 QStringLiteral("PHASES (ms)"), QStringLiteral("DETAIL"), ProbeStatus::Up});
    for (const CheckOutcome &outcome : outcomes) {
        const ProbeResult &result = outcome.result;
        const QString name = outcome.endpoint.name.isEmpty()
            ? outcome.endpoint.probe.target.toString()
            : QStringLiteral("%1 (%2)").arg(outcome.endpoint.name, outcome.endpoint.probe.target.toString());
        rows.append({probeStatusName(result.status).toUpper(), name,
                     result.status == ProbeStatus::Down ? QStringLiteral("-") : ms(result.latency),
                     phaseText(result.phases), detail(result), result.status});
    }
    qsizetype widths[4] = {0, 0, 0, 0};
    for (const Row &row : rows) {
        widths[0] = std::max(widths[0], row.status.size());
        widths[1] = std::max(widths[1], row.name.size());
        widths[2] = std::max(widths[2], row.latency.size());
        widths[3] = std::max(widths[3], row.phases.size());
    }
    QString text;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const QString status = row.status.leftJustified(widths[0]);
        text += (colour && i > 0 ? colourise(status, row.raw) : status) + QStringLiteral("  ")
            + row.name.leftJustified(widths[1]) + QStringLiteral("  ") + row.latency.rightJustified(widths[2])
            + QStringLiteral("  ") + row.phases.leftJustified(widths[3]) + QStringLiteral("  ") + row.detail;
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        text += QLatin1Char('\n');
    }
    text += QStringLiteral("\n%1 up, %2 degraded, %3 down in %4 ms\n")
                .arg(summary.up)
                .arg(summary.degraded)
                .arg(summary.down)
                .arg(summary.elapsedMs, 0, 'f', 1);
    return text;
}
