#pragma once

#include <QObject>

class EndpointFilterModel;
class EndpointTableModel;
class Monitor;
class QComboBox;

// The tag filter: a combo box of every tag the endpoints have (and "All tags"), kept up to date as
// endpoints come, go and change, with the chosen tag applied to the filter model.
class TagFilterController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagFilterController)

public:
    TagFilterController(Monitor *monitor, EndpointTableModel *model, EndpointFilterModel *proxy, QComboBox *box,
                        QObject *parent);

    void refresh();

private:
    EndpointTableModel *m_model;
    EndpointFilterModel *m_proxy;
    QComboBox *m_box;
};
