#include "NetworkWatcher.h"

#include <QNetworkInformation>

NetworkWatcher::NetworkWatcher(QObject *parent) : QObject(parent)
{
    if (!QNetworkInformation::loadDefaultBackend())
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return;
    m_available = true;
    m_reachable = info->reachability() != QNetworkInformation::Reachability::Disconnected;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                const bool reachable = reachability != QNetworkInformation::Reachability::Disconnected;
                if (reachable == m_reachable)
                    return;
                m_reachable = reachable;
                emit reachableChanged(reachable);
            });
}
