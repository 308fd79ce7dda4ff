#pragma once

#include <QList>
#include <QObject>

class MainActions;
class QAction;
class QWidget;

// The Help menu's Documentation and Keyboard Shortcuts. Documentation is hidden when no README is
// installed (a build tree); the shortcuts are those of the window's actions and of the given others
// (the docks' toggles, which the docks own).
class HelpController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpController)

public:
    HelpController(MainActions *actions, QList<QAction *> others, QWidget *window);

    void showShortcuts();

private:
    MainActions *m_actions;
    QList<QAction *> m_others;
    QWidget *m_window;
};
