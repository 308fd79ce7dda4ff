#include "EndpointFilter.h"

#include "endpoint/JsonFieldReader.h"

#include <QJsonArray>

bool EndpointFilter::matches(const AlertEndpoint &endpoint) const
{
    if (coversAll())
        return true;
    for (const QString &tag : endpoint.tags) {
        if (tags.contains(tag))
            return true;
    }
    for (const QString &named : endpoints) {
        if (named == endpoint.id || named == endpoint.name || named == endpoint.target)
            return true;
    }
    return false;
}

void EndpointFilter::read(JsonFieldReader &fields)
{
    fields.stringList(QStringLiteral("tags"), &tags);
    fields.stringList(QStringLiteral("endpoints"), &endpoints);
}

void EndpointFilter::write(QJsonObject &object) const
{
    for (const auto &[key, list] :
         {std::pair{QStringLiteral("tags"), &tags}, {QStringLiteral("endpoints"), &endpoints}}) {
        if (list->isEmpty())
            object.remove(key);
        else
            object.insert(key, QJsonArray::fromStringList(*list));
    }
}
