#pragma once

#include <QTableView>
#include <QTimer>

// The endpoint table as shown: the status first, badge and sparkline delegates, fixed row heights
// (the view never measures 10,000 rows), sensible first widths, and a repaint every second so
// "next in N s" counts down without any model signal.
class EndpointTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointTableView)

public:
    explicit EndpointTableView(QWidget *parent = nullptr);

private:
    QTimer m_countdown;
};
