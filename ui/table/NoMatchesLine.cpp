#include "NoMatchesLine.h"

#include "EndpointFilterModel.h"

NoMatchesLine::NoMatchesLine(EndpointFilterModel *proxy, QWidget *parent) : QLabel(parent), m_proxy(proxy)
{
    setObjectName(QStringLiteral("noMatches"));
    setText(tr("No endpoint matches the filter. <a href=\"clear\">Clear the filter</a>"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setAccessibleName(tr("No endpoint matches the filter"));
    setContentsMargins(4, 2, 4, 2);
    connect(this, &QLabel::linkActivated, this, &NoMatchesLine::clearRequested);
    // Rows come and go through the filter as statuses change, not only when the filter does; and
    // endpoints added to the table while it filters them all out leave the proxy silent.
    watch(proxy);
    if (proxy->sourceModel())
        watch(proxy->sourceModel());
    hide();
}

void NoMatchesLine::watch(const QAbstractItemModel *model)
{
    connect(model, &QAbstractItemModel::rowsInserted, this, &NoMatchesLine::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &NoMatchesLine::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &NoMatchesLine::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &NoMatchesLine::refresh);
}

void NoMatchesLine::refresh()
{
    const QAbstractItemModel *source = m_proxy->sourceModel();
    setVisible(m_proxy->isFiltering() && m_proxy->rowCount() == 0 && source && source->rowCount() > 0);
}
