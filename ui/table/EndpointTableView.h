#pragma once

#include <QTableView>
#include <QTimer>

class QMenu;

// The endpoint table as shown: the status first, badge and sparkline delegates, fixed row heights
// (the view never measures 10,000 rows), sensible first widths, and a repaint every second so
// "next in N s" counts down without any model signal. Columns are hidden and shown from the
// header's context menu.
class EndpointTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointTableView)

public:
    explicit EndpointTableView(QWidget *parent = nullptr);

    // A checkable entry per column (not the name), as the header's context menu shows it.
    QMenu *columnsMenu();

private:
    QTimer m_countdown;
};
