#pragma once

#include "EndpointSelection.h"
#include "monitor/Monitor.h"

#include <QString>

class QCommandLineParser;

// The options `check` and `watch` share: --profile, --timeout, --concurrency, --insecure and the targets.
struct CommonOptions
{
    EndpointSelection selection;
    int concurrency = Monitor::concurrencySetting.defaultValue;

    static void addTo(QCommandLineParser &parser);
    // Reads them from a parser that has parsed; on a bad value returns nothing and sets *error.
    static std::optional<CommonOptions> readFrom(const QCommandLineParser &parser, QString *error);
};
