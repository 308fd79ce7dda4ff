#pragma once

#include "EndpointTableModel.h"

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

    // Until the user has columns of their own (a saved header, or a column set by hand), the view
    // fits them itself: the name and the target to their text when a profile fills the table, and at
    // every width the least needed columns hidden while the last error would get less than lastErrorEms.
    void setFitsColumns(bool fits);
    bool fitsColumns() const { return m_fitsColumns; }
    void fitColumns();

    static constexpr int lastErrorEms = 20; // "connection refused by 127.0.0.1:9"
    static constexpr int widestTextEms = 32; // a name or target wider than this is elided (tooltip: all)

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitTextColumns();
    void fitToWidth();
    int em() const;

    QTimer m_countdown;
    bool m_fitsColumns = false;
    QList<int> m_hiddenToFit;
    static constexpr int textColumns[2] = {EndpointTableModel::NameColumn, EndpointTableModel::TargetColumn};
    int m_textWidths[2] = {0, 0}; // as fitted to their text; 0 = not yet
    bool m_fitting = false;
};
