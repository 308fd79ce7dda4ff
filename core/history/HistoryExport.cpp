#include "HistoryExport.h"

#include "HistoryReader.h"
#include "HistoryText.h"

HistoryExport::Outcome HistoryExport::write(HistoryReader &reader, const QStringList &keys, HistoryRange range,
                                            Format format, const Sink &sink)
{
    Outcome outcome;
    const bool csv = format == Format::Csv;
    // Large pieces: a write per row would cost more than making the rows.
    constexpr qsizetype pieceBytes = 1 << 16;
    QByteArray buffer;
    buffer.reserve(2 * pieceBytes);
    if (csv)
        buffer += HistoryText::csvHeader();
    QString lastKey;
    HistoryText::EndpointFields fields;
    reader.forEachPoint(keys, range, [&](const HistoryEndpoint &endpoint, const HistoryPoint &point) {
        if (endpoint.key != lastKey) {
            lastKey = endpoint.key;
            fields = HistoryText::endpointFields(endpoint);
        }
        if (csv)
            HistoryText::appendCsvRow(buffer, fields, point);
        else
            HistoryText::appendJsonRow(buffer, fields, point);
        ++outcome.rows;
        if (buffer.size() > pieceBytes) {
            outcome.stopped = !sink(buffer);
            buffer.clear();
        }
        return !outcome.stopped;
    });
    if (!outcome.stopped && !buffer.isEmpty())
        outcome.stopped = !sink(buffer);
    outcome.error = reader.lastError();
    return outcome;
}
