#include "EventLogDock.h"

#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "monitor/EventLog.h"
#include "text/TableExport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

EventLogDock::EventLogDock(EventLog *log, QWidget *parent)
    : QDockWidget(tr("Event log"), parent)
    , m_log(log)
    , m_model(new EventLogModel(log, this))
    , m_filter(new EventLogFilterModel(this))
    , m_view(new QTableView)
    , m_severity(new QComboBox)
    , m_text(new QLineEdit)
    , m_onlySelected(new QCheckBox(tr("Selected endpoint &only")))
{
    setObjectName(QStringLiteral("eventLogDock"));
    m_filter->setSourceModel(m_model);

    m_severity->addItem(tr("All severities"), int(EventSeverity::Info));
    m_severity->addItem(tr("Warnings and errors"), int(EventSeverity::Warning));
    m_severity->addItem(tr("Errors only"), int(EventSeverity::Error));
    m_severity->setAccessibleName(tr("Lowest severity shown"));
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumSeverity(EventSeverity(m_severity->currentData().toInt())); });

    m_text->setPlaceholderText(tr("Filter the log…"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Log filter text"));
    connect(m_text, &QLineEdit::textChanged, m_filter, &EventLogFilterModel::setText);
    connect(m_onlySelected, &QCheckBox::toggled, this, &EventLogDock::applyEndpointFilter);

    auto *copy = new QPushButton(tr("&Copy"));
    copy->setToolTip(tr("Copy the selected rows as tab-separated text"));
    connect(copy, &QPushButton::clicked, this, &EventLogDock::copySelection);
    auto *exportButton = new QPushButton(tr("E&xport CSV…"));
    exportButton->setToolTip(tr("Save the rows shown as a CSV file"));
    connect(exportButton, &QPushButton::clicked, this, &EventLogDock::chooseExportFile);
    auto *clear = new QPushButton(tr("C&lear"));
    clear->setToolTip(tr("Remove every entry from the log"));
    connect(clear, &QPushButton::clicked, m_log, &EventLog::clear);

    m_view->setModel(m_filter);
    m_view->setAccessibleName(tr("Event log entries"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(EventLogModel::TimeColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(EventLogModel::MessageColumn, QHeaderView::Stretch);
    // Room for a name such as "api.example.com:443" (the default 100 px cut it); the tooltip has the rest.
    m_view->horizontalHeader()->resizeSection(EventLogModel::EndpointColumn,
                                              18 * m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')));
    m_view->horizontalHeader()->setObjectName(QStringLiteral("eventLogHeader"));
    m_view->setWordWrap(false);
    auto *copyAction = new QAction(tr("Copy"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &EventLogDock::copySelection);
    m_view->addAction(copyAction);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_severity);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_onlySelected);
    filters->addWidget(copy);
    filters->addWidget(exportButton);
    filters->addWidget(clear);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view);
    setWidget(content);
}

void EventLogDock::setSelectedEndpoint(EndpointId id)
{
    m_selected = id;
    applyEndpointFilter();
}

void EventLogDock::applyEndpointFilter()
{
    m_filter->setEndpoint(m_onlySelected->isChecked() ? m_selected : 0);
}

void EventLogDock::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        return;
    QApplication::clipboard()->setText(TableExport::tabSeparated(m_filter, rows));
}

bool EventLogDock::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(TableExport::csv(m_filter, TableExport::allRows(m_filter)).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void EventLogDock::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the event log"),
                                                      QStringLiteral("pingscope-log.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Cannot export the log"), tr("Could not write %1: %2").arg(path, error));
}
