#include "TestSite.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

TestSite::TestSite(QObject *parent) : QObject(parent)
{
    m_server.setHandler(
        [this](const ScriptedHttpServer::Request &request, QTcpSocket *socket) { answer(request, socket); });
}

bool TestSite::listen(const QHostAddress &address)
{
    m_clock.start();
    return m_server.listen(address);
}

QString TestSite::url(const QString &path) const
{
    return m_server.url(path);
}

void TestSite::redirect(const QByteArray &path, int status, const QByteArray &location)
{
    Page page;
    page.status = status;
    page.headers = {"Location: " + location};
    set(path, page);
}

void TestSite::status(const QByteArray &path, int code, const QList<QByteArray> &headers)
{
    Page page;
    page.status = code;
    page.body = "status " + QByteArray::number(code);
    page.contentType = "text/plain";
    page.headers = headers;
    set(path, page);
}

int TestSite::hitsOn(const QByteArray &path, const QByteArray &method) const
{
    int count = 0;
    for (const Hit &hit : m_hits) {
        if (hit.path == path && (method.isEmpty() || hit.method == method))
            ++count;
    }
    return count;
}

QList<QByteArray> TestSite::pathsHit() const
{
    QList<QByteArray> paths;
    for (const Hit &hit : m_hits) {
        if (!paths.contains(hit.path))
            paths.append(hit.path);
    }
    return paths;
}

void TestSite::answer(const ScriptedHttpServer::Request &request, QTcpSocket *socket)
{
    const int number = ++m_hitCounts[request.path];
    ++m_open;
    m_maxOpen = std::max(m_maxOpen, m_open);
    m_hits.append(Hit{request.method, request.path, m_clock.elapsed(), m_open});

    std::optional<Page> page;
    if (const auto found = m_pages.constFind(request.path); found != m_pages.cend())
        page = *found;
    else if (m_dynamic)
        page = m_dynamic(request.path, number);
    if (!page) {
        page = Page{404, "no such page", "text/plain"};
    }
    const bool head = request.method == "HEAD";
    int status = page->status;
    if (head && page->refuseHead)
        status = 405;
    QList<QByteArray> headers = page->headers;
    if (!page->contentType.isEmpty())
        headers.prepend("Content-Type: " + page->contentType);
    QByteArray bytes = ScriptedHttpServer::answer(status, status == 200 ? "OK" : "Status", page->body, headers);
    if (head) // the headers GET would get, Content-Length included, and no body
        bytes.truncate(bytes.indexOf("\r\n\r\n") + 4);

    QPointer<QTcpSocket> guarded(socket);
    const auto send = [this, guarded, bytes] {
        --m_open;
        if (!guarded)
            return;
        guarded->write(bytes);
        guarded->disconnectFromHost();
    };
    if (page->delay.count() > 0)
        QTimer::singleShot(page->delay, Qt::PreciseTimer, this, send);
    else
        send();
}

QByteArray pageLinking(const QList<QByteArray> &hrefs, const QByteArray &extra)
{
    QByteArray body = "<!doctype html><html><head><title>test page</title></head><body>\n";
    for (const QByteArray &href : hrefs)
        body += "<a href=\"" + href + "\">link</a>\n";
    return body + extra + "</body></html>\n";
}
