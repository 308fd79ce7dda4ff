#pragma once

#include <QDockWidget>
#include <QTimer>

class HistoryStore;
class OutagesController;
class OutagesModel;
class QComboBox;
class QSortFilterProxyModel;
class QTableView;

// The Outages view: the outages of the selected endpoint or of all, over a span, newest first and
// sortable. Double-clicking one asks the window to show it in the chart (outageActivated).
class OutagesDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutagesDock)

public:
    explicit OutagesDock(QWidget *parent = nullptr);

    void setStore(HistoryStore *store);
    void setSelectedKey(const QString &key); // the endpoint current in the table
    void setAllEndpoints(bool all);

    OutagesModel *model() const { return m_model; }
    OutagesController *controller() const { return m_controller; }
    QTableView *view() const { return m_view; }
    void activate(int proxyRow); // as a double-click on that row does

signals:
    void outageActivated(const QString &key, qint64 startMs, qint64 endMs);

private:
    void applyScope();

    OutagesModel *m_model;
    OutagesController *m_controller;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_scope;
    QComboBox *m_span;
    QTableView *m_view;
    QString m_selectedKey;
    QTimer m_poll;
};
