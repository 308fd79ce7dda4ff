#include "EndpointTableView.h"

#include "EndpointTableModel.h"
#include "SparklineDelegate.h"
#include "StatusBadgeDelegate.h"

#include <QHeaderView>
#include <QMenu>

#include <algorithm>

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
    // Measuring text reads this many rows, not all 10,000.
    header->setResizeContentsPrecision(200);
    // A column the user widens, narrows, hides or shows is theirs: the view stops fitting. The last
    // error follows the view's width by itself (it stretches), so its resizing says nothing.
    // (Qt also resizes a section it has just hidden, later: a hidden section is not the user's doing.)
    connect(header, &QHeaderView::sectionResized, this, [this, header](int column) {
        if (!m_fitting && column != EndpointTableModel::LastErrorColumn && !header->isSectionHidden(column))
            m_fitsColumns = false;
    });
}

void EndpointTableView::setFitsColumns(bool fits)
{
    m_fitsColumns = fits;
}

int EndpointTableView::em() const
{
    return fontMetrics().horizontalAdvance(QLatin1Char('M'));
}

void EndpointTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event); // the viewport has its new width by now
    if (m_fitsColumns && isVisible()) {
        m_fitting = true;
        fitToWidth();
        m_fitting = false;
    }
}

void EndpointTableView::fitTextColumns()
{
    if (!model() || model()->rowCount() == 0)
        return;
    QHeaderView *header = horizontalHeader();
    for (int i = 0; i < 2; ++i) {
        const int column = textColumns[i];
        const int wanted = std::max(header->sectionSizeHint(column), sizeHintForColumn(column)) + em() / 2;
        m_textWidths[i] = std::clamp(wanted, header->sectionSize(column), widestTextEms * em());
        header->resizeSection(column, m_textWidths[i]);
    }
}

void EndpointTableView::fitColumns()
{
    if (!model())
        return;
    m_fitting = true;
    fitTextColumns();
    if (isVisible())
        fitToWidth(); // hidden, the view's width is not yet the window's
    m_fitting = false;
}

// Starts from every column at its fitted width, then gives up, in turn, until the last error has its
// room: the least needed columns, some of the name's and the target's width (down to 16 M), the
// rest of the optional columns, and the name and target down to 10 M.
void EndpointTableView::fitToWidth()
{
    QHeaderView *header = horizontalHeader();
    for (const int column : std::as_const(m_hiddenToFit))
        header->setSectionHidden(column, false);
    m_hiddenToFit.clear();
    for (int i = 0; i < 2; ++i) {
        if (m_textWidths[i] == 0)
            m_textWidths[i] = header->sectionSize(textColumns[i]);
        header->resizeSection(textColumns[i], m_textWidths[i]);
    }
    int excess = -(viewport()->width() - lastErrorEms * em());
    for (int column = 0; column < header->count(); ++column) {
        if (column != EndpointTableModel::LastErrorColumn && !header->isSectionHidden(column))
            excess += header->sectionSize(column);
    }
    const auto hide = [&](std::initializer_list<int> columns) {
        for (const int column : columns) {
            if (excess <= 0)
                return;
            excess -= header->sectionSize(column);
            header->setSectionHidden(column, true);
            m_hiddenToFit.append(column);
        }
    };
    const auto narrowText = [&](int minimumEms) {
        for (int i = 0; i < 2 && excess > 0; ++i) {
            const int column = textColumns[i];
            const int share = i == 0 ? (excess + 1) / 2 : excess; // half from each, the rest from the target
            const int take = std::clamp(header->sectionSize(column) - minimumEms * em(), 0, share);
            header->resizeSection(column, header->sectionSize(column) - take);
            excess -= take;
        }
    };
    using Column = EndpointTableModel::Column;
    hide({Column::Uptime30dColumn, Column::Uptime7dColumn, Column::KindColumn, Column::P95Column, Column::UptimeColumn,
          Column::FailureColumn});
    narrowText(16);
    hide({Column::Uptime24hColumn, Column::SparklineColumn, Column::P50Column});
    narrowText(10);
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
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            m_fitsColumns = false;
            horizontalHeader()->setSectionHidden(column, !shown);
        });
    }
    return menu;
}
