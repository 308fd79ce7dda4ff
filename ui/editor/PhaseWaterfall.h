#pragma once

#include "probe/ProbeResult.h"

#include <QWidget>

// One probe's phases (dns, connect, tls, ttfb, transfer) drawn as a waterfall: each bar starts
// where the one before ended, so where the time went is visible at a glance. The scale is the
// probe's whole time: what the phases do not account for is a bar of its own, "No answer" for a
// probe that failed (a timeout's 5 s wait after 0.2 ms of connecting), "Other" for one that answered.
class PhaseWaterfall final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhaseWaterfall)

public:
    explicit PhaseWaterfall(QWidget *parent = nullptr);

    // elapsed: the probe's whole time (ProbeResult::latency); answered: whether it got an answer.
    void setPhases(const PhaseTimings &phases, std::chrono::microseconds elapsed = {}, bool answered = true);
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
        bool remainder; // the time no phase accounts for
    };
    QList<Row> rows() const;

    PhaseTimings m_phases;
    std::chrono::microseconds m_elapsed{0};
    bool m_answered = true;
};
