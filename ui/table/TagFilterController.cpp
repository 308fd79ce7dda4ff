#include "TagFilterController.h"

#include "EndpointFilterModel.h"
#include "EndpointTableModel.h"
#include "monitor/Monitor.h"

#include <QComboBox>

TagFilterController::TagFilterController(Monitor *monitor, EndpointTableModel *model, EndpointFilterModel *proxy,
                                         QComboBox *box, QObject *parent)
    : QObject(parent), m_model(model), m_proxy(proxy), m_box(box)
{
    connect(box, &QComboBox::currentIndexChanged, this, [this] { m_proxy->setTag(m_box->currentData().toString()); });
    connect(model, &QAbstractItemModel::modelReset, this, &TagFilterController::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TagFilterController::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TagFilterController::refresh);
    connect(monitor, &Monitor::endpointUpdated, this, &TagFilterController::refresh);
    refresh();
}

void TagFilterController::refresh()
{
    const QStringList tags = m_model->allTags();
    const QString current = m_box->currentData().toString();
    QStringList shown;
    for (int i = 1; i < m_box->count(); ++i)
        shown << m_box->itemData(i).toString();
    if (shown == tags && m_box->count() > 0)
        return;
    const QSignalBlocker blocker(m_box);
    m_box->clear();
    m_box->addItem(tr("All tags"), QString());
    for (const QString &tag : tags)
        m_box->addItem(tag, tag);
    const int index = m_box->findData(current);
    m_box->setCurrentIndex(std::max(0, index));
    m_proxy->setTag(m_box->currentData().toString());
}
