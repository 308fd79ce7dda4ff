#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QToolBar;

// Every command of the main window, with its icon, shortcut and tooltip, in one place: the menus,
// the toolbar, the table's context menu and the tray menu all share these actions.
class MainActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainActions)

public:
    explicit MainActions(QObject *parent);

    QAction *newProfile;
    QAction *openProfile;
    QAction *saveProfile;
    QAction *saveProfileAs;
    QAction *settings;
    QAction *alerts;
    QAction *quit;

    QAction *start;
    QAction *stop;
    QAction *runNow;
    QAction *cancel;
    QAction *pause;
    QAction *resume;

    QAction *undo; // their text and state follow the endpoint edits' undo stack (MainWindow)
    QAction *redo;
    QAction *add;
    QAction *edit;
    QAction *duplicate;
    QAction *remove;
    QAction *importList;
    QAction *discover;
    QAction *selectAll;
    QAction *findEndpoint;

    QAction *historyProperties;
    QAction *exportHistory;

    QAction *showWindow;
    QAction *openDemo; // the window's owner (app/) starts the demo server: ui/ has none
    QAction *openExample;
    QAction *documentation;
    QAction *shortcuts;
    QAction *about;

    QMenu *recentMenu = nullptr; // filled by the window when it opens

    void fillMenuBar(QMenuBar *bar, QAction *logDockToggle, QAction *outagesDockToggle);
    void fillToolBar(QToolBar *toolBar);
    void fillContextMenu(QMenu *menu);
    void fillTrayMenu(QMenu *menu);

private:
    QAction *make(const QString &text, const QString &icon, const QKeySequence &shortcut, const QString &toolTip);
};
