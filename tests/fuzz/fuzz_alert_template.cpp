// AlertTemplate::render, the webhook bodies, header values and command arguments a profile's alert
// channels write, filled with what endpoints and servers say (names from shared profiles, error
// messages from hostile servers). The input is a template and then values, cut at 0x1f. What
// docs/alerts.md promises, checked on every input:
// - a JSON body that is a valid document with plain values stays a valid document, with the same
//   strings, whatever the values hold: a name like `a", "x": "y` cannot add a key;
// - a header value gets no line break or control character from a value, so nothing adds a header;
// - a field alone renders as escaped() says, and an unknown field is one the template names.
#include "FuzzSupport.h"
#include "alert/AlertTemplate.h"

#include <QJsonDocument>

#include <algorithm>

namespace {

// The quotes that open or close a JSON string (those not escaped by a backslash): a value that broke
// out of its string would add some.
// Whether every backslash starts an escape RFC 8259 allows. Qt's parser also takes "\x" (as "x"), and
// reads only one byte after a backslash: a template with "\{field}" (not JSON, but read as such by Qt with
// plain values) broke on a value that starts with a multibyte character. Only real JSON is held to the
// promise.
bool hasOnlyJsonEscapes(const QString &json)
{
    for (qsizetype i = 0; i < json.size(); ++i) {
        if (json.at(i) != QLatin1Char('\\'))
            continue;
        if (++i >= json.size() || !QStringLiteral("\"\\/bfnrtu").contains(json.at(i)))
            return false;
    }
    return true;
}

qsizetype stringQuotes(const QString &json)
{
    qsizetype quotes = 0;
    qsizetype backslashes = 0;
    for (const QChar c : json) {
        if (c == QLatin1Char('"') && backslashes % 2 == 0)
            ++quotes;
        backslashes = c == QLatin1Char('\\') ? backslashes + 1 : 0;
    }
    return quotes;
}

bool hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Fuzz::Fields input(data, size);
    const QString text = input.nextText();
    const QString detail = Fuzz::shown(data, size);

    // Every field but the raw JSON one gets a value from the input; the rest stay as written.
    QHash<QString, QString> hostile;
    QHash<QString, QString> plain;
    for (const QString &name : AlertTemplate::fieldNames()) {
        if (AlertTemplate::isRawJsonField(name))
            continue;
        hostile.insert(name, input.nextText());
        plain.insert(name, QStringLiteral("x"));
    }

    const QString plainBody = AlertTemplate::render(text, plain, AlertTemplate::Escape::Json);
    if (hasOnlyJsonEscapes(plainBody) && !QJsonDocument::fromJson(plainBody.toUtf8()).isNull()) {
        QJsonParseError error{};
        const QString body = AlertTemplate::render(text, hostile, AlertTemplate::Escape::Json);
        FUZZ_CHECK(!QJsonDocument::fromJson(body.toUtf8(), &error).isNull(),
                   detail + QStringLiteral(" -> ") + body + QStringLiteral(": ") + error.errorString());
        FUZZ_CHECK(stringQuotes(body) == stringQuotes(plainBody), detail + QStringLiteral(" -> ") + body);
    }

    if (!hasControl(text)) {
        const QString header = AlertTemplate::render(text, hostile, AlertTemplate::Escape::Header);
        FUZZ_CHECK(!hasControl(header), detail + QStringLiteral(" -> ") + header);
    }

    const QString value = hostile.value(QStringLiteral("endpoint"));
    const QHash<QString, QString> one{{QStringLiteral("endpoint"), value}};
    for (const auto escape :
         {AlertTemplate::Escape::None, AlertTemplate::Escape::Json, AlertTemplate::Escape::Header}) {
        FUZZ_CHECK(AlertTemplate::render(QStringLiteral("{endpoint}"), one, escape)
                       == AlertTemplate::escaped(value, escape),
                   detail);
    }
    FUZZ_CHECK(AlertTemplate::render(text, hostile, AlertTemplate::Escape::None).size()
                   <= text.size() + text.count(QLatin1Char('{')) * qsizetype(size),
               detail);

    const QStringList known = AlertTemplate::fieldNames();
    for (const QString &name : AlertTemplate::unknownFields(text)) {
        FUZZ_CHECK(!known.contains(name), detail + QStringLiteral(": ") + name);
        FUZZ_CHECK(text.contains(QLatin1Char('{') + name + QLatin1Char('}')), detail + QStringLiteral(": ") + name);
    }
    return 0;
}
