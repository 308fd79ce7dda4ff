#pragma once

#include "async/EngineClock.h"
#include "endpoint/Endpoint.h"
#include "endpoint/Profile.h"
#include "monitor/EndpointId.h"
#include "probe/ProbeExecutor.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

// One probe the fake is running: it ends when the test finishes it, when its automatic reply is
// due, or when its context aborts (timeout or cancel), whichever comes first.
class FakeProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeProbe)

public:
    FakeProbe(ProbeSpec spec, std::shared_ptr<NetContext> context);

    const ProbeSpec &spec() const { return m_spec; }
    QString name() const;
    NetContext *context() const { return m_context.get(); }
    bool isFinished() const { return m_finished; }
    const ProbeResult &result() const { return m_result; }

    // Ends the probe with this result; a zero latency becomes the time since the context started,
    // as a real probe would measure it. Later calls do nothing.
    void finish(ProbeResult result);

signals:
    void finished();

private:
    ProbeSpec m_spec;
    std::shared_ptr<NetContext> m_context;
    ProbeResult m_result;
    bool m_finished = false;
};

// A ProbeExecutor whose probes answer on command, for testing the monitor without a network.
class FakeProbeExecutor final : public QObject, public ProbeExecutor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeProbeExecutor)

public:
    struct Reply
    {
        ProbeResult result;
        std::chrono::milliseconds delay{0};
    };
    struct Start
    {
        QString name;
        EngineClock::time_point at;
    };

    FakeProbeExecutor() = default;
    ~FakeProbeExecutor() override;

    // An endpoint the fake knows by its name, which is also its target's host (probes see only the
    // ProbeSpec), with anything a host cannot hold turned into '-'. Nothing is ever sent to it.
    static Endpoint endpoint(const QString &name, double intervalS = 0.5, int timeoutMs = 10000);
    static QString nameOf(const ProbeSpec &spec) { return spec.target.host; }
    // count endpoints named "e<first>", "e<first + 1>", ...
    static QList<Endpoint> endpoints(int count, int first = 0, double intervalS = 0.5);
    // A profile named "Test profile" of these endpoints, each probed every minute (the window tests').
    static Profile profileOf(const QStringList &names);

    static ProbeResult up(std::chrono::microseconds latency = std::chrono::microseconds{0});
    static ProbeResult degraded(QString reason);
    static ProbeResult down(ErrorKind kind = ErrorKind::Refused,
                            QString message = QStringLiteral("connection refused"));

    // How probes of the endpoint with this display name answer by themselves; without one (and
    // without a default) a probe waits for the test to finish it.
    void setReply(const QString &name, std::optional<Reply> reply);
    void setDefaultReply(std::optional<Reply> reply) { m_defaultReply = std::move(reply); }

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context) override;

    QList<FakeProbe *> pending() const; // not finished yet, in the order they started
    FakeProbe *pendingFor(const QString &name) const;
    int pendingCount() const { return int(pending().size()); }
    const QList<Start> &starts() const { return m_starts; }
    QList<EngineClock::time_point> startsOf(const QString &name) const;
    int runsAlive() const { return m_runsAlive; } // run() coroutines not yet returned
    bool allContextsReleased() const; // every context ever passed to run() has been freed

signals:
    void probeStarted(const QString &name);

private:
    std::optional<Reply> replyFor(const QString &name) const;

    // QCoro 0.8 resumes a signal await through a queued call, so a run() can resume after the
    // executor is gone; it checks this before touching the executor.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    QHash<QString, Reply> m_replies;
    std::optional<Reply> m_defaultReply;
    std::vector<std::shared_ptr<FakeProbe>> m_probes;
    std::vector<std::weak_ptr<NetContext>> m_contexts;
    QList<Start> m_starts;
    int m_runsAlive = 0;
};
