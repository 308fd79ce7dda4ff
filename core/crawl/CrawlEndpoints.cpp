#include "CrawlEndpoints.h"

#include <QSet>

namespace CrawlEndpoints {

QList<Endpoint> make(const CrawlResults &results, const QList<CrawlId> &ids, const Endpoint &defaults,
                     const QList<Endpoint> &existing)
{
    QSet<QString> known;
    for (const Endpoint &endpoint : existing)
        known.insert(endpoint.probe.target.toString());
    QList<Endpoint> endpoints;
    for (const CrawlId id : ids) {
        if (id >= CrawlId(results.size()))
            continue;
        const CrawlRecord &record = results.at(id);
        if (record.fragmentOf != noCrawlId)
            continue;
        const auto target = Target::parse(QString::fromLatin1(record.url));
        if (!target || target->kind != ProbeKind::Http)
            continue;
        const QString key = target->toString();
        if (known.contains(key))
            continue;
        known.insert(key);
        Endpoint endpoint = defaults;
        endpoint.id = Endpoint::newId();
        endpoint.probe.target = *target;
        endpoint.name = record.title;
        const QString place = !record.internal ? QStringLiteral("external")
            : record.read                      ? QStringLiteral("page")
                                               : QStringLiteral("resource");
        endpoint.tags = QStringList{QStringLiteral("crawl"), target->host, place};
        endpoints.append(std::move(endpoint));
    }
    return endpoints;
}

QList<CrawlId> alive(const CrawlResults &results)
{
    QList<CrawlId> ids;
    for (CrawlId id = 0; id < CrawlId(results.size()); ++id) {
        const CrawlVerdict verdict = results.at(id).verdict;
        if (verdict == CrawlVerdict::Ok || verdict == CrawlVerdict::Redirected)
            ids.append(id);
    }
    return ids;
}

} // namespace CrawlEndpoints
