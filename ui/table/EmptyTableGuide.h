#pragma once

#include <QList>
#include <QWidget>

class QAction;

// What the table's place shows while the profile has no endpoint: what Pingscope does in a sentence,
// and a button for each way to begin (add one, import a list, the demo, an example profile). The
// buttons are the window's own actions, so they are enabled, named and shortcut as in the menus.
class EmptyTableGuide final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyTableGuide)

public:
    explicit EmptyTableGuide(const QList<QAction *> &ways, QWidget *parent = nullptr);
};
