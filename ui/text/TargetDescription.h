#pragma once

#include "endpoint/Target.h"

#include <QCoreApplication>
#include <QString>

// Words for people about what a target does, e.g. "TCP connect" or "DNS AAAA lookup".
class TargetDescription final
{
    Q_DECLARE_TR_FUNCTIONS(TargetDescription)

public:
    static QString kind(const Target &target);
    // "tcp://db.lan:5432 (TCP connect)"
    static QString understoodAs(const Target &target);
};
