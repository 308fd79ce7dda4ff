#include "JsonFieldReader.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace {
QString formatNumber(double value)
{
    return QString::number(value, 'g', 10);
}
} // namespace

JsonFieldReader::JsonFieldReader(QJsonObject object, QString path, QStringList *problems, QStringList *unknownKeys)
    : m_object(std::move(object)), m_path(std::move(path)), m_problems(problems), m_unknownKeys(unknownKeys)
{ }

JsonFieldReader JsonFieldReader::nested(const QString &key, QJsonObject object) const
{
    return JsonFieldReader(std::move(object), pathOf(key), m_problems, m_unknownKeys);
}

QString JsonFieldReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonFieldReader::problem(const QString &key, const QString &what)
{
    *m_problems << QStringLiteral("%1: %2 (got %3)").arg(pathOf(key), what, describe(m_object.value(key)));
}

bool JsonFieldReader::has(const QString &key)
{
    m_known << key;
    return m_object.contains(key);
}

void JsonFieldReader::number(const Setting<double> &setting, double *out)
{
    const QString key = setting.jsonKey();
    if (!has(key))
        return;
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < setting.minimum)
        return problem(key, QStringLiteral("must be a number ≥ %1").arg(formatNumber(setting.minimum)));
    *out = value.toDouble();
}

void JsonFieldReader::number(const Setting<double> &setting, std::optional<double> *out)
{
    double value = 0;
    const qsizetype before = m_problems->size();
    if (!has(setting.jsonKey()))
        return;
    number(setting, &value);
    if (m_problems->size() == before)
        *out = value;
}

void JsonFieldReader::integer(const QString &key, int min, int max, int *out)
{
    if (!has(key))
        return;
    const QJsonValue value = m_object.value(key);
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!value.isDouble() || number != std::floor(number) || number < min || number > max) {
        return problem(key,
                       max == std::numeric_limits<int>::max()
                           ? QStringLiteral("must be a whole number ≥ %1").arg(min)
                           : QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
    }
    *out = static_cast<int>(number);
}

void JsonFieldReader::integer(const Setting<int> &setting, int *out)
{
    integer(setting.jsonKey(), setting.minimum, setting.maximum, out);
}

void JsonFieldReader::integer(const Setting<int> &setting, std::optional<int> *out)
{
    int value = 0;
    const qsizetype before = m_problems->size();
    if (!has(setting.jsonKey()))
        return;
    integer(setting, &value);
    if (m_problems->size() == before)
        *out = value;
}

void JsonFieldReader::integer64(const Setting<qint64> &setting, qint64 *out)
{
    const QString key = setting.jsonKey();
    if (!has(key))
        return;
    const QJsonValue value = m_object.value(key);
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    // JSON numbers are doubles: beyond 2^53 they are no longer whole numbers one can trust.
    if (!value.isDouble() || number != std::floor(number) || number < double(setting.minimum) || number > 9.0e15)
        return problem(key, QStringLiteral("must be a whole number ≥ %1").arg(setting.minimum));
    *out = static_cast<qint64>(number);
}

void JsonFieldReader::boolean(const QString &key, bool *out)
{
    if (!has(key))
        return;
    const QJsonValue value = m_object.value(key);
    if (!value.isBool())
        return problem(key, QStringLiteral("must be true or false"));
    *out = value.toBool();
}

bool JsonFieldReader::string(const QString &key, QString *out)
{
    if (!has(key))
        return false;
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        problem(key, QStringLiteral("must be a string"));
        return false;
    }
    *out = value.toString();
    return true;
}

void JsonFieldReader::stringList(const QString &key, QStringList *out)
{
    if (!has(key))
        return;
    const QJsonValue value = m_object.value(key);
    QStringList list;
    bool ok = value.isArray();
    const QJsonArray items = value.toArray(); // const: a non-const begin() would copy the array first
    for (const auto &item : items) {
        ok = ok && item.isString();
        list << item.toString();
    }
    if (!ok)
        return problem(key, QStringLiteral("must be a list of strings"));
    *out = list;
}

std::optional<QJsonObject> JsonFieldReader::object(const QString &key)
{
    if (!has(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        problem(key, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return value.toObject();
}

void JsonFieldReader::ipFamily(const QString &key, IpFamily *out)
{
    if (!has(key))
        return;
    const QJsonValue value = m_object.value(key);
    const QString text = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    const auto family = ipFamilyFromName(text);
    if (!family)
        return problem(key, QStringLiteral("must be \"any\", 4 or 6"));
    *out = *family;
}

void JsonFieldReader::collectUnknownKeys() const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_known.contains(it.key()))
            *m_unknownKeys << pathOf(it.key());
    }
}

QString JsonFieldReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}
