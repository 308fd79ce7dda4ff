#include "OutagesDock.h"

#include "OutagesController.h"
#include "OutagesModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

OutagesDock::OutagesDock(QWidget *parent)
    : QDockWidget(tr("Outages"), parent)
    , m_model(new OutagesModel(this))
    , m_controller(new OutagesController(m_model, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_scope(new QComboBox)
    , m_span(new QComboBox)
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("outagesDock"));
    m_scope->setObjectName(QStringLiteral("outagesScope"));
    m_scope->addItem(tr("Selected endpoint"));
    m_scope->addItem(tr("All endpoints"));
    m_span->setObjectName(QStringLiteral("outagesSpan"));
    const qint64 day = 86'400'000;
    m_span->addItem(tr("Last 24 hours"), day);
    m_span->addItem(tr("Last 7 days"), 7 * day);
    m_span->addItem(tr("Last 30 days"), 30 * day);
    m_span->addItem(tr("Last year"), 365 * day);
    m_span->addItem(tr("Everything kept"), qint64(0));
    m_span->setCurrentIndex(2);
    m_controller->setSpan(30 * day);
    auto *reload = new QToolButton;
    reload->setText(tr("Refresh"));
    reload->setToolTip(tr("Read the outages from the history again"));
    connect(reload, &QToolButton::clicked, m_controller, &OutagesController::refresh);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &OutagesDock::applyScope);
    connect(m_span, &QComboBox::currentIndexChanged, this,
            [this] { m_controller->setSpan(m_span->currentData().toLongLong()); });

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OutagesModel::SortRole);
    m_view->setObjectName(QStringLiteral("outagesView"));
    m_view->setAccessibleName(tr("Outages"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OutagesModel::StartColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Double-click an outage to show it in the chart"));
    const QString sampleTime = QLocale().toString(QDateTime(QDate(2026, 12, 31), QTime(23, 59)), QLocale::ShortFormat);
    const int timeWidth
        = m_view->fontMetrics().horizontalAdvance(sampleTime) + 3 * m_view->fontMetrics().averageCharWidth();
    m_view->setColumnWidth(OutagesModel::StartColumn, timeWidth);
    m_view->setColumnWidth(OutagesModel::EndColumn, timeWidth);
    // An outage that began or ended since the last read shows within half a minute while the dock is seen.
    m_poll.callOnTimeout(this, [this] {
        if (isVisible())
            m_controller->refresh();
    });
    m_poll.start(30'000);
    connect(m_view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { activate(index.row()); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_scope);
    bar->addWidget(m_span);
    bar->addStretch(1);
    bar->addWidget(reload);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    setWidget(body);
    applyScope();
}

void OutagesDock::setStore(HistoryStore *store)
{
    m_controller->setStore(store);
}

void OutagesDock::setSelectedKey(const QString &key)
{
    if (key == m_selectedKey)
        return;
    m_selectedKey = key;
    if (m_scope->currentIndex() == 0)
        applyScope();
}

void OutagesDock::setAllEndpoints(bool all)
{
    m_scope->setCurrentIndex(all ? 1 : 0);
}

void OutagesDock::applyScope()
{
    // With no endpoint selected, "selected" names a key no endpoint has: no rows rather than all.
    m_controller->setKeys(m_scope->currentIndex() == 1 ? QStringList{} : QStringList{m_selectedKey});
}

void OutagesDock::activate(int proxyRow)
{
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    if (!index.isValid())
        return;
    emit outageActivated(index.data(OutagesModel::KeyRole).toString(), index.data(OutagesModel::StartRole).toLongLong(),
                         index.data(OutagesModel::EndRole).toLongLong());
}
