#include "ProfileHistory.h"

#include "HistoryLocation.h"
#include "history/MemoryHistoryStore.h"
#include "monitor/EventLog.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

ProfileHistory::ProfileHistory(Workspace *workspace, EventLog *log, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_document(workspace->document()), m_log(log)
{
    connect(m_document, &ProfileDocument::loaded, this, &ProfileHistory::follow);
    // Saving an unsaved profile gives it a path, and so a history.
    connect(m_document, &ProfileDocument::changed, this, &ProfileHistory::follow);
    connect(workspace, &Workspace::historyFailed, this,
            [this](const HistoryError &error) { report(tr("History: %1").arg(error.message)); });
}

HistoryStore *ProfileHistory::store() const
{
    if (m_workspace->isShutDown())
        return nullptr;
    HistoryStore *file = m_workspace->history();
    return file ? file : m_workspace->recentResults();
}

bool ProfileHistory::hasFile() const
{
    return !m_workspace->isShutDown() && m_workspace->history() != nullptr;
}

void ProfileHistory::follow()
{
    if (m_workspace->isShutDown() || m_document->path() == m_profilePath)
        return;
    m_profilePath = m_document->path();
    open(HistoryLocation::pathFor(m_profilePath));
}

void ProfileHistory::open(const QString &path)
{
    m_path = path;
    m_workspace->closeHistory();
    if (path.isEmpty()) {
        report({});
        emit storeChanged(store());
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    HistoryError error;
    if (m_workspace->openHistory(path, &error))
        report({});
    else
        report(tr("History not kept: %1").arg(error.message));
    emit storeChanged(store());
}

bool ProfileHistory::moveTo(const QString &dest, QString *error)
{
    if (m_path.isEmpty()) {
        *error = tr("An unsaved profile has no history file; save the profile first.");
        return false;
    }
    const QString target = QFileInfo(dest).absoluteFilePath();
    if (target == QFileInfo(m_path).absoluteFilePath())
        return true;
    m_workspace->closeHistory(); // commits what is pending; the file is whole on disk
    emit storeChanged(store());
    if (!HistoryLocation::moveFile(m_path, target, error)) {
        open(m_path); // recording goes on where it was
        return false;
    }
    HistoryLocation::rememberMove(m_profilePath, target);
    open(target);
    return true;
}

void ProfileHistory::report(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    if (!problem.isEmpty() && m_log) {
        EventLogEntry entry;
        entry.type = EventLogEntry::Type::History;
        entry.time = entry.lastSeen = QDateTime::currentDateTimeUtc();
        entry.severity = EventSeverity::Error;
        entry.message = problem;
        m_log->add(entry);
    }
    emit problemChanged(problem);
}
