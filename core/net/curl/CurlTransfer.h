#pragma once

#include "net/NetPhase.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <curl/curl.h>

#include <coroutine>
#include <utility>

class CurlMulti;

// One easy handle, its callbacks and what they collect (the body of the last response, its status
// line), awaited through untilFinished(). finished() is emitted exactly once per started transfer,
// and never from inside start() or abort(), so a coroutine can start, then co_await it:
//
//     transfer->start(multi);
//     co_await transfer->untilFinished();
//
// It is never emitted from inside a libcurl callback either, so a receiver may call anything on
// the transfer or its multi. Delete a transfer with deleteLater(): the await resumes right after
// finished(), from the same call, and the emitter must outlive its own emission.
class CurlTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlTransfer)

public:
    explicit CurlTransfer(QObject *parent = nullptr);
    ~CurlTransfer() override;

    // Valid for the transfer's whole life: set options before start(), read CURLINFO_* after.
    CURL *handle() const { return m_easy; }
    // The header lines ("Name: value") to send; owned by the transfer.
    void setHeaders(const QList<QByteArray> &lines);
    // Bodies larger than this end the transfer with CURLE_WRITE_ERROR and bodyLimitExceeded().
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    // Reports the phase the transfer is in through phaseChanged(), for https with a TLS phase.
    void setTracksTls(bool tls) { m_tracksTls = tls; }

    void start(CurlMulti *multi);
    // Stops the transfer: its connection is closed and finished() follows from the event loop with
    // CURLE_ABORTED_BY_CALLBACK, unless it finished already. Safe at any time, even from a callback.
    void abort();

    // An awaitable that resumes its coroutine right after finished() (at once if it was emitted
    // already). Written here rather than QCoro's qCoro(transfer, &CurlTransfer::finished), which costs
    // two coroutine frames, a connection and a queued call for every probe; one awaiter at a time.
    struct FinishedAwaiter
    {
        CurlTransfer *transfer;
        bool await_ready() const noexcept { return transfer->m_finished; }
        void await_suspend(std::coroutine_handle<> awaiting) const noexcept { transfer->m_awaiting = awaiting; }
        void await_resume() const noexcept { }
    };
    FinishedAwaiter untilFinished() { return FinishedAwaiter{this}; }

    bool isFinished() const { return m_finished; }
    CURLcode result() const { return m_result; }
    bool wasAborted() const { return m_aborted; }
    bool bodyLimitExceeded() const { return m_bodyLimitExceeded; }
    const QByteArray &body() const { return m_body; } // of the last response only, when redirected
    QByteArray reasonPhrase() const { return m_reason; } // of the last status line; empty for HTTP/2
    bool headersComplete() const { return m_headersComplete; } // of the last answer
    QString errorText() const; // curl's error buffer, else curl_easy_strerror(result())

    // The reason phrase of a status line as a server sends it ("HTTP/1.1 404 Not Found\r\n"); empty if none.
    static QByteArray reasonPhraseOf(const QByteArray &statusLine);

signals:
    void finished();
    void phaseChanged(NetPhase phase);

private:
    friend class CurlMulti;

    static size_t writeCallback(char *data, size_t size, size_t count, void *self);
    static size_t headerCallback(char *data, size_t size, size_t count, void *self);
    static int progressCallback(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

    // Called by CurlMulti once the handle is out of the multi.
    void complete(CURLcode result);
    void finishAborted();
    void updatePhase(bool awaitsReading);
    void reportPhase(NetPhase phase);

    std::coroutine_handle<> m_awaiting;
    CURL *m_easy = nullptr;
    curl_slist *m_headers = nullptr;
    QPointer<CurlMulti> m_multi;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
    QByteArray m_body;
    QByteArray m_reason;
    qint64 m_maxBodyBytes = -1;
    NetPhase m_phase = NetPhase::Starting;
    CURLcode m_result = CURLE_OK;
    bool m_tracksTls = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_bodyLimitExceeded = false;
    bool m_headersComplete = false;
};
