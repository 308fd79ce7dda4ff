#pragma once

#include "history/HistoryStore.h"

#include <QObject>
#include <QPointer>
#include <QString>

class EventLog;
class ProfileDocument;
class Workspace;

// The open profile's history in the window: when a saved profile is opened (or an unsaved one is
// saved), the workspace records into that profile's file (HistoryLocation); an unsaved profile has
// the recent results only. Refusals and later failures are said in words: in the event log and as
// lastProblem(), which the status bar shows.
class ProfileHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileHistory)

public:
    ProfileHistory(Workspace *workspace, EventLog *log, QObject *parent);

    // What the window's charts, uptime and outages read: the history file, else the recent results.
    HistoryStore *store() const;
    bool hasFile() const; // a history file is open
    QString path() const { return m_path; } // the file in use or meant to be (empty when unsaved)
    QString lastProblem() const { return m_problem; }

    // Closes the history, moves its file to dest, reopens it there and remembers the place.
    bool moveTo(const QString &dest, QString *error);
    void follow(); // opens the history of the document's path, if it changed

signals:
    void storeChanged(HistoryStore *store); // another history is open (or none)
    void problemChanged(const QString &problem); // empty once a history opens fine

private:
    void open(const QString &path);
    void report(const QString &problem);

    Workspace *m_workspace;
    ProfileDocument *m_document;
    EventLog *m_log;
    QString m_profilePath;
    QString m_path;
    QString m_problem;
};
