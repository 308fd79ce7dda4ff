#pragma once

#include "Endpoint.h"

#include <QList>
#include <QString>

#include <optional>

// Reads a plain list of targets, one URL, host or host:port per line, as people paste them from a
// wiki page or a hosts file. Blank lines and # comments are skipped; every other line becomes a
// target or an error that names its line.
class EndpointListParser final
{
public:
    struct Line
    {
        int number = 0; // 1-based, in the text given
        QString text; // the line without its comment, trimmed
        std::optional<Target> target;
        QString error; // set when target is empty

        bool isValid() const { return target.has_value(); }
    };

    static QList<Line> parse(const QString &text);

    // One endpoint per valid line: a copy of defaults with the target set.
    static QList<Endpoint> endpoints(const QList<Line> &lines, const Endpoint &defaults);
};
