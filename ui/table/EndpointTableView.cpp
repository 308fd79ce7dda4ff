#include "EndpointTableView.h"

#include "EndpointTableModel.h"
#include "SparklineDelegate.h"
#include "StatusBadgeDelegate.h"

#include <QHeaderView>
#include <QMenu>

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
    // Any column but the name can be hidden from the header's menu; the header's saved state keeps it.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu *menu = columnsMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(horizontalHeader()->viewport()->mapToGlobal(at));
    });

    m_countdown.callOnTimeout(this, [this] { viewport()->update(); });
    m_countdown.start(1000);
}

QMenu *EndpointTableView::columnsMenu()
{
    auto *menu = new QMenu(tr("Columns"), this);
    QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (column == EndpointTableModel::NameColumn || !model())
            continue;
        QAction *action = menu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { horizontalHeader()->setSectionHidden(column, !shown); });
    }
    return menu;
}
