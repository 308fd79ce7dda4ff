#include "CurlTransfer.h"

#include "CurlHandlePool.h"
#include "CurlMulti.h"

#include <QMetaObject>

CurlTransfer::CurlTransfer(QObject *parent) : QObject(parent), m_easy(CurlHandlePool::forThisThread().take())
{
    if (!m_easy)
        return;
    curl_easy_setopt(m_easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlTransfer::writeCallback);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlTransfer::headerCallback);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_XFERINFOFUNCTION, &CurlTransfer::progressCallback);
    curl_easy_setopt(m_easy, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(m_easy, CURLOPT_NOPROGRESS, 0L);
}

CurlTransfer::~CurlTransfer()
{
    if (m_multi)
        m_multi->remove(this);
    CurlHandlePool::forThisThread().giveBack(m_easy); // reset, so it no longer points at our headers
    curl_slist_free_all(m_headers);
}

void CurlTransfer::setHeaders(const QList<QByteArray> &lines)
{
    curl_slist_free_all(m_headers);
    m_headers = nullptr;
    for (const QByteArray &line : lines)
        m_headers = curl_slist_append(m_headers, line.constData());
    if (m_easy)
        curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headers);
}

void CurlTransfer::start(CurlMulti *multi)
{
    if (m_started)
        return;
    m_started = true;
    if (m_aborted) {
        QMetaObject::invokeMethod(this, &CurlTransfer::finishAborted, Qt::QueuedConnection);
        return;
    }
    if (!m_easy || !multi || !multi->add(this)) {
        // Through the event loop, so that the caller is already awaiting finished().
        QMetaObject::invokeMethod(
            this, [this] { complete(CURLE_FAILED_INIT); }, Qt::QueuedConnection);
        return;
    }
    m_multi = multi;
    reportPhase(NetPhase::Resolving);
}

void CurlTransfer::abort()
{
    if (m_finished || m_aborted)
        return;
    m_aborted = true;
    // Deferred: abort() may be reached from inside a curl callback (a phaseChanged receiver that
    // cancels), where curl_multi_remove_handle is refused, and a receiver of finished() must never
    // run inside the signal that asked for the abort (a NetContext that may then be freed).
    if (m_started)
        QMetaObject::invokeMethod(this, &CurlTransfer::finishAborted, Qt::QueuedConnection);
}

void CurlTransfer::finishAborted()
{
    if (m_finished)
        return;
    if (m_multi)
        m_multi->remove(this); // closes the connection of an unfinished transfer
    complete(CURLE_ABORTED_BY_CALLBACK);
}

void CurlTransfer::complete(CURLcode result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    emit finished();
    // Last: the resumed probe may schedule this transfer's deletion.
    if (const auto awaiting = std::exchange(m_awaiting, {}))
        awaiting.resume();
}

QString CurlTransfer::errorText() const
{
    const QString text = QString::fromUtf8(m_errorBuffer).trimmed();
    return text.isEmpty() ? QString::fromUtf8(curl_easy_strerror(m_result)) : text;
}

size_t CurlTransfer::writeCallback(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const size_t bytes = size * count;
    if (transfer->m_aborted)
        return 0;
    if (transfer->m_maxBodyBytes >= 0 && transfer->m_body.size() + qint64(bytes) > transfer->m_maxBodyBytes) {
        transfer->m_bodyLimitExceeded = true;
        return 0; // curl ends the transfer with CURLE_WRITE_ERROR
    }
    transfer->m_body.append(data, qsizetype(bytes));
    transfer->reportPhase(NetPhase::Receiving);
    return bytes;
}

QByteArray CurlTransfer::reasonPhraseOf(const QByteArray &statusLine)
{
    // "HTTP/1.1 404 Not Found": the reason is everything after the second space. Found in place
    // rather than by splitting into a list: this runs for every answer of every probe.
    const QByteArray status = statusLine.trimmed();
    const qsizetype afterVersion = status.indexOf(' ');
    const qsizetype afterCode = afterVersion < 0 ? -1 : status.indexOf(' ', afterVersion + 1);
    return afterCode < 0 ? QByteArray() : status.mid(afterCode + 1);
}

size_t CurlTransfer::headerCallback(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray::fromRawData(data, qsizetype(bytes));
    if (line.startsWith("HTTP/")) {
        // A new response (after a redirect or a 1xx): only the last one's body and status count.
        transfer->m_body.clear();
        transfer->m_bodyLimitExceeded = false;
        transfer->m_headersComplete = false;
        transfer->m_reason = reasonPhraseOf(line);
    } else if (line == "\r\n" || line == "\n") {
        transfer->m_headersComplete = true;
    }
    transfer->reportPhase(NetPhase::Receiving);
    return bytes;
}

int CurlTransfer::progressCallback(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    if (transfer->m_aborted)
        return 1; // stop work for a transfer whose removal is already on its way
    transfer->updatePhase(false);
    return 0;
}

void CurlTransfer::updatePhase(bool awaitsReading)
{
    // This runs on every pass curl makes over the transfer. Once it waits for the answer, only the
    // header and body callbacks have anything new to say.
    if (m_phase >= NetPhase::WaitingForFirstByte || m_finished || !m_easy)
        return;
    curl_off_t lookup = 0;
    curl_off_t connect = 0;
    curl_off_t tls = 0;
    curl_easy_getinfo(m_easy, CURLINFO_NAMELOOKUP_TIME_T, &lookup);
    curl_easy_getinfo(m_easy, CURLINFO_CONNECT_TIME_T, &connect);
    if (m_tracksTls && connect > 0)
        curl_easy_getinfo(m_easy, CURLINFO_APPCONNECT_TIME_T, &tls);
    const NetPhase afterConnect = m_tracksTls ? NetPhase::TlsHandshake : NetPhase::WaitingForFirstByte;
    if (tls > 0)
        reportPhase(NetPhase::WaitingForFirstByte);
    else if (connect > 0)
        reportPhase(afterConnect);
    else if (lookup > 0)
        // curl records the connect time only once TLS is up too, but a TCP connect waits only to write:
        // a transfer past its lookup that waits to read is in its handshake (or waiting for the answer).
        reportPhase(awaitsReading ? afterConnect : NetPhase::Connecting);
}

void CurlTransfer::reportPhase(NetPhase phase)
{
    // Forward only: the hops of a redirect do not take the live phase back.
    if (phase <= m_phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}
