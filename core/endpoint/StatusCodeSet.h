#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// The HTTP status codes an endpoint accepts, written as in "200-299,301".
class StatusCodeSet
{
public:
    StatusCodeSet(); // 200-399, what a browser ends up showing as a page
    static std::optional<StatusCodeSet> parse(const QString &text, QString *error = nullptr);

    bool contains(int status) const;
    QString toString() const;

    friend bool operator==(const StatusCodeSet &, const StatusCodeSet &) = default;

private:
    QList<std::pair<int, int>> m_ranges; // inclusive
};
