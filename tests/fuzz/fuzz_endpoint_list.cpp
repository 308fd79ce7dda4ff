// EndpointListParser, for lists pasted from a wiki page or a hosts file. Beyond not crashing: lines
// come back in order with their right numbers, each either a target or an error naming its line,
// and the targets are the ones Target::parse gives for the same text.

#include "FuzzSupport.h"
#include "endpoint/EndpointListParser.h"

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = Fuzz::text(data, size);
    const QList<EndpointListParser::Line> lines = EndpointListParser::parse(text);
    const qsizetype lineCount = text.split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r"))).size();
    int previous = 0;
    qsizetype valid = 0;
    for (const EndpointListParser::Line &line : lines) {
        FUZZ_CHECK(line.number > previous && line.number <= lineCount, QString::number(line.number));
        previous = line.number;
        FUZZ_CHECK(!line.text.isEmpty() && line.text == line.text.trimmed(), line.text);
        FUZZ_CHECK(line.isValid() == line.error.isEmpty(), line.error);
        if (!line.isValid()) {
            FUZZ_CHECK(line.error.startsWith(QStringLiteral("line %1: ").arg(line.number)), line.error);
            continue;
        }
        ++valid;
        const auto again = Target::parse(line.text);
        FUZZ_CHECK(again && Fuzz::sameTarget(*again, *line.target), line.text);
    }
    const QList<Endpoint> endpoints = EndpointListParser::endpoints(lines, Endpoint{});
    FUZZ_CHECK(endpoints.size() == valid, text);
    return 0;
}
