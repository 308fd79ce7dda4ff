#pragma once

#include "probe/ProbeResult.h"

#include <QWidget>

// One probe's phases (dns, connect, tls, ttfb, transfer) drawn as a waterfall: each bar starts
// where the one before ended, so where the time went is visible at a glance.
class PhaseWaterfall final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhaseWaterfall)

public:
    explicit PhaseWaterfall(QWidget *parent = nullptr);

    void setPhases(const PhaseTimings &phases);
    void clear();

    // The same figures as text, e.g. "dns 1.2 ms, connect 0.3 ms"; also the accessible description.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row
    {
        QString name;
        std::optional<std::chrono::microseconds> duration;
    };
    QList<Row> rows() const;

    PhaseTimings m_phases;
};
