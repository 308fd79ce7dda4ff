#include "Target.h"

#include "net/HostPort.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace {

std::optional<Target> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// An IPv4 or IPv6 address, with a zone ("fe80::1%eth0", an interface name or number) only of the
// characters RFC 6874 allows there: QHostAddress takes any, and a "]" in it breaks "[v6]:port".
// QHostAddress also trims white space, so "1\r\r" was the address 0.0.0.1 while the host kept the
// carriage returns, and the target's own text ("icmp://1\r\r", trimmed) read back as another host.
bool isAddress(const QString &text, QHostAddress *address)
{
    static const QRegularExpression zone(QStringLiteral("\\A[A-Za-z0-9._~-]*\\z"));
    const bool hasSpace = std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
    return !hasSpace && address->setAddress(text) && zone.match(address->scopeId()).hasMatch();
}

// A host name as DNS allows it (letters, digits, hyphens, underscores for SRV-style labels, dots),
// or an IPv4 or IPv6 address. QUrl is lenient about hosts, so this is checked here.
bool isValidHost(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    QHostAddress address;
    if (isAddress(host, &address))
        return true;
    // \z, not $: PCRE's $ also matches before a final newline, and "host\n" passed.
    static const QRegularExpression label(QStringLiteral("\\A[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\z"));
    const QStringList labels
        = host.endsWith(QLatin1Char('.')) ? host.chopped(1).split(QLatin1Char('.')) : host.split(QLatin1Char('.'));
    for (const QString &part : labels) {
        if (!label.match(part).hasMatch())
            return false;
    }
    return true;
}

// Splits "host", "host:port", "[v6]" or "[v6]:port". A bare IPv6 address without brackets is
// taken whole as a host. Returns false on a malformed text; *port stays 0 when none is given.
bool splitHostPort(const QString &text, QString *host, int *port, QString *error)
{
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = QStringLiteral("missing ']' after the IPv6 address");
            return false;
        }
        *host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                *error = QStringLiteral("unexpected text after ']': \"%1\"").arg(rest);
                return false;
            }
            portText = rest.mid(1);
        }
        QHostAddress address;
        if (!isAddress(*host, &address) || address.protocol() != QAbstractSocket::IPv6Protocol) {
            *error = QStringLiteral("\"%1\" is not an IPv6 address").arg(*host);
            return false;
        }
    } else if (text.count(QLatin1Char(':')) > 1) {
        *host = text; // a bare IPv6 address
    } else {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        *host = colon < 0 ? text : text.left(colon);
        if (colon >= 0)
            portText = text.mid(colon + 1);
    }
    *port = 0;
    if (!portText.isNull()) {
        bool ok = false;
        const int value = portText.toInt(&ok);
        if (!ok || value < 1 || value > 65535) {
            *error = QStringLiteral("port must be a number from 1 to 65535 (got \"%1\")").arg(portText);
            return false;
        }
        *port = value;
    }
    if (!isValidHost(*host)) {
        *error = host->isEmpty() ? QStringLiteral("the host is missing")
                                 : QStringLiteral("\"%1\" is not a valid host name or address").arg(*host);
        return false;
    }
    return true;
}

std::optional<Target> parseHttp(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(error, QStringLiteral("not a valid URL: %1").arg(url.errorString()));
    QString hostError;
    if (!isValidHost(url.host()))
        return fail(error,
                    url.host().isEmpty()
                        ? QStringLiteral("the URL has no host")
                        : QStringLiteral("\"%1\" is not a valid host name or address").arg(url.host()));
    Target target;
    target.kind = ProbeKind::Http;
    target.url = url;
    target.host = url.host();
    target.port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return target;
}

std::optional<Target> parseHostPort(ProbeKind kind, const QString &rest, QString *error)
{
    QString host;
    int port = 0;
    QString problem;
    if (!splitHostPort(rest, &host, &port, &problem))
        return fail(error, problem);
    if (kind == ProbeKind::Tcp && port == 0)
        return fail(error, QStringLiteral("a tcp target needs a port, as in tcp://%1:5432").arg(HostPort::host(host)));
    if (kind == ProbeKind::Icmp && port != 0)
        return fail(error, QStringLiteral("an icmp target has no port"));
    Target target;
    target.kind = kind;
    target.host = host;
    target.port = kind == ProbeKind::Tls && port == 0 ? 443 : port;
    return target;
}

std::optional<Target> parseDns(const QString &rest, QString *error)
{
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QString name = question < 0 ? rest : rest.left(question);
    const QUrlQuery query(question < 0 ? QString() : rest.mid(question + 1));
    Target target;
    target.kind = ProbeKind::Dns;
    target.host = name.endsWith(QLatin1Char('/')) ? name.chopped(1) : name;
    if (!isValidHost(target.host))
        return fail(error,
                    target.host.isEmpty() ? QStringLiteral("the name to resolve is missing")
                                          : QStringLiteral("\"%1\" is not a valid DNS name").arg(target.host));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("type")) {
            const auto type = dnsRecordTypeFromName(value);
            if (!type)
                return fail(
                    error,
                    QStringLiteral("unknown record type \"%1\" (use A, AAAA, CNAME, MX, TXT, NS or SRV)").arg(value));
            target.dnsType = *type;
        } else if (key == QLatin1String("server")) {
            QString host;
            int port = 0;
            QString problem;
            if (!splitHostPort(value, &host, &port, &problem))
                return fail(error, QStringLiteral("server: %1").arg(problem));
            if (QHostAddress(host).isNull())
                return fail(error, QStringLiteral("server must be an IP address (got \"%1\")").arg(host));
            target.dnsServer = host;
            target.dnsServerPort = port == 0 ? 53 : port;
        } else {
            return fail(error, QStringLiteral("unknown option \"%1\" (use type and server)").arg(key));
        }
    }
    return target;
}

} // namespace

std::optional<Target> Target::parse(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(error, QStringLiteral("the target is empty"));
    // QHostAddress reads an address only up to a NUL, so "1.2.3.4\0junk" passed as 1.2.3.4 with the
    // junk kept. No target holds a control character; white space is refused further on, with its place.
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && !c.isSpace())
            return fail(error,
                        QStringLiteral("the target contains the control character U+%1")
                            .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0'))));
    }

    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd < 0) {
        // Typed by hand: guess the obvious kind.
        if (text.contains(QLatin1Char('/')))
            return parseHttp(QStringLiteral("https://") + text, error);
        QString host;
        int port = 0;
        QString problem;
        if (!splitHostPort(text, &host, &port, &problem))
            return fail(error, problem);
        return parseHostPort(port == 0 ? ProbeKind::Icmp : ProbeKind::Tcp, text, error);
    }

    const QString scheme = text.left(schemeEnd).toLower();
    const QString rest = text.mid(schemeEnd + 3);
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return parseHttp(scheme + QLatin1String("://") + rest, error);
    if (scheme == QLatin1String("dns"))
        return parseDns(rest, error);
    const auto kind = probeKindFromName(scheme);
    if (!kind)
        return fail(error,
                    QStringLiteral("unknown scheme \"%1\" (use http, https, tcp, tls, icmp or dns)").arg(scheme));
    QString hostPort = rest;
    if (hostPort.endsWith(QLatin1Char('/')))
        hostPort.chop(1);
    if (hostPort.contains(QLatin1Char('/')) || hostPort.contains(QLatin1Char('?')))
        return fail(error,
                    QStringLiteral("a %1 target is only a host%2, with no path")
                        .arg(scheme, *kind == ProbeKind::Icmp ? QString() : QStringLiteral(" and port")));
    return parseHostPort(*kind, hostPort, error);
}

QString Target::toString() const
{
    switch (kind) {
    case ProbeKind::Http:
        return url.toString(QUrl::FullyEncoded);
    case ProbeKind::Tcp:
    case ProbeKind::Tls:
        return probeKindName(kind) + QStringLiteral("://") + HostPort::join(host, port);
    case ProbeKind::Icmp:
        return QStringLiteral("icmp://") + HostPort::host(host);
    case ProbeKind::Dns: {
        QString text = QStringLiteral("dns://%1?type=%2").arg(host, dnsRecordTypeName(dnsType));
        if (!dnsServer.isEmpty()) {
            text += QStringLiteral("&server=") + HostPort::host(dnsServer);
            if (dnsServerPort != 53)
                text += QLatin1Char(':') + QString::number(dnsServerPort);
        }
        return text;
    }
    }
    return {};
}
