#include "HistoryFileExport.h"

#include "history/HistoryReader.h"
#include "history/HistoryStore.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QPointer>
#include <QSaveFile>
#include <QtConcurrent>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("HistoryFileExport", text);
}
} // namespace

HistoryFileExport::Result HistoryFileExport::write(const QString &historyPath, const Request &request)
{
    Result result;
    HistoryError error;
    auto reader = HistoryReader::open(historyPath, nullptr, &error);
    if (!reader) {
        result.error = error.message;
        return result;
    }
    // Written whole or not at all: a failed export leaves no half file behind.
    QSaveFile file(request.destination);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write %1: %2").arg(request.destination, file.errorString());
        return result;
    }
    const auto outcome
        = HistoryExport::write(*reader, request.keys, request.range, request.format,
                               [&file](const QByteArray &piece) { return file.write(piece) == piece.size(); });
    result.rows = outcome.rows;
    if (outcome.error)
        result.error = outcome.error.message;
    else if (outcome.stopped || !file.commit())
        result.error = tr("Cannot write %1: %2").arg(request.destination, file.errorString());
    return result;
}

QCoro::Task<HistoryFileExport::Result> HistoryFileExport::run(HistoryStore *store, QString historyPath, Request request)
{
    QPointer<HistoryStore> alive(store);
    if (alive)
        co_await alive->flush();
    Result result = co_await QtConcurrent::run(&HistoryFileExport::write, historyPath, request);
    co_return result;
}
