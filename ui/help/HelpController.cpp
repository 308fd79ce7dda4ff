#include "HelpController.h"

#include "HelpLocations.h"
#include "ShortcutsDialog.h"
#include "window/MainActions.h"

#include <QAction>
#include <QDesktopServices>
#include <QUrl>
#include <QWidget>

HelpController::HelpController(MainActions *actions, QList<QAction *> others, QWidget *window)
    : QObject(window), m_actions(actions), m_others(std::move(others)), m_window(window)
{
    const QString readme = HelpLocations::documentationFile();
    actions->documentation->setVisible(!readme.isEmpty());
    connect(actions->documentation, &QAction::triggered, this,
            [readme] { QDesktopServices::openUrl(QUrl::fromLocalFile(readme)); });
    connect(actions->shortcuts, &QAction::triggered, this, &HelpController::showShortcuts);
}

void HelpController::showShortcuts()
{
    QList<QAction *> all = m_actions->findChildren<QAction *>(Qt::FindDirectChildrenOnly);
    all += m_others;
    auto *dialog = new ShortcutsDialog(all, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
