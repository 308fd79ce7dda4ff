#include "AlertFixtures.h"

QByteArray AlertFixtures::issueShape()
{
    return R"({
  "pingscope_profile": 1,
  "endpoints": [ { "target": "https://api.example.com/health", "tags": ["prod"] } ],
  "alerts": {
    "channels": [
      { "name": "ops",  "type": "webhook", "url": "https://hooks.example.com/pingscope" },
      { "name": "team", "type": "apprise", "url": "ntfys://ntfy.example.com/pingscope" },
      { "name": "log",  "type": "command", "command": ["/usr/bin/logger", "-t", "pingscope"] }
    ],
    "rules": [ { "channels": ["ops", "team"], "events": ["down", "recovered"], "tags": ["prod"] } ],
    "maintenance": [ { "tags": ["prod"], "weekly": "Sun 02:00", "duration_min": 60 } ]
  }
})";
}

QList<std::tuple<const char *, QByteArray, QString>> AlertFixtures::badAlerts()
{
    return {
        {"not an object", QByteArray("[]"), QStringLiteral("alerts: must be an object")},
        {"channels not a list", QByteArray(R"({"channels": {}})"),
         QStringLiteral("alerts.channels: must be a list of channels")},
        {"no name", QByteArray(R"({"channels": [{"type": "desktop"}]})"),
         QStringLiteral("alerts.channels[0].name: is missing")},
        {"bad type", QByteArray(R"({"channels": [{"name": "a", "type": "pager"}]})"),
         QStringLiteral("alerts.channels[0].type: must be webhook, apprise, command or desktop")},
        {"no url", QByteArray(R"({"channels": [{"name": "a", "type": "webhook"}]})"),
         QStringLiteral("alerts.channels[0].url: is missing")},
        {"webhook not http", QByteArray(R"({"channels": [{"name": "a", "type": "webhook", "url": "ftp://x/y"}]})"),
         QStringLiteral("alerts.channels[0].url: must be an http:// or https:// URL")},
        {"apprise not a url", QByteArray(R"({"channels": [{"name": "a", "type": "apprise", "url": "x"}]})"),
         QStringLiteral("alerts.channels[0].url: must be an Apprise URL")},
        {"no command", QByteArray(R"({"channels": [{"name": "a", "type": "command"}]})"),
         QStringLiteral("alerts.channels[0].command: is missing")},
        {"empty command", QByteArray(R"({"channels": [{"name": "a", "type": "command", "command": []}]})"),
         QStringLiteral("alerts.channels[0].command: must name a program")},
        {"key of another type",
         QByteArray(R"({"channels": [{"name": "a", "type": "command", "command": ["x"], "url": "http://h/"}]})"),
         QStringLiteral("alerts.channels[0].url: only webhook and apprise channels take \"url\"")},
        {"same name twice",
         QByteArray(R"({"channels": [{"name": "a", "type": "desktop"}, {"name": "a", "type": "desktop"}]})"),
         QStringLiteral("alerts.channels[1].name: another channel has this name")},
        {"unknown field",
         QByteArray(
             R"({"channels": [{"name": "a", "type": "webhook", "url": "http://h/", "body": "{\"t\": \"{endpont}\"}"}]})"),
         QStringLiteral("alerts.channels[0].body: {endpont} is not a field")},
        {"unknown field in an argument",
         QByteArray(R"({"channels": [{"name": "a", "type": "command", "command": ["x", "{nope}"]}]})"),
         QStringLiteral("alerts.channels[0].command[1]: {nope} is not a field")},
        {"header with a line break",
         QByteArray(
             R"({"channels": [{"name": "a", "type": "webhook", "url": "http://h/", "headers": {"X": "a\nb"}}]})"),
         QStringLiteral("alerts.channels[0].headers.X: must be a one-line string")},
        {"secret used, not kept",
         QByteArray(R"({"channels": [{"name": "a", "type": "apprise", "url": "tgram://{secret}/1"}]})"),
         QStringLiteral("alerts.channels[0].secret: uses {secret}")},
        {"secret env not a name",
         QByteArray(
             R"({"channels": [{"name": "a", "type": "apprise", "url": "tgram://{secret}/1", "secret": {"env": "A B"}}]})"),
         QStringLiteral("alerts.channels[0].secret.env: must be the name of an environment variable")},
        {"timeout too long", QByteArray(R"({"channels": [{"name": "a", "type": "desktop", "timeout_s": 9999}]})"),
         QStringLiteral("alerts.channels[0].timeout_s: must be at most 600 s")},
        {"rule without channels", QByteArray(R"({"rules": [{}]})"),
         QStringLiteral("alerts.rules[0].channels: is missing")},
        {"rule names no channel",
         QByteArray(R"({"channels": [{"name": "ops", "type": "desktop"}], "rules": [{"channels": ["ops", "opz"]}]})"),
         QStringLiteral("alerts.rules[0].channels[1]: no channel is named \"opz\"")},
        {"bad event", QByteArray(R"({"rules": [{"channels": [], "events": ["down", "exploded"]}]})"),
         QStringLiteral("alerts.rules[0].events[1]: \"exploded\" is not an event")},
        {"reminder zero", QByteArray(R"({"rules": [{"channels": [], "remind_every_min": 0}]})"),
         QStringLiteral("alerts.rules[0].remind_every_min: must be a whole number from 1")},
        {"bad weekly", QByteArray(R"({"maintenance": [{"weekly": "Sunday at two", "duration_min": 60}]})"),
         QStringLiteral("alerts.maintenance[0].weekly: must be days and a time")},
        {"bad day", QByteArray(R"({"maintenance": [{"weekly": "Sun,Xyz 02:00", "duration_min": 60}]})"),
         QStringLiteral("alerts.maintenance[0].weekly: \"xyz\" is not a day")},
        {"weekly without length", QByteArray(R"({"maintenance": [{"weekly": "Sun 02:00"}]})"),
         QStringLiteral("alerts.maintenance[0].duration_min: a weekly window needs")},
        {"neither weekly nor start", QByteArray(R"({"maintenance": [{"duration_min": 5}]})"),
         QStringLiteral("alerts.maintenance[0].weekly: a maintenance window needs")},
        {"end before start",
         QByteArray(R"({"maintenance": [{"start": "2026-12-02T00:00:00Z", "end": "2026-12-01T00:00:00Z"}]})"),
         QStringLiteral("alerts.maintenance[0].end: must be after start")},
        {"bad start", QByteArray(R"({"maintenance": [{"start": "tomorrow", "duration_min": 5}]})"),
         QStringLiteral("alerts.maintenance[0].start: must be a date and time")},
        {"bad zone",
         QByteArray(R"({"maintenance": [{"weekly": "Sun 02:00", "duration_min": 5, "time_zone": "Mars/Olympus"}]})"),
         QStringLiteral("alerts.maintenance[0].time_zone: is not a time zone")},
        {"group too long", QByteArray(R"({"group_s": 601})"), QStringLiteral("alerts.group_s: must be at most 600 s")},
    };
}

QByteArray AlertFixtures::alertsWithUnknownKeys()
{
    return R"({
            "future": 1,
            "channels": [ { "name": "ops", "type": "webhook", "url": "https://h.example/x", "colour": "red",
                            "secret": { "env": "OPS_TOKEN", "vault": "x" }, "headers": { "X-Token": "{secret}" } } ],
            "rules": [ { "channels": ["ops"], "priority": 3 } ],
            "maintenance": [ { "start": "2026-12-24T22:00:00Z", "end": "2026-12-25T02:00:00Z", "reason": "xmas" } ]
        })";
}

QByteArray AlertFixtures::profileWithoutAlerts()
{
    return R"({"pingscope_profile": 1, "endpoints": []})";
}

QByteArray AlertFixtures::webhookChannelToRetype()
{
    return R"({"channels": [{"name": "a", "type": "webhook", "url": "http://h/", "method": "PUT", "retries": 4}]})";
}

QByteArray AlertFixtures::twoMaintenanceWindows()
{
    return R"({"maintenance": [
            {"start": "2026-12-24T22:00:00Z", "duration_min": 240, "endpoints": ["db"]},
            {"weekly": "Sun 02:00", "duration_min": 60, "time_zone": "UTC", "tags": ["prod"]}
        ]})";
}
