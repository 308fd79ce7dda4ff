#include "MetricsPage.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>
#include <optional>

namespace {

const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));

std::optional<double> parseValue(const QString &text)
{
    if (text == QLatin1String("+Inf"))
        return INFINITY;
    if (text == QLatin1String("-Inf"))
        return -INFINITY;
    if (text == QLatin1String("NaN"))
        return NAN;
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

// The family a sample belongs to: its own name, or a histogram's without _bucket, _sum or _count.
QString familyOf(const QString &name, const QMap<QString, QString> &types)
{
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
        if (!name.endsWith(QLatin1String(suffix))) // and so not shorter than it, as chopped wants
            continue;
        const QString base = name.chopped(int(qstrlen(suffix)));
        if (types.value(base) == QLatin1String("histogram"))
            return base;
    }
    return name;
}

} // namespace

MetricsPage MetricsPage::parse(const QByteArray &bytes)
{
    MetricsPage page;
    const QString text = QString::fromUtf8(bytes);
    if (!text.endsWith(QLatin1Char('\n')))
        page.m_problems << QStringLiteral("the page does not end with a newline");
    QString family; // the one whose samples may follow
    QSet<QString> seenFamilies;
    QSet<QString> seenSeries;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const auto problem = [&](const QString &what) { page.m_problems << what + QStringLiteral(": ") + line; };
        if (line.startsWith(QLatin1String("# HELP ")) || line.startsWith(QLatin1String("# TYPE "))) {
            const QStringList parts = line.mid(7).split(QLatin1Char(' '));
            const QString name = parts.value(0);
            if (!metricName.match(name).hasMatch() || parts.size() < 2) {
                problem(QStringLiteral("bad HELP/TYPE line"));
                continue;
            }
            if (line.startsWith(QLatin1String("# TYPE "))) {
                const QString type = parts.value(1);
                if (parts.size() != 2
                    || !QStringList({"counter", "gauge", "histogram", "summary", "untyped"}).contains(type))
                    problem(QStringLiteral("bad TYPE"));
                if (page.m_types.contains(name))
                    problem(QStringLiteral("TYPE given twice"));
                page.m_types.insert(name, type);
            } else {
                if (page.m_help.contains(name))
                    problem(QStringLiteral("HELP given twice"));
                page.m_help.insert(name, parts.mid(1).join(QLatin1Char(' ')));
            }
            if (name != family) {
                if (seenFamilies.contains(name))
                    problem(QStringLiteral("family split in two"));
                family = name;
                seenFamilies.insert(name);
            }
            continue;
        }
        if (line.startsWith(QLatin1Char('#')))
            continue; // a comment
        // name{label="value",...} value
        Sample sample;
        qsizetype i = 0;
        while (i < line.size() && line.at(i) != QLatin1Char('{') && line.at(i) != QLatin1Char(' '))
            ++i;
        sample.name = line.left(i);
        if (!metricName.match(sample.name).hasMatch()) {
            problem(QStringLiteral("bad metric name"));
            continue;
        }
        bool ok = true;
        if (i < line.size() && line.at(i) == QLatin1Char('{')) {
            ++i;
            while (ok && i < line.size() && line.at(i) != QLatin1Char('}')) {
                const qsizetype equals = line.indexOf(QLatin1Char('='), i);
                const QString name = equals < 0 ? QString() : line.mid(i, equals - i);
                if (!labelName.match(name).hasMatch() || equals + 1 >= line.size()
                    || line.at(equals + 1) != QLatin1Char('"')) {
                    ok = false;
                    break;
                }
                QString value;
                qsizetype j = equals + 2;
                for (; j < line.size() && line.at(j) != QLatin1Char('"'); ++j) {
                    if (line.at(j) != QLatin1Char('\\')) {
                        value += line.at(j);
                        continue;
                    }
                    const QChar next = j + 1 < line.size() ? line.at(j + 1) : QChar();
                    if (next == QLatin1Char('\\') || next == QLatin1Char('"'))
                        value += next;
                    else if (next == QLatin1Char('n'))
                        value += QLatin1Char('\n');
                    else
                        ok = false; // no other escapes exist
                    ++j;
                }
                if (j >= line.size() || sample.labels.contains(name))
                    ok = false;
                sample.labels.insert(name, value);
                i = j + 1;
                if (i < line.size() && line.at(i) == QLatin1Char(','))
                    ++i;
            }
            if (i >= line.size() || line.at(i) != QLatin1Char('}'))
                ok = false;
            ++i;
        }
        if (!ok || i >= line.size() || line.at(i) != QLatin1Char(' ')) {
            problem(QStringLiteral("bad labels"));
            continue;
        }
        const QStringList rest = line.mid(i + 1).split(QLatin1Char(' '));
        const auto value = parseValue(rest.value(0));
        if (!value || rest.size() > 2) {
            problem(QStringLiteral("bad value"));
            continue;
        }
        sample.value = *value;
        if (familyOf(sample.name, page.m_types) != family || !page.m_types.contains(family))
            problem(QStringLiteral("sample outside its family, or with no TYPE before it"));
        QStringList series{sample.name};
        for (auto label = sample.labels.cbegin(); label != sample.labels.cend(); ++label)
            series << label.key() + QLatin1Char('=') + label.value();
        if (seenSeries.contains(series.join(QLatin1Char('\x1f'))))
            problem(QStringLiteral("series given twice"));
        seenSeries.insert(series.join(QLatin1Char('\x1f')));
        page.m_samples.append(sample);
    }

    // Histograms: buckets cumulative, the +Inf bucket equal to _count.
    for (auto type = page.m_types.cbegin(); type != page.m_types.cend(); ++type) {
        if (type.value() != QLatin1String("histogram"))
            continue;
        double previous = 0;
        std::optional<double> infinite;
        for (const Sample &bucket : page.samples(type.key() + QStringLiteral("_bucket"))) {
            if (bucket.value < previous)
                page.m_problems << type.key() + QStringLiteral(": buckets not cumulative");
            previous = bucket.value;
            if (bucket.labels.value(QStringLiteral("le")) == QLatin1String("+Inf"))
                infinite = bucket.value;
        }
        if (!infinite || infinite != page.value(type.key() + QStringLiteral("_count")))
            page.m_problems << type.key() + QStringLiteral(": no +Inf bucket equal to _count");
    }
    return page;
}

QList<MetricsPage::Sample> MetricsPage::samples(const QString &name) const
{
    QList<Sample> found;
    for (const Sample &sample : m_samples) {
        if (sample.name == name)
            found.append(sample);
    }
    return found;
}

std::optional<double> MetricsPage::value(const QString &name, const QMap<QString, QString> &labels) const
{
    std::optional<double> found;
    for (const Sample &sample : samples(name)) {
        bool matches = true;
        for (auto label = labels.cbegin(); label != labels.cend(); ++label)
            matches
                = matches && sample.labels.value(label.key()) == label.value() && sample.labels.contains(label.key());
        if (!matches)
            continue;
        if (found)
            return std::nullopt;
        found = sample.value;
    }
    return found;
}

QByteArray httpGet(quint16 port, const QByteArray &path, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    });
    // Qt 6.4's QHttpServer keeps the connection open despite "Connection: close": the answer is
    // whole when its Content-Length has arrived.
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        static const QRegularExpression length(QStringLiteral("\r\ncontent-length: *(\\d+)\r\n"),
                                               QRegularExpression::CaseInsensitiveOption);
        const auto match = length.match(QString::fromLatin1(answer.left(end + 2)));
        if (match.hasMatch() && answer.size() - (end + 4) >= match.captured(1).toLongLong())
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    answer += socket.readAll();
    return answer;
}

quint16 announcedMetricsPort(const QByteArray &err)
{
    static const QRegularExpression announcement(QStringLiteral("metrics at https?://127\\.0\\.0\\.1:(\\d+)/metrics"));
    const auto match = announcement.match(QString::fromUtf8(err));
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

QByteArray httpBodyOf(const QByteArray &answer)
{
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    const QByteArray body = answer.mid(end + 4);
    if (!answer.left(end).toLower().contains("\r\ntransfer-encoding: chunked"))
        return body;
    // Go's server (Prometheus) chunks a larger answer: sizes in hex, each on its own line.
    QByteArray joined;
    qsizetype at = 0;
    while (at < body.size()) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        bool ok = false;
        const qsizetype size = lineEnd < 0 ? 0 : body.mid(at, lineEnd - at).split(';').first().toLongLong(&ok, 16);
        if (!ok || size == 0)
            break;
        joined += body.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
    return joined;
}
