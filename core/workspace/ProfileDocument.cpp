#include "ProfileDocument.h"

#include "endpoint/ProfileReader.h"
#include "endpoint/ProfileWriter.h"
#include "monitor/Monitor.h"

#include <QFileInfo>

ProfileDocument::ProfileDocument(Monitor *monitor, QObject *parent) : QObject(parent), m_monitor(monitor)
{
    // Any change of the endpoints, by whichever dialog or action, makes the profile unsaved.
    connect(monitor, &Monitor::endpointsAdded, this, &ProfileDocument::markModified);
    connect(monitor, &Monitor::endpointUpdated, this, &ProfileDocument::markModified);
    connect(monitor, &Monitor::endpointsRemoved, this, &ProfileDocument::markModified);
}

bool ProfileDocument::open(const QString &path, QStringList *problems)
{
    ProfileReadResult result = ProfileReader::fromFile(path);
    if (!result.ok()) {
        if (problems)
            *problems = result.problems;
        return false;
    }
    load(std::move(*result.profile), QFileInfo(path).absoluteFilePath());
    return true;
}

void ProfileDocument::load(Profile profile, const QString &path)
{
    m_loading = true;
    m_monitor->removeAll();
    m_monitor->addEndpoints(profile.endpoints);
    m_loading = false;
    profile.endpoints.clear();
    m_profile = std::move(profile);
    m_path = path;
    m_modified = false;
    emit changed();
    emit loaded();
}

void ProfileDocument::newProfile(ProfileDefaults defaults)
{
    Profile profile;
    profile.defaults = defaults;
    load(std::move(profile), {});
}

bool ProfileDocument::save(const QString &path, QString *error)
{
    if (!ProfileWriter::toFile(profile(), path, error))
        return false;
    m_path = QFileInfo(path).absoluteFilePath();
    m_modified = false;
    emit changed();
    emit saved();
    return true;
}

Profile ProfileDocument::profile() const
{
    Profile profile = m_profile;
    for (const EndpointId id : m_monitor->endpointIds()) {
        if (auto endpoint = m_monitor->endpoint(id))
            profile.endpoints.append(std::move(*endpoint));
    }
    return profile;
}

QString ProfileDocument::title() const
{
    if (!m_profile.name.isEmpty())
        return m_profile.name;
    if (!m_path.isEmpty())
        return QFileInfo(m_path).completeBaseName();
    return tr("Untitled");
}

void ProfileDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit changed();
}

void ProfileDocument::setAlerts(AlertSettings alerts)
{
    m_profile.alerts = std::move(alerts);
    setModified(true);
}

void ProfileDocument::markModified()
{
    if (!m_loading)
        setModified(true);
}
