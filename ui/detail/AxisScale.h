#pragma once

class QValueAxis;

// A 0-based value axis that ends on a round number with round ticks (1, 2 or 5 times a power of
// ten), a little above the highest value, so "0 10 20 30" rather than "0 13 25 38".
class AxisScale final
{
public:
    static void fit(QValueAxis *axis, double highest);
};
