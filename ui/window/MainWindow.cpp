#include "MainWindow.h"

#include "EndpointCommands.h"
#include "MainActions.h"
#include "MonitorStatusBar.h"
#include "ProfileFileActions.h"
#include "SettingsDialog.h"
#include "Version.h"
#include "alert/AlertsController.h"
#include "detail/DetailController.h"
#include "detail/EndpointDetailPane.h"
#include "detail/HistoryChartController.h"
#include "help/HelpController.h"
#include "history/HistoryExportDialog.h"
#include "history/HistoryPropertiesDialog.h"
#include "history/OutagesController.h"
#include "history/OutagesDock.h"
#include "history/ProfileHistory.h"
#include "log/EventLogDock.h"
#include "monitor/Monitor.h"
#include "table/EmptyTableGuide.h"
#include "table/EndpointFilterModel.h"
#include "table/EndpointTableModel.h"
#include "table/EndpointTableView.h"
#include "table/HistoryUptimeController.h"
#include "table/NoMatchesLine.h"
#include "table/TagFilterController.h"
#include "text/StatusPalette.h"
#include "tray/TrayController.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_monitor(workspace->monitor())
    , m_settings(AppSettings::load())
    , m_model(new EndpointTableModel(m_monitor, this))
    , m_proxy(new EndpointFilterModel(this))
    , m_document(workspace->document())
    , m_actions(new MainActions(this))
    , m_commands(new EndpointCommands(m_monitor, m_model, m_document, workspace->executor(), this))
    , m_table(new EndpointTableView)
    , m_tableStack(new QStackedWidget)
    , m_filter(new QLineEdit)
    , m_tagFilter(new QComboBox)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_detail(new EndpointDetailPane)
    , m_detailController(new DetailController(m_monitor, workspace->recentResults(), m_detail, this))
    , m_logDock(new EventLogDock(m_monitor->eventLog(), this))
    , m_statusBar(new MonitorStatusBar(m_monitor, m_model, this))
    , m_tray(nullptr)
    , m_history(new ProfileHistory(workspace, m_monitor->eventLog(), this))
    , m_uptime(new HistoryUptimeController(m_model, this))
    , m_outagesDock(new OutagesDock(this))
    , m_historyLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    buildTable();

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(4, 4, 4, 0);
    buildFilters(topLayout);
    // The table's place shows how to begin while there is nothing in it.
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(
        new EmptyTableGuide({m_actions->add, m_actions->importList, m_actions->openDemo, m_actions->openExample}));
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::showGuideIfEmpty);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::showGuideIfEmpty);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::showGuideIfEmpty);
    showGuideIfEmpty();
    topLayout->addWidget(m_tableStack);
    // The details sit beside the table and scroll: their charts would otherwise set a minimum
    // height that squeezes the table.
    auto *detailScroll = new QScrollArea;
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setAccessibleName(tr("Endpoint details"));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(detailScroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_outagesDock);
    tabifyDockWidget(m_logDock, m_outagesDock);
    m_logDock->raise();
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logDock->toggleViewAction()->setToolTip(tr("Show or hide the event log (Ctrl+L)"));
    setStatusBar(m_statusBar);

    m_actions->fillMenuBar(menuBar(), m_logDock->toggleViewAction(), m_outagesDock->toggleViewAction());
    m_files = new ProfileFileActions(m_document, &m_settings, m_actions, this); // once the recent menu exists
    new HelpController(m_actions, {m_logDock->toggleViewAction(), m_outagesDock->toggleViewAction()}, this);
    auto *toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    m_actions->fillToolBar(toolBar);
    auto *trayMenu = new QMenu(this);
    m_actions->fillTrayMenu(trayMenu);
    m_tray = new TrayController(m_monitor, m_model, trayMenu, this);
    auto *alerts = new AlertsController(m_monitor, m_document, m_tray, this);
    connect(m_actions->alerts, &QAction::triggered, alerts, &AlertsController::showDialog);
    connect(m_tray, &TrayController::activated, this, [this] {
        if (isVisible() && !isMinimized()) {
            hide();
        } else {
            showNormal();
            activateWindow();
        }
    });

    connectActions();
    buildHistory();
    connect(m_document, &ProfileDocument::changed, this, &MainWindow::updateTitle);
    // A freshly opened profile shows its first endpoint's details at once.
    connect(m_document, &ProfileDocument::loaded, this, [this] {
        if (m_table->fitsColumns())
            m_table->fitColumns();
        if (m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, EndpointTableModel::NameColumn));
    });
    new TagFilterController(m_monitor, m_model, m_proxy, m_tagFilter, this);

    applySettings();
    updateTitle();
    updateActions();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

QTableView *MainWindow::tableView() const
{
    return m_table;
}

// The filter row over the table, and under it the line that says when the filter hides everything.
void MainWindow::buildFilters(QVBoxLayout *layout)
{
    auto *filters = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("endpointFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, target, status, error or tag (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Endpoint filter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &EndpointFilterModel::setText);
    m_tagFilter->setAccessibleName(tr("Tag filter"));
    m_tagFilter->setToolTip(tr("Show only the endpoints with this tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *tagLabel = new QLabel(tr("&Tag:"));
    tagLabel->setBuddy(m_tagFilter);
    auto *problemsOnly = new QCheckBox(tr("&Problems only"));
    problemsOnly->setObjectName(QStringLiteral("problemsOnly"));
    problemsOnly->setToolTip(tr("Show only the endpoints that are down, failing or degraded"));
    connect(problemsOnly, &QCheckBox::toggled, m_proxy, &EndpointFilterModel::setProblemsOnly);
    filters->addWidget(m_filter, 1);
    filters->addWidget(problemsOnly);
    filters->addWidget(tagLabel);
    filters->addWidget(m_tagFilter);
    auto *noMatches = new NoMatchesLine(m_proxy);
    connect(noMatches, &NoMatchesLine::clearRequested, this, [this, problemsOnly] {
        m_filter->clear();
        problemsOnly->setChecked(false);
        m_tagFilter->setCurrentIndex(0); // all tags
    });
    // A filter that already hides everything changes without a row going in or out.
    connect(m_filter, &QLineEdit::textChanged, noMatches, &NoMatchesLine::refresh);
    connect(problemsOnly, &QCheckBox::toggled, noMatches, &NoMatchesLine::refresh);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, noMatches, &NoMatchesLine::refresh);
    layout->addLayout(filters);
    layout->addWidget(noMatches);
}

void MainWindow::buildTable()
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    // Sections exist once the model is set: put the status first and give each column room for
    // its usual text ("Degraded", "next in 59 s", "1,234.5 ms"), in tenths of an "M".
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(EndpointTableModel::StatusColumn, 0);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const std::pair<int, int> widths[]
        = {{EndpointTableModel::NameColumn, 120},      {EndpointTableModel::TargetColumn, 170},
           {EndpointTableModel::KindColumn, 45},       {EndpointTableModel::StatusColumn, 80},
           {EndpointTableModel::TaskColumn, 85},       {EndpointTableModel::LastLatencyColumn, 65},
           {EndpointTableModel::P50Column, 65},        {EndpointTableModel::P95Column, 65},
           {EndpointTableModel::FailureColumn, 55},    {EndpointTableModel::UptimeColumn, 55},
           {EndpointTableModel::SparklineColumn, 100}, {EndpointTableModel::Uptime24hColumn, 75},
           {EndpointTableModel::Uptime7dColumn, 75},   {EndpointTableModel::Uptime30dColumn, 75}};
    // Never narrower than the header's own text and sort arrow: "Uptime 24 h" was cut at 7.5 em.
    for (const auto &[column, width] : widths)
        header->resizeSection(column, std::max(width * em / 10, header->sectionSizeHint(column)));
    // The history's uptimes beside the hour's, and the last error still last (it stretches).
    for (int span = EndpointTableModel::uptimeSpanCount - 1; span >= 0; --span)
        header->moveSection(header->visualIndex(EndpointTableModel::uptimeColumn(span)),
                            header->visualIndex(EndpointTableModel::UptimeColumn) + 1);

    auto *context = new QMenu(this);
    m_actions->fillContextMenu(context);
    connect(m_table, &QWidget::customContextMenuRequested, this,
            [this, context](const QPoint &at) { context->popup(m_table->viewport()->mapToGlobal(at)); });
    connect(m_table, &QAbstractItemView::doubleClicked, this, &MainWindow::editCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentChanged);
}

void MainWindow::connectActions()
{
    MainActions *a = m_actions;
    connect(a->settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a->quit, &QAction::triggered, this, &MainWindow::quit);
    connect(a->start, &QAction::triggered, this, &MainWindow::startMonitoring);
    connect(a->stop, &QAction::triggered, this, &MainWindow::stopMonitoring);
    connect(a->runNow, &QAction::triggered, this, [this] { m_monitor->runNow(selectedIds()); });
    connect(a->cancel, &QAction::triggered, this, [this] {
        for (const EndpointId id : selectedIds())
            m_monitor->cancel(id);
    });
    connect(a->pause, &QAction::triggered, this, [this] {
        for (const EndpointId id : selectedIds())
            m_monitor->pause(id);
    });
    connect(a->resume, &QAction::triggered, this, [this] {
        for (const EndpointId id : selectedIds())
            m_monitor->resume(id);
    });
    QUndoStack *steps = m_commands->undoStack();
    connect(a->undo, &QAction::triggered, steps, &QUndoStack::undo);
    connect(a->redo, &QAction::triggered, steps, &QUndoStack::redo);
    connect(steps, &QUndoStack::canUndoChanged, a->undo, &QAction::setEnabled);
    connect(steps, &QUndoStack::canRedoChanged, a->redo, &QAction::setEnabled);
    connect(steps, &QUndoStack::undoTextChanged, a->undo,
            [a](const QString &text) { a->undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text)); });
    connect(steps, &QUndoStack::redoTextChanged, a->redo,
            [a](const QString &text) { a->redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text)); });
    a->undo->setEnabled(false);
    a->redo->setEnabled(false);
    connect(a->add, &QAction::triggered, m_commands, &EndpointCommands::add);
    connect(a->edit, &QAction::triggered, this, &MainWindow::editCurrent);
    connect(a->duplicate, &QAction::triggered, this, [this] { m_commands->duplicate(selectedIds()); });
    connect(a->remove, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(a->importList, &QAction::triggered, m_commands, &EndpointCommands::importList);
    connect(a->discover, &QAction::triggered, m_commands, &EndpointCommands::discover);
    connect(a->selectAll, &QAction::triggered, m_table, &QTableView::selectAll);
    connect(a->findEndpoint, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(a->showWindow, &QAction::triggered, this, [this] {
        showNormal();
        activateWindow();
    });
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);
    // Delete belongs to the table: in the filter box the key deletes text.
    a->remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(a->remove);
    a->selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(a->selectAll);
}

QList<EndpointId> MainWindow::selectedIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<EndpointId> ids;
    for (const int row : rows)
        ids << m_proxy->index(row, 0).data(EndpointTableModel::IdRole).value<EndpointId>();
    return ids;
}

// After a delete the row that took the first deleted one's place is current and selected, so the
// keyboard goes on from there (the selection was empty while the current row sat elsewhere).
void MainWindow::removeSelected()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    int first = selected.first().row();
    for (const QModelIndex &index : selected)
        first = std::min(first, index.row());
    const int before = m_proxy->rowCount();
    m_commands->remove(selectedIds());
    if (m_proxy->rowCount() == before || m_proxy->rowCount() == 0)
        return; // cancelled, or nothing left
    const QModelIndex next = m_proxy->index(std::min(first, m_proxy->rowCount() - 1), EndpointTableModel::NameColumn);
    m_table->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MainWindow::updateActions()
{
    const bool started = m_monitor->isStarted();
    m_actions->start->setEnabled(!started);
    m_actions->stop->setEnabled(started);
    const bool any = m_table->selectionModel()->hasSelection();
    for (QAction *action : {m_actions->runNow, m_actions->cancel, m_actions->pause, m_actions->resume,
                            m_actions->duplicate, m_actions->remove})
        action->setEnabled(any);
    m_actions->edit->setEnabled(m_table->selectionModel()->selectedRows().size() == 1);
}

void MainWindow::showGuideIfEmpty()
{
    m_tableStack->setCurrentIndex(m_model->rowCount() == 0 ? 1 : 0);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Pingscope").arg(m_document->title()));
    setWindowModified(m_document->isModified());
}

void MainWindow::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    const EndpointId id = current.isValid() ? current.data(EndpointTableModel::IdRole).value<EndpointId>() : 0;
    m_logDock->setSelectedEndpoint(id);
    m_outagesDock->setSelectedKey(id ? m_monitor->keyOf(id) : QString());
    if (id != m_detailController->shown())
        m_detailController->show(id);
}

bool MainWindow::openProfile(const QString &path)
{
    return m_files->open(path);
}

void MainWindow::loadProfile(Profile profile, const QString &path)
{
    m_files->load(std::move(profile), path);
}

bool MainWindow::saveProfile(const QString &path)
{
    return m_files->saveTo(path);
}

bool MainWindow::maybeSave()
{
    return m_files->maybeSave();
}

void MainWindow::startMonitoring()
{
    m_monitor->start();
    updateActions();
}

void MainWindow::stopMonitoring()
{
    m_monitor->stop();
    updateActions();
}

void MainWindow::editCurrent()
{
    const QList<EndpointId> ids = selectedIds();
    if (ids.size() == 1)
        m_commands->edit(ids.first());
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings = dialog.settings();
    m_settings.save();
    applySettings();
}

void MainWindow::applySettings()
{
    m_monitor->setConcurrencyLimit(m_settings.concurrency);
    m_tray->setNotificationsEnabled(m_settings.notifications);
    QApplication::setQuitOnLastWindowClosed(!(m_settings.closeToTray && m_tray->isAvailable()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Pingscope"),
                       tr("<h3>Pingscope %1</h3><p>A native desktop network monitor.</p>")
                           .arg(QString::fromLatin1(Pingscope::versionString)));
}

void MainWindow::quit()
{
    m_quitting = true;
    if (close())
        QCoreApplication::quit();
    m_quitting = false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_settings.closeToTray && m_tray->isAvailable()) {
        hide();
        event->ignore();
        return;
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!ProfileFileActions::droppedProfile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = ProfileFileActions::droppedProfile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    m_files->openDropped(path);
}

void MainWindow::buildHistory()
{
    m_historyLabel->setObjectName(QStringLiteral("historyState"));
    m_historyLabel->setContentsMargins(10, 0, 10, 0);
    m_statusBar->addPermanentWidget(m_historyLabel);
    m_outagesDock->toggleViewAction()->setToolTip(tr("Show or hide the outages of the history"));
    connect(m_history, &ProfileHistory::storeChanged, this, &MainWindow::useHistoryStore);
    connect(m_history, &ProfileHistory::problemChanged, this, [this](const QString &problem) {
        showHistoryState();
        if (!problem.isEmpty())
            m_statusBar->showMessage(problem, 15'000);
    });
    connect(m_outagesDock, &OutagesDock::outageActivated, this, &MainWindow::showOutage);
    connect(m_actions->historyProperties, &QAction::triggered, this, [this] {
        HistoryPropertiesDialog dialog(m_history, m_document->path(), this);
        dialog.exec();
    });
    connect(m_actions->exportHistory, &QAction::triggered, this, &MainWindow::chooseExport);
    // A result of the shown endpoint brings the Outages of an open outage up to date too.
    connect(m_monitor, &Monitor::started, m_outagesDock->controller(), &OutagesController::refresh);
    useHistoryStore();
}

void MainWindow::useHistoryStore()
{
    HistoryStore *store = m_history->store();
    m_detail->historyChart()->setStore(store);
    m_uptime->setStore(store);
    m_outagesDock->setStore(store);
    m_actions->exportHistory->setEnabled(m_history->hasFile());
    showHistoryState();
}

void MainWindow::showHistoryState()
{
    const QString problem = m_history->lastProblem();
    QPalette own = m_historyLabel->palette();
    own.setColor(QPalette::WindowText,
                 problem.isEmpty() ? palette().color(QPalette::WindowText)
                                   : StatusPalette::status(palette(), ProbeStatus::Down));
    m_historyLabel->setPalette(own);
    if (!problem.isEmpty()) {
        m_historyLabel->setText(tr("History failed"));
        m_historyLabel->setToolTip(problem);
    } else if (m_history->hasFile()) {
        m_historyLabel->setText(tr("History: %1").arg(QFileInfo(m_history->path()).fileName()));
        m_historyLabel->setToolTip(
            tr("Results are kept in %1 (History ▸ Profile History to move it)").arg(m_history->path()));
    } else {
        m_historyLabel->setText(tr("History: recent results only"));
        m_historyLabel->setToolTip(tr("An unsaved profile keeps only its last results; save it to keep its history"));
    }
}

void MainWindow::showOutage(const QString &key, qint64 startMs, qint64 endMs)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, EndpointTableModel::NameColumn);
        if (m_monitor->keyOf(index.data(EndpointTableModel::IdRole).value<EndpointId>()) == key) {
            m_table->setCurrentIndex(index);
            break;
        }
    }
    // Half the outage again either side, at least five minutes: what came before and after.
    const qint64 pad = std::max<qint64>((endMs - startMs) / 2, 5LL * 60'000);
    m_detail->historyChart()->setView({startMs - pad, endMs + pad});
}

void MainWindow::chooseExport()
{
    QStringList keys;
    for (const EndpointId id : selectedIds())
        keys << m_monitor->keyOf(id);
    HistoryExportDialog dialog(keys, QDateTime::currentMSecsSinceEpoch(), this);
    if (dialog.exec() == QDialog::Accepted)
        exportHistory(dialog.request());
}

QCoro::Task<HistoryFileExport::Result> MainWindow::exportHistory(HistoryFileExport::Request request)
{
    QPointer<MainWindow> self(this);
    const QString destination = request.destination;
    m_statusBar->showMessage(tr("Exporting the history to %1…").arg(destination));
    HistoryFileExport::Result result
        = co_await HistoryFileExport::run(m_history->store(), m_history->path(), std::move(request));
    if (self) {
        m_statusBar->showMessage(result.error.isEmpty()
                                     ? tr("Exported %L1 results to %2").arg(result.rows).arg(destination)
                                     : tr("Export failed: %1").arg(result.error),
                                 15'000);
    }
    co_return result;
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
        resize(std::min(1400, available.width() * 95 / 100), std::min(900, available.height() * 95 / 100));
    }
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({m_logDock}, {height() * 28 / 100}, Qt::Vertical);
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({width() * 70 / 100, width() * 30 / 100});
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(QStringLiteral("window/endpointHeader")).toByteArray()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    else
        m_table->setFitsColumns(true);
    m_logDock->view()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/logHeader")).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/endpointHeader"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("window/logHeader"), m_logDock->view()->horizontalHeader()->saveState());
}
