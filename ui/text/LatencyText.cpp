#include "LatencyText.h"

#include <QLocale>

namespace LatencyText {

QString latency(std::optional<std::chrono::microseconds> value)
{
    if (!value)
        return QStringLiteral("—");
    const double ms = double(value->count()) / 1000.0;
    const QLocale locale;
    if (ms < 10)
        return QStringLiteral("%1 ms").arg(locale.toString(ms, 'f', 2));
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(locale.toString(ms, 'f', 1));
    return QStringLiteral("%1 s").arg(locale.toString(ms / 1000.0, 'f', 2));
}

QString percent(std::optional<double> value)
{
    if (!value)
        return QStringLiteral("—");
    return QStringLiteral("%1 %").arg(QLocale().toString(*value, 'f', *value == 0 || *value == 100 ? 0 : 1));
}

} // namespace LatencyText
