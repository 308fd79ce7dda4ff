#include "ProfileFileActions.h"

#include "AppSettings.h"
#include "MainActions.h"
#include "endpoint/ProfileReader.h"
#include "help/HelpLocations.h"
#include "workspace/ProfileDocument.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QTimer>
#include <QUrl>

namespace {
QString profileFilter()
{
    return QCoreApplication::translate("ProfileFileActions", "Pingscope profiles (*.json);;All files (*)");
}
} // namespace

ProfileFileActions::ProfileFileActions(ProfileDocument *document, AppSettings *settings, MainActions *actions,
                                       QWidget *window)
    : QObject(window), m_document(document), m_settings(settings), m_actions(actions), m_window(window)
{
    connect(actions->newProfile, &QAction::triggered, this, &ProfileFileActions::newProfile);
    connect(actions->openProfile, &QAction::triggered, this, &ProfileFileActions::chooseAndOpen);
    connect(actions->saveProfile, &QAction::triggered, this, &ProfileFileActions::save);
    connect(actions->saveProfileAs, &QAction::triggered, this, &ProfileFileActions::saveAs);
    connect(actions->recentMenu, &QMenu::aboutToShow, this, &ProfileFileActions::refreshRecentMenu);
    connect(actions->openExample, &QAction::triggered, this, &ProfileFileActions::chooseExample);
    actions->openExample->setVisible(!HelpLocations::exampleProfilesDirectory().isEmpty());
}

bool ProfileFileActions::open(const QString &path)
{
    QStringList problems;
    if (!m_document->open(path, &problems)) {
        warnCannotOpen(path, problems);
        return false;
    }
    remember();
    return true;
}

void ProfileFileActions::load(Profile profile, const QString &path)
{
    m_document->load(std::move(profile), path);
}

bool ProfileFileActions::saveTo(const QString &path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::warning(m_window, tr("Cannot save profile"), tr("%1 could not be saved: %2").arg(path, error));
        return false;
    }
    remember();
    return true;
}

bool ProfileFileActions::save()
{
    return m_document->path().isEmpty() ? saveAs() : saveTo(m_document->path());
}

bool ProfileFileActions::saveAs()
{
    const QString suggested
        = m_document->path().isEmpty() ? m_document->title() + QStringLiteral(".json") : m_document->path();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save profile as"), suggested, profileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveTo(path);
}

void ProfileFileActions::newProfile()
{
    if (!maybeSave())
        return;
    ProfileDefaults defaults;
    defaults.intervalS = m_settings->defaultIntervalS;
    defaults.timeoutMs = m_settings->defaultTimeoutMs;
    m_document->newProfile(defaults);
    m_settings->lastProfile.clear();
    m_settings->save();
}

void ProfileFileActions::chooseAndOpen()
{
    if (!maybeSave())
        return;
    const QString start = m_document->path().isEmpty() ? QString() : QFileInfo(m_document->path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open profile"), start, profileFilter());
    if (!path.isEmpty())
        open(path);
}

void ProfileFileActions::chooseExample()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open an example profile"),
                                                      HelpLocations::exampleProfilesDirectory(), profileFilter());
    if (path.isEmpty())
        return;
    ProfileReadResult result = ProfileReader::fromFile(path);
    if (!result.ok()) {
        warnCannotOpen(path, result.problems);
        return;
    }
    m_document->load(std::move(*result.profile), {});
}

void ProfileFileActions::warnCannotOpen(const QString &path, const QStringList &problems)
{
    QMessageBox::warning(m_window, tr("Cannot open profile"),
                         tr("%1 could not be opened:\n%2").arg(path, problems.join(QLatin1Char('\n'))));
}

bool ProfileFileActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer
        = QMessageBox::warning(m_window, tr("Unsaved changes"),
                               tr("The profile \"%1\" has unsaved changes. Save them?").arg(m_document->title()),
                               QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QString ProfileFileActions::droppedProfile(const QMimeData *mime)
{
    if (!mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    return mime->urls().first().toLocalFile();
}

void ProfileFileActions::openDropped(const QString &path)
{
    QTimer::singleShot(0, this, [this, path] {
        if (maybeSave())
            open(path);
    });
}

void ProfileFileActions::remember()
{
    m_settings->addRecent(m_document->path());
    m_settings->lastProfile = m_document->path();
    m_settings->save();
}

void ProfileFileActions::refreshRecentMenu()
{
    QMenu *menu = m_actions->recentMenu;
    menu->clear();
    int number = 1;
    for (const QString &path : std::as_const(m_settings->recentProfiles)) {
        QAction *action = menu->addAction(tr("&%1 %2").arg(number++).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                open(path);
        });
    }
    if (m_settings->recentProfiles.isEmpty())
        menu->addAction(tr("No recent profiles"))->setEnabled(false);
}
