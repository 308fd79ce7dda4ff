#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <tuple>

// Profiles' JSON for the alert tests, apart from the test classes: moc cannot read raw strings
// and miscounts their braces.
namespace AlertFixtures {
QByteArray issueShape();
QList<std::tuple<const char *, QByteArray, QString>> badAlerts();
QByteArray alertsWithUnknownKeys();
QByteArray profileWithoutAlerts();
QByteArray webhookChannelToRetype();
QByteArray twoMaintenanceWindows();
} // namespace AlertFixtures
