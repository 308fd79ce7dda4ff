#include "MaintenanceWindow.h"

#include "endpoint/JsonFieldReader.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace {
const QStringList dayNames{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                           QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};

QTimeZone zoneOf(const QString &name)
{
    return name.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(name.toUtf8());
}
} // namespace

bool MaintenanceWindow::parseWeekly(const QString &text, QList<int> *weekdays, QTime *time, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^\\s*([A-Za-z,\\s]+?)\\s+(\\d{1,2}):(\\d{2})\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch()) {
        *error = QStringLiteral("must be days and a time, as \"Sun 02:00\", \"Mon,Thu 22:30\" or \"daily 03:00\"");
        return false;
    }
    QList<int> days;
    const QString dayText = match.captured(1).trimmed().toLower();
    if (dayText == QLatin1String("daily")) {
        days = {1, 2, 3, 4, 5, 6, 7};
    } else {
        for (const QString &part : dayText.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype index = dayNames.indexOf(part.trimmed().left(3));
            if (index < 0 || part.trimmed().size() < 3) {
                *error = QStringLiteral("\"%1\" is not a day; days are Mon, Tue, Wed, Thu, Fri, Sat, Sun or daily")
                             .arg(part.trimmed());
                return false;
            }
            if (!days.contains(int(index) + 1))
                days.append(int(index) + 1);
        }
    }
    const int hour = match.captured(2).toInt();
    const int minute = match.captured(3).toInt();
    if (days.isEmpty() || hour > 23 || minute > 59) {
        *error = QStringLiteral("must be days and a time from 00:00 to 23:59, as \"Sun 02:00\"");
        return false;
    }
    std::sort(days.begin(), days.end());
    *weekdays = days;
    *time = QTime(hour, minute);
    return true;
}

QString MaintenanceWindow::weeklyText() const
{
    QStringList days;
    for (const int day : weekdays) {
        QString name = dayNames.value(day - 1);
        name[0] = name[0].toUpper();
        days << name;
    }
    const QString dayText = weekdays.size() == 7 ? QStringLiteral("daily") : days.join(QLatin1Char(','));
    return dayText + QLatin1Char(' ') + timeOfDay.toString(QStringLiteral("HH:mm"));
}

std::optional<QDateTime> MaintenanceWindow::parseMoment(const QString &text, const QString &zone)
{
    QDateTime moment = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!moment.isValid())
        return std::nullopt;
    // Without an offset Qt reads local time; the window's own zone wins when it has one.
    if (moment.timeSpec() == Qt::LocalTime && !zone.isEmpty())
        moment = QDateTime(moment.date(), moment.time(), zoneOf(zone));
    return moment.toUTC();
}

QList<QDateTime> MaintenanceWindow::weeklyStartsAround(const QDateTime &time) const
{
    const QTimeZone zone = zoneOf(timeZone);
    const QDate today = time.toTimeZone(zone).date();
    QList<QDateTime> starts;
    for (int offset = -8; offset <= 8; ++offset) {
        const QDate day = today.addDays(offset);
        if (weekdays.contains(day.dayOfWeek()))
            starts << QDateTime(day, timeOfDay, zone).toUTC();
    }
    return starts;
}

bool MaintenanceWindow::isOpenAt(const QDateTime &time) const
{
    if (!isWeekly())
        return start.isValid() && end.isValid() && start <= time && time < end;
    const qint64 length = qint64(durationMin) * 60;
    for (const QDateTime &opens : weeklyStartsAround(time)) {
        if (opens <= time && time < opens.addSecs(length))
            return true;
    }
    return false;
}

std::optional<QDateTime> MaintenanceWindow::nextChangeAfter(const QDateTime &time) const
{
    QList<QDateTime> changes;
    if (!isWeekly()) {
        changes = {start, end};
    } else {
        for (const QDateTime &opens : weeklyStartsAround(time))
            changes << opens << opens.addSecs(qint64(durationMin) * 60);
    }
    std::optional<QDateTime> next;
    for (const QDateTime &change : std::as_const(changes)) {
        if (change.isValid() && change > time && (!next || change < *next))
            next = change;
    }
    return next;
}

MaintenanceWindow MaintenanceWindow::read(JsonFieldReader &fields)
{
    MaintenanceWindow window;
    window.source = fields.object();
    fields.string(QStringLiteral("name"), &window.name);
    window.filter.read(fields);
    if (fields.string(QStringLiteral("time_zone"), &window.timeZone) && !window.timeZone.isEmpty()
        && !QTimeZone::isTimeZoneIdAvailable(window.timeZone.toUtf8()))
        fields.problem(QStringLiteral("time_zone"), QStringLiteral("is not a time zone this system knows"));
    const bool weekly = fields.has(QStringLiteral("weekly"));
    const bool oneOff = fields.has(QStringLiteral("start"));
    const bool hasDuration = fields.has(QStringLiteral("duration_min"));
    fields.integer(durationSetting, &window.durationMin);
    if (weekly == oneOff) {
        fields.problem(QStringLiteral("weekly"),
                       QStringLiteral("a maintenance window needs either \"weekly\" (as \"Sun 02:00\") or \"start\""));
    } else if (weekly) {
        QString text;
        QString error;
        if (fields.string(QStringLiteral("weekly"), &text)
            && !parseWeekly(text, &window.weekdays, &window.timeOfDay, &error))
            fields.problem(QStringLiteral("weekly"), error);
        if (!hasDuration)
            fields.problem(QStringLiteral("duration_min"),
                           QStringLiteral("a weekly window needs its length in minutes"));
        if (fields.has(QStringLiteral("end")))
            fields.problem(QStringLiteral("end"), QStringLiteral("a weekly window has duration_min, not an end"));
    } else {
        QString text;
        if (fields.string(QStringLiteral("start"), &text)) {
            if (const auto moment = parseMoment(text, window.timeZone))
                window.start = *moment;
            else
                fields.problem(QStringLiteral("start"),
                               QStringLiteral("must be a date and time, as \"2026-12-24T22:00:00Z\""));
        }
        const bool hasEnd = fields.has(QStringLiteral("end"));
        if (hasEnd == hasDuration)
            fields.problem(QStringLiteral("end"),
                           QStringLiteral("a one-off window needs either \"end\" or \"duration_min\""));
        if (hasEnd && fields.string(QStringLiteral("end"), &text)) {
            if (const auto moment = parseMoment(text, window.timeZone))
                window.end = *moment;
            else
                fields.problem(QStringLiteral("end"),
                               QStringLiteral("must be a date and time, as \"2026-12-25T02:00:00Z\""));
            if (window.start.isValid() && window.end.isValid() && window.end <= window.start)
                fields.problem(QStringLiteral("end"), QStringLiteral("must be after start"));
        } else if (hasDuration && window.start.isValid()) {
            window.end = window.start.addSecs(qint64(window.durationMin) * 60);
        }
    }
    fields.collectUnknownKeys();
    return window;
}

QJsonObject MaintenanceWindow::write() const
{
    QJsonObject object = source;
    if (name.isEmpty())
        object.remove(QStringLiteral("name"));
    else
        object.insert(QStringLiteral("name"), name);
    filter.write(object);
    if (timeZone.isEmpty())
        object.remove(QStringLiteral("time_zone"));
    else
        object.insert(QStringLiteral("time_zone"), timeZone);
    // A moment or a schedule keeps the text it was written with while it still means the same.
    const auto keep = [&](const QString &key, const QString &text, const auto &same) {
        if (!same(source.value(key).toString()))
            object.insert(key, text);
    };
    if (isWeekly()) {
        object.remove(QStringLiteral("start"));
        object.remove(QStringLiteral("end"));
        keep(QStringLiteral("weekly"), weeklyText(), [&](const QString &old) {
            QList<int> days;
            QTime time;
            QString error;
            return parseWeekly(old, &days, &time, &error) && days == weekdays && time == timeOfDay;
        });
        object.insert(durationSetting.jsonKey(), durationMin);
    } else {
        object.remove(QStringLiteral("weekly"));
        keep(QStringLiteral("start"), start.toString(Qt::ISODate),
             [&](const QString &old) { return parseMoment(old, timeZone) == start; });
        if (source.contains(durationSetting.jsonKey()) && start.addSecs(qint64(durationMin) * 60) == end) {
            object.insert(durationSetting.jsonKey(), durationMin);
            object.remove(QStringLiteral("end"));
        } else {
            object.remove(durationSetting.jsonKey());
            keep(QStringLiteral("end"), end.toString(Qt::ISODate),
                 [&](const QString &old) { return parseMoment(old, timeZone) == end; });
        }
    }
    return object;
}
