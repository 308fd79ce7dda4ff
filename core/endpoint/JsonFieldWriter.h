#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// Writing a profile back: a value is written when the object it came from had the key, or when it
// differs from what a reader would assume without it, so a file keeps its own shape and a setting
// that merely repeats a default does not pin it.
namespace JsonFieldWriter {
template<typename T> void put(QJsonObject &object, const QString &key, const T &value, const T &implied)
{
    if (object.contains(key) || value != implied)
        object.insert(key, QJsonValue(value));
}

// An unset optional removes the key.
template<typename T>
void putOptional(QJsonObject &object, const QString &key, const std::optional<T> &value,
                 const std::optional<T> &implied)
{
    if (!value)
        object.remove(key);
    else if (object.contains(key) || value != implied)
        object.insert(key, QJsonValue(*value));
}

// An options object is written when it says anything, or when the source had one.
inline void putSection(QJsonObject &object, const QString &key, const QJsonObject &section)
{
    if (!section.isEmpty() || object.contains(key))
        object.insert(key, section);
}
} // namespace JsonFieldWriter
