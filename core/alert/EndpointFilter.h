#pragma once

#include "AlertEndpoint.h"

#include <QJsonObject>
#include <QStringList>

class JsonFieldReader;

// Which endpoints a rule or a maintenance window covers: those with any of the tags, or named in
// endpoints (by id, name or target text); with neither list, every endpoint.
struct EndpointFilter
{
    QStringList tags;
    QStringList endpoints;

    bool coversAll() const { return tags.isEmpty() && endpoints.isEmpty(); }
    bool matches(const AlertEndpoint &endpoint) const;

    void read(JsonFieldReader &fields); // "tags" and "endpoints"
    void write(QJsonObject &object) const;

    friend bool operator==(const EndpointFilter &, const EndpointFilter &) = default;
};
