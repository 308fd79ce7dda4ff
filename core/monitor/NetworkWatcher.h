#pragma once

#include <QObject>

// Tells whether the machine has a network at all, from QNetworkInformation's default backend
// (NetworkManager on Linux). Where no backend loads, or it cannot tell, the network is taken as
// reachable: an unknown answer must never hide real failures as "offline".
class NetworkWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkWatcher)

public:
    explicit NetworkWatcher(QObject *parent = nullptr);

    bool isAvailable() const { return m_available; } // a backend that reports reachability loaded
    bool isReachable() const { return m_reachable; }

signals:
    void reachableChanged(bool reachable);

private:
    bool m_available = false;
    bool m_reachable = true;
};
