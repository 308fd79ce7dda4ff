#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <curl/curl.h>

class CurlTransfer;
class QSocketNotifier;

// One libcurl multi handle driven by the Qt event loop of the thread it lives in: curl tells us
// which sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to wake it (CURLMOPT_TIMERFUNCTION);
// we call curl_multi_socket_action from the event loop and complete the transfers it reports done.
//
// No per-host connection limit is set, so concurrent probes of one host never queue behind each
// other and each measures its own latency. Every transfer it owns is completed exactly once.
class CurlMulti final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlMulti)

public:
    explicit CurlMulti(QObject *parent = nullptr);
    // Transfers still running end with CURLE_ABORTED_BY_CALLBACK and wasAborted(). Not from inside a
    // transfer's finished(), which runs inside this multi's event handling: use deleteLater() there.
    ~CurlMulti() override;

    int activeTransfers() const { return int(m_transfers.size()); }

private:
    friend class CurlTransfer;

    struct SocketWatch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    // For CurlTransfer: false if curl refused the handle.
    bool add(CurlTransfer *transfer);
    // For CurlTransfer: takes the handle out without completing it. Never call from a curl callback.
    void remove(CurlTransfer *transfer);

    static int socketCallback(CURL *easy, curl_socket_t socket, int what, void *self, void *socketData);
    static int timerCallback(CURLM *multi, long timeoutMs, void *self);
    void watchSocket(CURL *easy, curl_socket_t socket, int what);
    void forgetSocket(curl_socket_t socket);
    QSocketNotifier *makeNotifier(curl_socket_t socket, bool forWriting);
    void act(curl_socket_t socket, int events);
    void completeFinished();

    CURLM *m_multi = nullptr;
    QTimer m_timer;
    QHash<curl_socket_t, SocketWatch> m_sockets; // per descriptor number ever watched; disabled while unused
    QSet<CurlTransfer *> m_transfers;
};
