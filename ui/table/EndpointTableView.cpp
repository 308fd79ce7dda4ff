#include "EndpointTableView.h"

#include "EndpointTableModel.h"
#include "SparklineDelegate.h"
#include "StatusBadgeDelegate.h"

#include <QHeaderView>

EndpointTableView::EndpointTableView(QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("endpointTable"));
    setAccessibleName(tr("Endpoints"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setItemDelegateForColumn(EndpointTableModel::StatusColumn, new StatusBadgeDelegate(this));
    setItemDelegateForColumn(EndpointTableModel::SparklineColumn, new SparklineDelegate(this));
    setWordWrap(false);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    QHeaderView *header = horizontalHeader();
    header->setObjectName(QStringLiteral("endpointTableHeader"));
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the profile's order until the user sorts
    setSortingEnabled(true);

    m_countdown.callOnTimeout(this, [this] { viewport()->update(); });
    m_countdown.start(1000);
}
