#pragma once

#include "history/HistoryExport.h"

#include <QCoroTask>
#include <QString>
#include <QStringList>

class HistoryStore;

// The window's export: the rows of `pingscope history export` (HistoryExport) for some endpoints
// and a range, into a file, on a worker thread with a reader of its own; the window awaits it.
namespace HistoryFileExport {

struct Request
{
    QStringList keys; // empty = every endpoint
    HistoryRange range;
    HistoryExport::Format format = HistoryExport::Format::Csv;
    QString destination;
};

struct Result
{
    qint64 rows = 0;
    QString error; // for the user; empty when it worked
};

// Flushes store first, so what was recorded before the call is in the file exported from path.
QCoro::Task<Result> run(HistoryStore *store, QString historyPath, Request request);
Result write(const QString &historyPath, const Request &request); // synchronous: the worker's part

} // namespace HistoryFileExport
