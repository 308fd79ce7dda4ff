#pragma once

#include "endpoint/Profile.h"

#include <QObject>
#include <QString>

struct AppSettings;
class MainActions;
class ProfileDocument;
class QMimeData;
class QWidget;

// The window's file commands on the open profile: new, open (by dialog, from the recent list, by a
// drop), save and save as, and the unsaved-changes prompt before anything replaces it. Problems are
// shown to the user; the recent list and the last profile go into the settings.
class ProfileFileActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileFileActions)

public:
    ProfileFileActions(ProfileDocument *document, AppSettings *settings, MainActions *actions, QWidget *window);

    // Opens a profile file; on failure shows the problems and keeps what was open. No prompt.
    bool open(const QString &path);
    void load(Profile profile, const QString &path); // path empty = not saved anywhere
    bool saveTo(const QString &path); // shows an error on failure
    bool save(); // to its file, or as a new one
    bool saveAs();
    void newProfile();
    void chooseAndOpen();
    // Opens an installed example as a new, unsaved profile: saving asks where, never over the example.
    void chooseExample();
    bool maybeSave(); // asks about unsaved changes; false = the user cancelled

    // The one profile file a drag carries, or nothing.
    static QString droppedProfile(const QMimeData *mime);
    // Opens it once the drop has returned: a modal prompt inside a drop handler blocks the source.
    void openDropped(const QString &path);

private:
    void warnCannotOpen(const QString &path, const QStringList &problems);
    void remember(); // the document's path, as the last and most recent profile
    void refreshRecentMenu();

    ProfileDocument *m_document;
    AppSettings *m_settings;
    MainActions *m_actions;
    QWidget *m_window;
};
