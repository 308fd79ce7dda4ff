#pragma once

#include "monitor/EndpointId.h"

#include <QDockWidget>

class EventLog;
class EventLogFilterModel;
class EventLogModel;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableView;

// The error log: status changes and probe errors with their repeat counts, filtered by severity,
// by the endpoint selected in the table and by text; rows copy to the clipboard and export as CSV.
class EventLogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogDock)

public:
    explicit EventLogDock(EventLog *log, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    EventLogFilterModel *filterModel() const { return m_filter; }
    void setSelectedEndpoint(EndpointId id); // what "only the selected endpoint" filters by

    void copySelection();
    bool exportCsv(const QString &path, QString *error = nullptr) const;

private:
    void chooseExportFile();
    void applyEndpointFilter();

    EventLog *m_log;
    EventLogModel *m_model;
    EventLogFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_severity;
    QLineEdit *m_text;
    QCheckBox *m_onlySelected;
    EndpointId m_selected = 0;
};
