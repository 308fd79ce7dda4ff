#pragma once

#include "HistoryTypes.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

class HistoryReader;

// The rows of `pingscope history export` and of the window's export, written once: a header row for
// CSV, then every stored result of the keys (all when empty) in range, endpoint by endpoint, in
// time order (columns in HistoryText). Synchronous: run it where blocking on the file is fine.
namespace HistoryExport {

enum class Format { Csv, Json };

struct Outcome
{
    qint64 rows = 0;
    bool stopped = false; // the sink refused a write (disk full, closed pipe) or asked to stop
    HistoryError error; // of the reader
};

// sink receives the text in pieces of about 64 KB; returning false stops the export.
using Sink = std::function<bool(const QByteArray &)>;
Outcome write(HistoryReader &reader, const QStringList &keys, HistoryRange range, Format format, const Sink &sink);

} // namespace HistoryExport
