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
#include "log/EventLogDock.h"
#include "monitor/Monitor.h"
#include "table/EndpointFilterModel.h"
#include "table/EndpointTableModel.h"
#include "table/EndpointTableView.h"
#include "table/TagFilterController.h"
#include "tray/TrayController.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
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
    , m_filter(new QLineEdit)
    , m_tagFilter(new QComboBox)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_detail(new EndpointDetailPane)
    , m_detailController(new DetailController(m_monitor, workspace->recentResults(), m_detail, this))
    , m_logDock(new EventLogDock(m_monitor->eventLog(), this))
    , m_statusBar(new MonitorStatusBar(m_monitor, m_model, this))
    , m_tray(nullptr)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    buildTable();

    auto *filters = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter by name, target, error or tag (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Endpoint filter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &EndpointFilterModel::setText);
    m_tagFilter->setAccessibleName(tr("Tag filter"));
    m_tagFilter->setToolTip(tr("Show only the endpoints with this tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *tagLabel = new QLabel(tr("&Tag:"));
    tagLabel->setBuddy(m_tagFilter);
    filters->addWidget(m_filter, 1);
    filters->addWidget(tagLabel);
    filters->addWidget(m_tagFilter);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(4, 4, 4, 0);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_table);
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
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logDock->toggleViewAction()->setToolTip(tr("Show or hide the event log (Ctrl+L)"));
    setStatusBar(m_statusBar);

    m_actions->fillMenuBar(menuBar(), m_logDock->toggleViewAction());
    m_files = new ProfileFileActions(m_document, &m_settings, m_actions, this); // once the recent menu exists
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
    connect(m_document, &ProfileDocument::changed, this, &MainWindow::updateTitle);
    // A freshly opened profile shows its first endpoint's details at once.
    connect(m_document, &ProfileDocument::loaded, this, [this] {
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
        = {{EndpointTableModel::NameColumn, 120},     {EndpointTableModel::TargetColumn, 170},
           {EndpointTableModel::KindColumn, 45},      {EndpointTableModel::StatusColumn, 80},
           {EndpointTableModel::TaskColumn, 85},      {EndpointTableModel::LastLatencyColumn, 65},
           {EndpointTableModel::P50Column, 65},       {EndpointTableModel::P95Column, 65},
           {EndpointTableModel::FailureColumn, 55},   {EndpointTableModel::UptimeColumn, 55},
           {EndpointTableModel::SparklineColumn, 100}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width * em / 10);

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
    connect(a->add, &QAction::triggered, m_commands, &EndpointCommands::add);
    connect(a->edit, &QAction::triggered, this, &MainWindow::editCurrent);
    connect(a->duplicate, &QAction::triggered, this, [this] { m_commands->duplicate(selectedIds()); });
    connect(a->remove, &QAction::triggered, this, [this] { m_commands->remove(selectedIds()); });
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
        m_splitter->setSizes({width() * 66 / 100, width() * 34 / 100});
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(QStringLiteral("window/endpointHeader")).toByteArray()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
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
