#include "CrawlReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString urlOf(const CrawlResults &results, CrawlId id)
{
    return QString::fromLatin1(results.at(id).url);
}

qint64 elapsedMs(const CrawlResults &results)
{
    if (!results.startedAt.isValid())
        return 0;
    const QDateTime end = results.finishedAt.isValid() ? results.finishedAt : QDateTime::currentDateTimeUtc();
    return results.startedAt.msecsTo(end);
}

// A Markdown table cell: one line, no bar that would end the cell.
QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

namespace CrawlReport {

QList<CrawlId> allUrls(const CrawlResults &results)
{
    QList<CrawlId> ids;
    ids.reserve(results.size());
    for (CrawlId id = 0; id < CrawlId(results.size()); ++id)
        ids.append(id);
    return ids;
}

QList<CrawlId> problemUrls(const CrawlResults &results)
{
    QList<CrawlId> problems;
    QList<CrawlId> blocked;
    for (CrawlId id = 0; id < CrawlId(results.size()); ++id) {
        const CrawlVerdict verdict = results.at(id).verdict;
        if (isProblem(verdict))
            problems.append(id);
        else if (verdict == CrawlVerdict::Blocked)
            blocked.append(id);
    }
    return problems + blocked;
}

QString statusColumn(const CrawlRecord &record)
{
    if (record.fragmentOf != noCrawlId)
        return QStringLiteral("#");
    if (record.verdict == CrawlVerdict::Error && record.errorKind != ErrorKind::None)
        return errorKindName(record.errorKind);
    if (!record.redirects.isEmpty())
        return QString::number(record.redirects.first().status);
    return record.status > 0 ? QString::number(record.status) : QStringLiteral("-");
}

QString detail(const CrawlRecord &record)
{
    if (record.verdict == CrawlVerdict::Error && record.errorKind != ErrorKind::None)
        return errorKindName(record.errorKind) + QStringLiteral(": ") + record.message;
    return record.message;
}

QString referrerText(const CrawlResults &results, const CrawlRecord &record, int shown)
{
    QStringList parts;
    for (const CrawlReferrer &referrer : record.referrers) {
        if (parts.size() >= shown)
            break;
        const QString page = urlOf(results, referrer.page);
        parts.append(referrer.line > 0 ? QStringLiteral("%1 (line %2)").arg(page).arg(referrer.line) : page);
    }
    QString text = parts.join(QStringLiteral(", "));
    const qint64 more = qint64(record.referrerCount) - parts.size();
    if (more > 0)
        text += QStringLiteral(" and %1 more").arg(more);
    return text;
}

QJsonObject urlJson(const CrawlResults &results, CrawlId id)
{
    const CrawlRecord &record = results.at(id);
    QJsonObject object;
    object.insert(QStringLiteral("url"), urlOf(results, id));
    object.insert(QStringLiteral("verdict"), crawlVerdictName(record.verdict));
    object.insert(QStringLiteral("status"), record.status > 0 ? QJsonValue(record.status) : QJsonValue());
    if (record.verdict == CrawlVerdict::Error || record.verdict == CrawlVerdict::Broken) {
        object.insert(
            QStringLiteral("error"),
            QJsonObject{{QStringLiteral("kind"),
                         errorKindName(record.errorKind == ErrorKind::None ? ErrorKind::HttpStatus : record.errorKind)},
                        {QStringLiteral("message"), record.message}});
    } else {
        object.insert(QStringLiteral("error"), QJsonValue());
    }
    object.insert(QStringLiteral("message"), orNull(record.message));
    object.insert(QStringLiteral("internal"), record.internal);
    object.insert(QStringLiteral("read"), record.read);
    object.insert(QStringLiteral("depth"), record.depth);
    object.insert(QStringLiteral("source"), linkSourceName(record.source));
    object.insert(QStringLiteral("media_type"), orNull(QString::fromLatin1(record.mediaType)));
    object.insert(QStringLiteral("title"), orNull(record.title));
    object.insert(QStringLiteral("elapsed_ms"), record.elapsedMs >= 0 ? QJsonValue(record.elapsedMs) : QJsonValue());
    QJsonArray redirects;
    for (const CrawlHop &hop : record.redirects)
        redirects.append(
            QJsonObject{{QStringLiteral("status"), hop.status}, {QStringLiteral("url"), QString::fromLatin1(hop.url)}});
    object.insert(QStringLiteral("redirects"), redirects);
    object.insert(QStringLiteral("final_url"),
                  record.redirects.isEmpty() ? QJsonValue()
                                             : QJsonValue(QString::fromLatin1(record.redirects.last().url)));
    object.insert(QStringLiteral("fragment_of"),
                  record.fragmentOf == noCrawlId ? QJsonValue() : QJsonValue(urlOf(results, record.fragmentOf)));
    QJsonArray referrers;
    for (const CrawlReferrer &referrer : record.referrers) {
        referrers.append(
            QJsonObject{{QStringLiteral("url"), urlOf(results, referrer.page)},
                        {QStringLiteral("line"), referrer.line > 0 ? QJsonValue(int(referrer.line)) : QJsonValue()},
                        {QStringLiteral("source"), linkSourceName(referrer.linkSource())}});
    }
    object.insert(QStringLiteral("referrers"), referrers);
    object.insert(QStringLiteral("referrer_count"), qint64(record.referrerCount));
    return object;
}

QJsonObject summaryJson(const CrawlResults &results)
{
    QJsonObject summary;
    summary.insert(QStringLiteral("urls"), qint64(results.size()));
    summary.insert(QStringLiteral("checked"), results.checked());
    for (const CrawlVerdict verdict : {CrawlVerdict::Ok, CrawlVerdict::Redirected, CrawlVerdict::Broken,
                                       CrawlVerdict::Error, CrawlVerdict::Blocked, CrawlVerdict::Excluded})
        summary.insert(crawlVerdictName(verdict), results.count(verdict));
    summary.insert(QStringLiteral("pages_read"), results.pagesRead);
    summary.insert(QStringLiteral("requests"), results.requests);
    summary.insert(QStringLiteral("bytes"), results.bytesReceived);
    summary.insert(QStringLiteral("elapsed_ms"), elapsedMs(results));
    return summary;
}

QByteArray json(const CrawlResults &results, const QList<CrawlId> &ids)
{
    QJsonObject document;
    QJsonArray starts;
    for (const QUrl &url : results.startUrls)
        starts.append(url.toString());
    document.insert(QStringLiteral("start"), starts);
    document.insert(QStringLiteral("started"), results.startedAt.toString(Qt::ISODateWithMs));
    document.insert(QStringLiteral("finished"), orNull(results.finishedAt.toString(Qt::ISODateWithMs)));
    document.insert(QStringLiteral("stop"), crawlStopName(results.stop));
    document.insert(QStringLiteral("summary"), summaryJson(results));
    document.insert(QStringLiteral("notices"), QJsonArray::fromStringList(results.notices));
    QJsonArray urls;
    for (const CrawlId id : ids)
        urls.append(urlJson(results, id));
    document.insert(QStringLiteral("urls"), urls);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QString markdown(const CrawlResults &results, const QList<CrawlId> &ids)
{
    QString text
        = QStringLiteral("| Verdict | Status | URL | Detail | Linked from |\n| --- | --- | --- | --- | --- |\n");
    for (const CrawlId id : ids) {
        const CrawlRecord &record = results.at(id);
        text += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                    .arg(crawlVerdictName(record.verdict), statusColumn(record), cell(urlOf(results, id)),
                         cell(detail(record)), cell(referrerText(results, record)));
    }
    if (ids.isEmpty())
        text += QStringLiteral("| | | *nothing to list* | | |\n");
    return text + QLatin1Char('\n') + summaryLine(results) + QLatin1Char('\n');
}

QString summaryLine(const CrawlResults &results)
{
    const QLocale locale(QLocale::English);
    QStringList starts;
    for (const QUrl &url : results.startUrls)
        starts.append(url.toString());
    QString line = QStringLiteral("Crawled %1 in %2 s: %3 URLs checked, %4 pages read; %5 broken, %6 error%7, "
                                  "%8 blocked, %9 redirected, %10 excluded")
                       .arg(starts.join(QStringLiteral(", ")))
                       .arg(double(elapsedMs(results)) / 1000.0, 0, 'f', 1)
                       .arg(locale.toString(results.checked()), locale.toString(results.pagesRead),
                            locale.toString(results.count(CrawlVerdict::Broken)),
                            locale.toString(results.count(CrawlVerdict::Error)),
                            results.count(CrawlVerdict::Error) == 1 ? QString() : QStringLiteral("s"),
                            locale.toString(results.count(CrawlVerdict::Blocked)),
                            locale.toString(results.count(CrawlVerdict::Redirected)))
                       .arg(locale.toString(results.count(CrawlVerdict::Excluded)));
    switch (results.stop) {
    case CrawlStop::Cancelled:
        line += QStringLiteral(" (cancelled)");
        break;
    case CrawlStop::TimeLimit:
        line += QStringLiteral(" (the time limit ran out)");
        break;
    default:
        break;
    }
    return line + QLatin1Char('.');
}

} // namespace CrawlReport
