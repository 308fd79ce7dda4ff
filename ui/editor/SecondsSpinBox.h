#pragma once

#include <QDoubleSpinBox>

// Seconds with as many decimals as the value needs: "30 s", "0.5 s", "12.125 s", not "30.000 s".
// Three decimals are kept, so a profile's 0.125 s is not rounded by opening it in the editor.
class SecondsSpinBox final : public QDoubleSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecondsSpinBox)

public:
    explicit SecondsSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
};
