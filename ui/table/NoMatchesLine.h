#pragma once

#include <QLabel>

class EndpointFilterModel;
class QAbstractItemModel;

// The line under the filter that says the filter hides every endpoint, with a link that clears it:
// an empty table under a filter otherwise reads as "no endpoints" (typing "down" found 0 rows and
// said nothing). Hidden when the filter shows rows, or when there is no endpoint to hide.
class NoMatchesLine final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoMatchesLine)

public:
    explicit NoMatchesLine(EndpointFilterModel *proxy, QWidget *parent = nullptr);

signals:
    void clearRequested();

public slots:
    void refresh();

private:
    void watch(const QAbstractItemModel *model);

    EndpointFilterModel *m_proxy;
};
