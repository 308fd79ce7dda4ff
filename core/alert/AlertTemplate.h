#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// The templates of webhook bodies, headers and command arguments: text with fields in braces,
// "{endpoint} is {status}". A brace that does not open a field name ("{\"text\": …") is text, so
// JSON bodies need no escaping of their own. Pure functions, so they can be fuzzed.
namespace AlertTemplate {

enum class Escape {
    None, // the value as it is (command arguments: each is one argument whatever it holds)
    Json, // inside a JSON string: quotes, backslashes and control characters escaped
    Header, // one line: line breaks and other control characters become spaces
};

// Every field a template may use, in the order the documentation lists them.
QStringList fieldNames();
// Fields named in text that are not fields; a template with any is refused when read.
QStringList unknownFields(const QString &text);
// "{name}" where name is 1 to 32 of [a-z_]; doubled braces are not special.
QString render(const QString &text, const QHash<QString, QString> &fields, Escape escape);
// A value escaped as render would escape it.
QString escaped(const QString &value, Escape escape);
// Fields inserted as they are, whatever the escape: JSON the engine made itself ("events").
bool isRawJsonField(const QString &name);

} // namespace AlertTemplate
