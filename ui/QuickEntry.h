#pragma once

#include "endpoint/Endpoint.h"

#include <QList>
#include <QStringList>

#include <optional>

class QWidget;

// Text-only ways to add, edit and import endpoints: a target typed or pasted, in any form
// Target::parse understands, optionally preceded by a name and a tab or " = ".
namespace QuickEntry {

// One line to an endpoint based on base (the profile's defaults); on failure sets *error.
std::optional<Endpoint> parseLine(const QString &line, const Endpoint &base, QString *error = nullptr);

struct ParsedList
{
    QList<Endpoint> endpoints;
    QStringList problems; // "line 3: …"
};
ParsedList parseList(const QString &text, const Endpoint &base); // blank lines and # comments are skipped

std::optional<Endpoint> askEndpoint(QWidget *parent, const QString &title, const Endpoint &start);
QList<Endpoint> askList(QWidget *parent, const Endpoint &base);

} // namespace QuickEntry
