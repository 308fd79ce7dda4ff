#pragma once

#include "Setting.h"
#include "net/IpFamily.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// Reads typed fields of one JSON object of a profile and records every problem with its JSON path
// ("endpoints[1].interval_s: must be a number ≥ 0.5 (got "fast")"). Every key asked for is known;
// collectUnknownKeys() reports the others, which a profile keeps and writes back.
class JsonFieldReader final
{
public:
    JsonFieldReader(QJsonObject object, QString path, QStringList *problems, QStringList *unknownKeys);

    // A reader of an object nested under key, sharing this one's problem and unknown-key lists.
    JsonFieldReader nested(const QString &key, QJsonObject object) const;

    const QJsonObject &object() const { return m_object; }
    QString pathOf(const QString &key) const; // "endpoints[1].http.method"
    QStringList *problems() const { return m_problems; }

    void problem(const QString &key, const QString &what); // "path: what (got value)"
    bool has(const QString &key); // marks the key as known

    void number(const Setting<double> &setting, double *out); // at least the setting's minimum
    void number(const Setting<double> &setting, std::optional<double> *out);
    void integer(const Setting<int> &setting, int *out); // within the setting's limits
    void integer(const Setting<int> &setting, std::optional<int> *out);
    void integer64(const Setting<qint64> &setting, qint64 *out); // at least the setting's minimum
    void integer(const QString &key, int min, int max, int *out);
    void boolean(const QString &key, bool *out);
    bool string(const QString &key, QString *out); // true when the key held a string
    void stringList(const QString &key, QStringList *out);
    std::optional<QJsonObject> object(const QString &key);
    void ipFamily(const QString &key, IpFamily *out);

    // Call last: every key no reader asked for is reported as unknown.
    void collectUnknownKeys() const;

    // How a value looks in a problem message: strings quoted, containers named.
    static QString describe(const QJsonValue &value);

private:
    QJsonObject m_object;
    QString m_path;
    QStringList *m_problems;
    QStringList *m_unknownKeys;
    QStringList m_known;
};
