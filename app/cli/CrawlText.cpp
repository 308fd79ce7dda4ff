#include "CrawlText.h"

#include "crawl/CrawlProgress.h"
#include "crawl/CrawlReport.h"

#include <QLocale>
#include <QXmlStreamWriter>

namespace {
constexpr int referrersShown = 5;
} // namespace

namespace CrawlText {

QString text(const CrawlResults &results, const QList<CrawlId> &ids)
{
    QString out;
    for (const CrawlId id : ids) {
        const CrawlRecord &record = results.at(id);
        const QString verdict = crawlVerdictName(record.verdict).toUpper();
        const QString status = CrawlReport::statusColumn(record);
        out += QStringLiteral("%1 %2 %3\n").arg(verdict, -10).arg(status, -8).arg(QString::fromLatin1(record.url));
        if (!record.message.isEmpty())
            out += QStringLiteral("    %1\n").arg(record.message);
        if (record.referrerCount > 0)
            out += QStringLiteral("    linked from %1\n")
                       .arg(CrawlReport::referrerText(results, record, referrersShown));
    }
    if (!ids.isEmpty())
        out += QLatin1Char('\n');
    for (const QString &notice : results.notices)
        out += QStringLiteral("note: %1\n").arg(notice);
    return out + CrawlReport::summaryLine(results) + QLatin1Char('\n');
}

QByteArray junit(const CrawlResults &results)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("pingscope crawl"));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(results.checked()));
    writer.writeAttribute(QStringLiteral("failures"), QString::number(results.problems()));
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    const qint64 ms = results.startedAt.isValid() && results.finishedAt.isValid()
        ? results.startedAt.msecsTo(results.finishedAt)
        : 0;
    writer.writeAttribute(QStringLiteral("time"), QString::number(double(ms) / 1000.0, 'f', 3));
    for (CrawlId id = 0; id < CrawlId(results.size()); ++id) {
        const CrawlRecord &record = results.at(id);
        if (record.verdict == CrawlVerdict::Pending || record.verdict == CrawlVerdict::Excluded)
            continue;
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"),
                              record.internal ? QStringLiteral("crawl.internal") : QStringLiteral("crawl.external"));
        writer.writeAttribute(QStringLiteral("name"), QString::fromLatin1(record.url));
        writer.writeAttribute(QStringLiteral("time"),
                              QString::number(double(std::max(record.elapsedMs, 0)) / 1000.0, 'f', 3));
        if (isProblem(record.verdict)) {
            writer.writeStartElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("type"), crawlVerdictName(record.verdict));
            writer.writeAttribute(QStringLiteral("message"), CrawlReport::detail(record));
            writer.writeCharacters(QStringLiteral("%1: %2\nlinked from %3")
                                       .arg(QString::fromLatin1(record.url), CrawlReport::detail(record),
                                            CrawlReport::referrerText(results, record, referrersShown)));
            writer.writeEndElement();
        } else if (!record.message.isEmpty()) {
            writer.writeTextElement(QStringLiteral("system-out"),
                                    crawlVerdictName(record.verdict) + QStringLiteral(": ") + record.message);
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

QString progressLine(const CrawlProgress &progress)
{
    const QLocale locale(QLocale::English);
    return QStringLiteral("%1 checked · %2 queued · %3 broken or failed · %4/s · pages %5/%6")
        .arg(locale.toString(progress.checked), locale.toString(progress.queued), locale.toString(progress.problems),
             locale.toString(qRound(progress.perSecond)), locale.toString(progress.pagesRead),
             locale.toString(progress.pageBudget));
}

} // namespace CrawlText
