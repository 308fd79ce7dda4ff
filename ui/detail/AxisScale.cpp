#include "AxisScale.h"

#include <QValueAxis>

#include <cmath>

void AxisScale::fit(QValueAxis *axis, double highest)
{
    // Qt Charts elides a value label to "…" when the ticks stand closer than a line of text, and the
    // detail pane's charts are short: a few round steps read better than many.
    constexpr int maximumIntervals = 4;
    const double top = highest > 0 ? highest * 1.1 : 10;
    double magnitude = std::pow(10.0, std::floor(std::log10(top / maximumIntervals)));
    double step = magnitude;
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = magnitude * factor;
        if (std::ceil(top / step) <= maximumIntervals)
            break;
    }
    const int intervals = int(std::ceil(top / step));
    axis->setRange(0, intervals * step);
    axis->setTickCount(intervals + 1);
    axis->setLabelFormat(step >= 1 ? QStringLiteral("%.0f") : QStringLiteral("%.2g"));
}
