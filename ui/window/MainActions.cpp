#include "MainActions.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace {
// The desktop's own icon where its theme has one; our SVG where it has not.
QIcon themed(const QString &theme, const QString &fallback)
{
    if (fallback.isEmpty())
        return QIcon::fromTheme(theme);
    return QIcon::fromTheme(theme, QIcon(QStringLiteral(":/icons/%1.svg").arg(fallback)));
}
} // namespace

MainActions::MainActions(QObject *parent) : QObject(parent)
{
    newProfile
        = make(tr("&New Profile"), QStringLiteral("document-new"), QKeySequence::New, tr("Start an empty profile"));
    openProfile
        = make(tr("&Open Profile…"), QStringLiteral("document-open"), QKeySequence::Open, tr("Open a profile file"));
    saveProfile = make(tr("&Save Profile"), QStringLiteral("document-save"), QKeySequence::Save,
                       tr("Save the endpoints to the profile file"));
    saveProfileAs = make(tr("Save Profile &As…"), QStringLiteral("document-save-as"), QKeySequence::SaveAs,
                         tr("Save the endpoints to another file"));
    settings = make(tr("Se&ttings…"), QStringLiteral("settings"), QKeySequence(tr("Ctrl+,")),
                    tr("Concurrency, defaults for new endpoints, notifications and the tray"));
    settings->setMenuRole(QAction::PreferencesRole);
    alerts = make(tr("&Alerts…"), QStringLiteral("settings"), QKeySequence(),
                  tr("Where alerts go (webhooks, Apprise, programs, the desktop), for which events, and when not"));
    quit = make(tr("&Quit"), QStringLiteral("application-exit"), QKeySequence::Quit, tr("Quit Pingscope"));
    quit->setMenuRole(QAction::QuitRole);

    start = make(tr("&Start Monitoring"), QStringLiteral("start"), QKeySequence(Qt::Key_F5),
                 tr("Probe every enabled endpoint at its interval"));
    stop = make(tr("S&top Monitoring"), QStringLiteral("stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                tr("Stop scheduling and cancel every probe in flight"));
    runNow = make(tr("&Run Selected Now"), QStringLiteral("run-now"), QKeySequence(Qt::CTRL | Qt::Key_R),
                  tr("Probe the selected endpoints at once"));
    cancel = make(tr("&Cancel In-Flight Probes"), QStringLiteral("cancel"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                  tr("Cancel the selected endpoints' running probes"));
    pause = make(tr("&Pause Selected"), QStringLiteral("pause"), QKeySequence(Qt::CTRL | Qt::Key_P),
                 tr("Stop probing the selected endpoints until resumed"));
    resume = make(tr("Res&ume Selected"), QStringLiteral("resume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                  tr("Probe the selected paused endpoints again"));

    undo = make(tr("&Undo"), QStringLiteral("edit-undo"), QKeySequence::Undo, tr("Take back the last edit"));
    redo = make(tr("&Redo"), QStringLiteral("edit-redo"), QKeySequence::Redo, tr("Make the edit taken back again"));
    add = make(tr("&Add Endpoint…"), QStringLiteral("add"), QKeySequence(Qt::Key_Insert),
               tr("Add an endpoint to the profile"));
    edit = make(tr("&Edit Endpoint…"), QStringLiteral("edit"), QKeySequence(Qt::Key_F2),
                tr("Edit the current endpoint"));
    duplicate = make(tr("D&uplicate"), QStringLiteral("duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                     tr("Add a copy of each selected endpoint"));
    remove = make(tr("&Delete"), QStringLiteral("delete"), QKeySequence::Delete,
                  tr("Remove the selected endpoints from the profile"));
    importList = make(tr("&Import List…"), QStringLiteral("import"), QKeySequence(Qt::CTRL | Qt::Key_I),
                      tr("Add endpoints from a pasted list of targets"));
    discover = make(tr("D&iscover from a Site…"), QString(), QKeySequence(),
                    tr("Crawl a site, see its broken links, and add the URLs it found as endpoints"));
    selectAll = make(tr("Select A&ll"), QString(), QKeySequence::SelectAll, tr("Select every endpoint shown"));
    findEndpoint = make(tr("&Find…"), QString(), QKeySequence::Find, tr("Filter the endpoints by text"));

    historyProperties = make(tr("Profile &History…"), QString(), QKeySequence(),
                             tr("Where the profile's history is kept, and moving it"));
    exportHistory = make(tr("&Export History…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                         tr("Write the stored results of endpoints over a range as CSV or JSON"));

    showWindow = make(tr("Show &Window"), QString(), QKeySequence(), tr("Show the Pingscope window"));
    openDemo = make(tr("Open the &Demo"), QString(), QKeySequence(),
                    tr("A profile of services on this machine that are fast, slow, flaky and down: live data with "
                       "no network"));
    openExample = make(tr("Open an E&xample Profile…"), QString(), QKeySequence(),
                       tr("Open one of the example profiles, as a new profile to adapt and save"));
    documentation
        = make(tr("&Documentation"), QString(), QKeySequence::HelpContents, tr("Open the guide to the window"));
    shortcuts = make(tr("&Keyboard Shortcuts"), QString(), QKeySequence(), tr("Every command's keys"));
    about = make(tr("&About Pingscope"), QString(), QKeySequence(), tr("Version and licence"));
    about->setMenuRole(QAction::AboutRole);
}

QAction *MainActions::make(const QString &text, const QString &icon, const QKeySequence &shortcut,
                           const QString &toolTip)
{
    auto *action = new QAction(text, this);
    if (!icon.isEmpty()) {
        // The theme's alone for these: there is no SVG of ours to fall back to.
        static const QStringList themeOnly{QStringLiteral("document-save-as"), QStringLiteral("application-exit"),
                                           QStringLiteral("edit-undo"), QStringLiteral("edit-redo")};
        const bool ours = !themeOnly.contains(icon);
        action->setIcon(themed(icon, ours ? icon : QString()));
    }
    action->setShortcut(shortcut);
    // The tooltip names the shortcut, so the keyboard route is discoverable from the toolbar.
    action->setToolTip(shortcut.isEmpty() ? toolTip
                                          : tr("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    return action;
}

void MainActions::fillMenuBar(QMenuBar *bar, QAction *logDockToggle, QAction *outagesDockToggle)
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addActions({newProfile, openProfile});
    recentMenu = file->addMenu(tr("Open &Recent"));
    file->addActions({saveProfile, saveProfileAs});
    file->addSeparator();
    file->addAction(importList);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);

    QMenu *editMenu = bar->addMenu(tr("E&dit"));
    editMenu->addActions({undo, redo});
    editMenu->addSeparator();
    editMenu->addActions({selectAll, findEndpoint});

    QMenu *endpoints = bar->addMenu(tr("&Endpoints"));
    endpoints->addActions({add, edit, duplicate, remove});
    endpoints->addSeparator();
    endpoints->addAction(discover);

    QMenu *monitor = bar->addMenu(tr("&Monitor"));
    monitor->addActions({start, stop});
    monitor->addSeparator();
    monitor->addActions({runNow, cancel, pause, resume});
    monitor->addSeparator();
    monitor->addAction(alerts);

    QMenu *history = bar->addMenu(tr("Hi&story"));
    history->addAction(outagesDockToggle);
    history->addActions({exportHistory, historyProperties});

    QMenu *view = bar->addMenu(tr("&View"));
    view->addActions({logDockToggle, outagesDockToggle});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addActions({documentation, shortcuts});
    help->addSeparator();
    help->addActions({openDemo, openExample});
    help->addSeparator();
    help->addAction(about);
}

void MainActions::fillToolBar(QToolBar *toolBar)
{
    toolBar->addActions({start, stop});
    toolBar->addSeparator();
    toolBar->addActions({runNow, cancel, pause, resume});
    toolBar->addSeparator();
    toolBar->addActions({add, edit, duplicate, remove, importList});
    toolBar->addSeparator();
    toolBar->addActions({openProfile, saveProfile});
}

void MainActions::fillContextMenu(QMenu *menu)
{
    menu->addActions({runNow, cancel, pause, resume});
    menu->addSeparator();
    menu->addActions({edit, duplicate, remove});
}

void MainActions::fillTrayMenu(QMenu *menu)
{
    menu->addAction(showWindow);
    menu->addSeparator();
    menu->addActions({start, stop});
    menu->addSeparator();
    menu->addAction(quit);
}
