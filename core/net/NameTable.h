#pragma once

#include <QString>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

// The names of an enum's values, as a constexpr table of pairs: the one lookup both ways for every
// enum whose names are part of a file format or an output (error kinds, probe kinds, IP families…).
template<typename Enum, std::size_t N> using NameTable = std::array<std::pair<Enum, const char *>, N>;

template<typename Enum, std::size_t N> QString nameIn(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueIn(const NameTable<Enum, N> &table, const QString &name,
                            Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    for (const auto &[candidate, text] : table) {
        if (name.compare(QLatin1String(text), cs) == 0)
            return candidate;
    }
    return std::nullopt;
}
