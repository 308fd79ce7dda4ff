#pragma once

#include "endpoint/Profile.h"

#include <QObject>
#include <QStringList>

class Monitor;

// The open profile: where it lives, its settings, and whether the monitor's endpoints have changed
// since it was read or saved. The endpoints themselves live in the Monitor; saving writes them in
// the monitor's order with the profile's own settings and unknown keys kept.
class ProfileDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDocument)

public:
    explicit ProfileDocument(Monitor *monitor, QObject *parent = nullptr);

    bool open(const QString &path, QStringList *problems = nullptr);
    void load(Profile profile, const QString &path); // path empty = not saved anywhere yet
    void newProfile(ProfileDefaults defaults);
    bool save(const QString &path, QString *error = nullptr);

    Profile profile() const; // as it would be saved now
    const ProfileDefaults &defaults() const { return m_profile.defaults; }
    const AlertSettings &alerts() const { return m_profile.alerts; }
    void setAlerts(AlertSettings alerts); // marks the profile modified
    Endpoint makeEndpoint() const { return m_profile.makeEndpoint(); }
    QString path() const { return m_path; }
    QString title() const; // the profile's name, else its file name, else "Untitled"
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

signals:
    void changed(); // path, title or modified
    void loaded(); // another profile is open now (its endpoints are the monitor's)
    void saved(); // written to path() (the alerts' typed secrets go to the keychain then)

private:
    void markModified();

    Monitor *m_monitor;
    Profile m_profile; // name, defaults and source; endpoints are the monitor's
    QString m_path;
    bool m_modified = false;
    bool m_loading = false;
};
