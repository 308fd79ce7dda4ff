#include "SecondsSpinBox.h"

SecondsSpinBox::SecondsSpinBox(QWidget *parent) : QDoubleSpinBox(parent)
{
    setDecimals(3);
    setSuffix(tr(" s"));
}

QString SecondsSpinBox::textFromValue(double value) const
{
    QString text = locale().toString(value, 'f', decimals());
    const QString point = locale().decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    if (!isGroupSeparatorShown())
        text.remove(locale().groupSeparator());
    return text;
}
