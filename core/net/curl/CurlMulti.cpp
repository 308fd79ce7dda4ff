#include "CurlMulti.h"

#include "CurlTransfer.h"
#include "Logging.h"

#include <QList>
#include <QPointer>
#include <QSocketNotifier>

#include <limits>
#include <mutex>
#include <utility>

namespace {
void initialiseCurlOnce()
{
    // curl_global_init is not thread-safe before 7.84 and must run once per process.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}
} // namespace

CurlMulti::CurlMulti(QObject *parent) : QObject(parent)
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMulti::socketCallback);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMulti::timerCallback);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);

    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
}

CurlMulti::~CurlMulti()
{
    QList<QPointer<CurlTransfer>> orphans;
    const QSet<CurlTransfer *> transfers = std::exchange(m_transfers, {});
    for (CurlTransfer *transfer : transfers) {
        curl_multi_remove_handle(m_multi, transfer->handle());
        transfer->m_multi = nullptr;
        transfer->m_aborted = true;
        orphans.append(transfer);
    }
    curl_multi_cleanup(m_multi);
    m_multi = nullptr;
    m_timer.stop();
    for (const QPointer<CurlTransfer> &transfer : std::as_const(orphans)) {
        if (transfer)
            transfer->complete(CURLE_ABORTED_BY_CALLBACK);
    }
}

bool CurlMulti::add(CurlTransfer *transfer)
{
    if (!m_multi || curl_multi_add_handle(m_multi, transfer->handle()) != CURLM_OK)
        return false;
    m_transfers.insert(transfer);
    return true;
}

void CurlMulti::remove(CurlTransfer *transfer)
{
    if (!m_transfers.remove(transfer))
        return;
    curl_multi_remove_handle(m_multi, transfer->handle());
    transfer->m_multi = nullptr;
}

int CurlMulti::socketCallback(CURL *easy, curl_socket_t socket, int what, void *self, void *)
{
    static_cast<CurlMulti *>(self)->watchSocket(easy, socket, what);
    return 0;
}

int CurlMulti::timerCallback(CURLM *, long timeoutMs, void *self)
{
    // Never act from here: curl_multi_socket_action may not be called from inside a callback,
    // so even a zero timeout goes through the event loop.
    auto *multi = static_cast<CurlMulti *>(self);
    if (timeoutMs < 0)
        multi->m_timer.stop();
    else
        multi->m_timer.start(int(qMin<long>(timeoutMs, std::numeric_limits<int>::max())));
    return 0;
}

void CurlMulti::watchSocket(CURL *easy, curl_socket_t socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        forgetSocket(socket);
        return;
    }
    SocketWatch &watch = m_sockets[socket];
    const bool wantRead = what & CURL_POLL_IN;
    const bool wantWrite = what & CURL_POLL_OUT;
    if (wantRead && !watch.read)
        watch.read = makeNotifier(socket, false);
    if (wantWrite && !watch.write)
        watch.write = makeNotifier(socket, true);
    if (watch.read)
        watch.read->setEnabled(wantRead);
    if (watch.write)
        watch.write->setEnabled(wantWrite);

    // A transfer's interest in its socket changes exactly when its phase may have: cheap to ask here.
    char *owner = nullptr;
    if (easy && curl_easy_getinfo(easy, CURLINFO_PRIVATE, &owner) == CURLE_OK && owner)
        reinterpret_cast<CurlTransfer *>(owner)->updatePhase(wantRead);
}

void CurlMulti::forgetSocket(curl_socket_t socket)
{
    const auto found = m_sockets.find(socket);
    if (found == m_sockets.end())
        return;
    // Disabled, not deleted: the descriptor number comes back with the next connection (fresh
    // connections reuse the lowest free number), and a notifier kept per number saves two QObjects,
    // their connections and two deferred deletions per probe. Disabling also makes it safe when we
    // are inside this very notifier's activation, and a new socket with the same descriptor can be
    // watched at once.
    for (QSocketNotifier *notifier : {found->read, found->write}) {
        if (notifier)
            notifier->setEnabled(false);
    }
}

QSocketNotifier *CurlMulti::makeNotifier(curl_socket_t socket, bool forWriting)
{
    auto *notifier = new QSocketNotifier(socket, forWriting ? QSocketNotifier::Write : QSocketNotifier::Read, this);
    const int events = forWriting ? CURL_CSELECT_OUT : CURL_CSELECT_IN;
    connect(notifier, &QSocketNotifier::activated, this, [this, socket, events] { act(socket, events); });
    return notifier;
}

void CurlMulti::act(curl_socket_t socket, int events)
{
    if (!m_multi)
        return;
    int running = 0;
    curl_multi_socket_action(m_multi, socket, events, &running);
    completeFinished();
}

void CurlMulti::completeFinished()
{
    // Take every finished handle out first and only then emit: a receiver resumes a coroutine that
    // may add new transfers, and must find the multi consistent.
    QList<std::pair<QPointer<CurlTransfer>, CURLcode>> finished;
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result; // the message dies with the handle's removal
        char *owner = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &owner);
        auto *transfer = reinterpret_cast<CurlTransfer *>(owner);
        curl_multi_remove_handle(m_multi, easy);
        if (transfer && m_transfers.remove(transfer)) {
            transfer->m_multi = nullptr;
            finished.append({transfer, result});
        }
    }
    for (const auto &[transfer, result] : std::as_const(finished)) {
        qCDebug(lcCurl) << "transfer finished:" << curl_easy_strerror(result) << "," << m_transfers.size()
                        << "still running";
        if (transfer)
            transfer->complete(result);
    }
}
