#pragma once

#include "AppSettings.h"
#include "endpoint/Profile.h"
#include "monitor/EndpointId.h"
#include "monitor/MonitorUpdates.h"

#include "history/HistoryFileExport.h"

#include <QCoroTask>
#include <QMainWindow>

class DetailController;
class EndpointCommands;
class EndpointDetailPane;
class EndpointFilterModel;
class EndpointTableModel;
class EndpointTableView;
class EventLogDock;
class HistoryUptimeController;
class OutagesDock;
class ProfileHistory;
class QLabel;
class QStackedWidget;
class QVBoxLayout;
class MainActions;
class Monitor;
class MonitorStatusBar;
class ProfileDocument;
class ProfileFileActions;
class QComboBox;
class QLineEdit;
class QSplitter;
class QTableView;
class TrayController;
class Workspace;

// The main window over a Workspace: the endpoint table with its filters, the event log dock, the
// status bar and the tray, the actions, and the open profile. The workspace is the caller's and must
// outlive the window; its executor also runs the endpoint editor's Test probes.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a profile file; on failure shows the problems and keeps what was open. No prompt.
    bool openProfile(const QString &path);
    void loadProfile(Profile profile, const QString &path); // path empty = not saved anywhere
    bool saveProfile(const QString &path); // shows an error on failure
    void startMonitoring();
    void stopMonitoring();
    bool maybeSave(); // asks about unsaved changes; false = the user cancelled
    ProfileFileActions *fileActions() const { return m_files; }

    // The parts a test or benchmark looks at.
    Monitor *monitor() const { return m_monitor; }
    EndpointTableModel *tableModel() const { return m_model; }
    EndpointFilterModel *filterModel() const { return m_proxy; }
    QTableView *tableView() const;
    MainActions *actions() const { return m_actions; }
    ProfileDocument *document() const { return m_document; }
    MonitorStatusBar *monitorStatusBar() const { return m_statusBar; }
    EventLogDock *eventLogDock() const { return m_logDock; }
    EndpointDetailPane *detailPane() const { return m_detail; }
    ProfileHistory *profileHistory() const { return m_history; }
    OutagesDock *outagesDock() const { return m_outagesDock; }
    HistoryUptimeController *uptimeController() const { return m_uptime; }
    QLabel *historyLabel() const { return m_historyLabel; }
    // Shows an outage: selects its endpoint and sets the chart on it, with some time either side.
    void showOutage(const QString &key, qint64 startMs, qint64 endMs);
    // The window's export, as the dialog starts it; the status bar says how it went.
    QCoro::Task<HistoryFileExport::Result> exportHistory(HistoryFileExport::Request request);
    QList<EndpointId> selectedIds() const; // in table order

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildTable();
    void showGuideIfEmpty();
    void buildFilters(QVBoxLayout *layout);
    void connectActions();
    void updateActions();
    void updateTitle();
    void onCurrentChanged();

    void editCurrent();
    void removeSelected();
    void showSettings();
    void applySettings();
    void showAbout();
    void quit();

    void buildHistory();
    void useHistoryStore();
    void showHistoryState();
    void chooseExport();
    void restoreWindowState();
    void saveWindowState() const;

    Monitor *m_monitor;
    AppSettings m_settings;
    EndpointTableModel *m_model;
    EndpointFilterModel *m_proxy;
    ProfileDocument *m_document;
    MainActions *m_actions;
    ProfileFileActions *m_files = nullptr;
    EndpointCommands *m_commands;
    EndpointTableView *m_table;
    QStackedWidget *m_tableStack; // the table, or the guide while it is empty
    QLineEdit *m_filter;
    QComboBox *m_tagFilter;
    QSplitter *m_splitter;
    EndpointDetailPane *m_detail;
    DetailController *m_detailController;
    EventLogDock *m_logDock;
    MonitorStatusBar *m_statusBar;
    TrayController *m_tray;
    ProfileHistory *m_history;
    HistoryUptimeController *m_uptime;
    OutagesDock *m_outagesDock;
    QLabel *m_historyLabel;
    bool m_quitting = false;
};
