#pragma once

#include "ScriptedHttpServer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

// A web site for crawl tests, served on a loopback address: pages by path, each with its status,
// headers, body and delay; a handler for paths made up as they are asked for (a calendar that never
// ends); and a log of every request with the time it came, so that tests observe waits and caps.
// Unknown paths answer 404. HEAD gets the headers of GET without the body.
class TestSite final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestSite)

public:
    struct Page
    {
        Page(int status = 200, QByteArray body = {}, QByteArray contentType = "text/html; charset=utf-8",
             QList<QByteArray> headers = {}, std::chrono::milliseconds delay = {})
            : status(status)
            , body(std::move(body))
            , contentType(std::move(contentType))
            , headers(std::move(headers))
            , delay(delay)
        { }

        int status;
        QByteArray body;
        QByteArray contentType;
        QList<QByteArray> headers;
        std::chrono::milliseconds delay;
        bool refuseHead = false; // HEAD gets 405
    };
    struct Hit
    {
        QByteArray method;
        QByteArray path;
        qint64 atMs = 0; // since the site started listening
        int open = 0; // requests being answered at that moment, this one included
    };
    using Dynamic = std::function<std::optional<Page>(const QByteArray &path, int hitNumber)>;

    explicit TestSite(QObject *parent = nullptr);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    QString url(const QString &path = QStringLiteral("/")) const;
    quint16 port() const { return m_server.port(); }

    void set(const QByteArray &path, Page page) { m_pages.insert(path, std::move(page)); }
    void html(const QByteArray &path, const QByteArray &body) { set(path, Page{200, body}); }
    void redirect(const QByteArray &path, int status, const QByteArray &location);
    void status(const QByteArray &path, int code, const QList<QByteArray> &headers = {});
    // Asked for paths with no page of their own; nothing: 404.
    void setDynamic(Dynamic dynamic) { m_dynamic = std::move(dynamic); }

    const QList<Hit> &hits() const { return m_hits; }
    int hitsOn(const QByteArray &path, const QByteArray &method = {}) const;
    QList<QByteArray> pathsHit() const;
    int maxOpen() const { return m_maxOpen; }
    int connectionsOpen() const { return m_server.connectionsOpen(); }

private:
    void answer(const ScriptedHttpServer::Request &request, QTcpSocket *socket);

    ScriptedHttpServer m_server;
    QElapsedTimer m_clock;
    QHash<QByteArray, Page> m_pages;
    QHash<QByteArray, int> m_hitCounts;
    Dynamic m_dynamic;
    QList<Hit> m_hits;
    int m_open = 0;
    int m_maxOpen = 0;
};

// "<html><body>…links…</body></html>" with one <a href> a line, from the second line on.
QByteArray pageLinking(const QList<QByteArray> &hrefs, const QByteArray &extra = {});
