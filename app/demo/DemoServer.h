#pragma once

#include "endpoint/Profile.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

class QHttpServer;

// The target of `pingscope --demo`: a small HTTP server on 127.0.0.1 whose paths behave like real
// services — fast, slow, jittery, flaky, always failing — so a newcomer with no network sees live data.
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Listens on an ephemeral port of 127.0.0.1. Returns false with *error set when it cannot.
    bool start(QString *error = nullptr);
    quint16 port() const { return m_port; }

    // The bundled demo profile, pointed at this server and at a port nothing listens on.
    Profile demoProfile() const;

private:
    std::unique_ptr<QHttpServer> m_server;
    // Slow answers sleep in here, never on the event loop.
    QThreadPool m_slowAnswers;
    quint16 m_port = 0;
};
