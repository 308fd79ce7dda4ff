#include "CrawlJudgement.h"

#include <QStringList>

namespace CrawlJudgement {

bool looksLikeFile(const QUrl &url)
{
    static const QStringList extensions{
        QStringLiteral("7z"),    QStringLiteral("apk"),  QStringLiteral("avi"),  QStringLiteral("bmp"),
        QStringLiteral("bz2"),   QStringLiteral("css"),  QStringLiteral("csv"),  QStringLiteral("deb"),
        QStringLiteral("dmg"),   QStringLiteral("doc"),  QStringLiteral("docx"), QStringLiteral("eot"),
        QStringLiteral("exe"),   QStringLiteral("flac"), QStringLiteral("gif"),  QStringLiteral("gz"),
        QStringLiteral("ico"),   QStringLiteral("iso"),  QStringLiteral("jpeg"), QStringLiteral("jpg"),
        QStringLiteral("js"),    QStringLiteral("json"), QStringLiteral("m4a"),  QStringLiteral("m4v"),
        QStringLiteral("mkv"),   QStringLiteral("mov"),  QStringLiteral("mp3"),  QStringLiteral("mp4"),
        QStringLiteral("msi"),   QStringLiteral("ogg"),  QStringLiteral("otf"),  QStringLiteral("pdf"),
        QStringLiteral("png"),   QStringLiteral("ppt"),  QStringLiteral("pptx"), QStringLiteral("rar"),
        QStringLiteral("rpm"),   QStringLiteral("svg"),  QStringLiteral("tar"),  QStringLiteral("tgz"),
        QStringLiteral("tif"),   QStringLiteral("tiff"), QStringLiteral("ttf"),  QStringLiteral("txt"),
        QStringLiteral("wav"),   QStringLiteral("webm"), QStringLiteral("webp"), QStringLiteral("woff"),
        QStringLiteral("woff2"), QStringLiteral("xls"),  QStringLiteral("xlsx"), QStringLiteral("xml"),
        QStringLiteral("xz"),    QStringLiteral("zip")};
    const QString path = url.path();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot <= slash)
        return false;
    return extensions.contains(path.mid(dot + 1).toLower());
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString notChecked(CrawlStop stop)
{
    switch (stop) {
    case CrawlStop::Cancelled:
        return QStringLiteral("not checked: the crawl was cancelled");
    case CrawlStop::TimeLimit:
        return QStringLiteral("not checked: the crawl's time limit ran out");
    default:
        return QStringLiteral("not checked");
    }
}

QString statusText(const CrawlFetch::Answer &answer)
{
    const QString reason = QString::fromLatin1(answer.reason);
    return reason.isEmpty() ? QStringLiteral("HTTP %1").arg(answer.status)
                            : QStringLiteral("HTTP %1 %2").arg(answer.status).arg(reason);
}

Judged judge(const CrawlFetch::Answer &answer, bool redirected, const QString &finalUrl)
{
    if (!answer.answered())
        return {CrawlVerdict::Error, answer.error.message};
    const int status = answer.status;
    const QString after = redirected ? QStringLiteral(" (redirected to %1)").arg(finalUrl) : QString();
    if (status >= 200 && status < 300) {
        if (redirected)
            return {CrawlVerdict::Redirected, QStringLiteral("redirected to %1").arg(finalUrl)};
        return {CrawlVerdict::Ok, {}};
    }
    if (status == 401)
        return {CrawlVerdict::Blocked, statusText(answer) + QStringLiteral(": it asks to log in") + after};
    if (status == 403 || status == 999)
        return {CrawlVerdict::Blocked,
                statusText(answer) + QStringLiteral(": refused to the crawler, which says nothing of a person")
                    + after};
    if (status == 429)
        return {CrawlVerdict::Blocked, statusText(answer) + QStringLiteral(": rate-limited, asked too often") + after};
    if (status >= 300 && status < 400)
        return {CrawlVerdict::Broken, statusText(answer) + QStringLiteral(" without a Location to go to") + after};
    if (status >= 400)
        return {CrawlVerdict::Broken, statusText(answer) + after};
    return {CrawlVerdict::Error, QStringLiteral("an HTTP answer with status %1, which means nothing").arg(status)};
}

bool refusesHead(const CrawlFetch::Answer &answer)
{
    if (!answer.answered())
        return answer.error.kind == ErrorKind::Reset || answer.error.kind == ErrorKind::Protocol;
    const int status = answer.status;
    // 429 and 503 ask us to slow down: another request at once would be the wrong answer to that.
    return status >= 400 && status != 429 && status != 503;
}

bool asksToWait(const CrawlFetch::Answer &answer)
{
    return answer.answered() && (answer.status == 429 || (answer.status == 503 && answer.retryAfter));
}

bool isServerTrouble(const CrawlFetch::Answer &answer)
{
    if (!answer.answered()) {
        const ErrorKind kind = answer.error.kind;
        return kind == ErrorKind::Timeout || kind == ErrorKind::Reset || kind == ErrorKind::Protocol;
    }
    return answer.status >= 500;
}

} // namespace CrawlJudgement
