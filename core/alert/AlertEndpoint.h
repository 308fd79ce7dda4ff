#pragma once

#include <QString>
#include <QStringList>

struct Endpoint;

// What rules and maintenance windows match an endpoint by, and what a message names it by.
struct AlertEndpoint
{
    QString id; // Endpoint::id, stable
    QString name; // Endpoint::displayName()
    QString target; // the target's text
    QStringList tags;

    static AlertEndpoint of(const Endpoint &endpoint);
};
