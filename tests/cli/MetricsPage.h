#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// A strict reader of the Prometheus text exposition format (0.0.4), for checking pingscope's
// /metrics page: every line must be a HELP, a TYPE or a well-formed sample of the family declared
// just before it, label values escaped as the format says, no series twice, histograms cumulative.
class MetricsPage
{
public:
    struct Sample
    {
        QString name;
        QMap<QString, QString> labels; // unescaped
        double value = 0;
    };

    static MetricsPage parse(const QByteArray &text);

    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }
    QMap<QString, QString> types() const { return m_types; } // family -> counter, gauge, histogram…
    QList<Sample> samples(const QString &name) const;
    // The one sample of name whose labels include all of these; nothing if none or several.
    std::optional<double> value(const QString &name, const QMap<QString, QString> &labels = {}) const;

private:
    QList<Sample> m_samples;
    QMap<QString, QString> m_types;
    QMap<QString, QString> m_help;
    QStringList m_problems;
};

// GET path from 127.0.0.1:port; the whole answer (status line, headers, body), or empty on failure.
QByteArray httpGet(quint16 port, const QByteArray &path, int timeoutMs = 5000);

// The port of "pingscope watch: metrics at http(s)://127.0.0.1:PORT/metrics" on stderr, or 0.
quint16 announcedMetricsPort(const QByteArray &err);

// The body of a whole HTTP answer, after its headers.
QByteArray httpBodyOf(const QByteArray &answer);
