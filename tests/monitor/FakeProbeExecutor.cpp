#include "FakeProbeExecutor.h"
#include "async/DeleteLater.h"

#include <QCoroSignal>
#include <QTimer>

#include <algorithm>

FakeProbe::FakeProbe(ProbeSpec spec, std::shared_ptr<NetContext> context)
    : m_spec(std::move(spec)), m_context(std::move(context))
{
    // Honours the context as a real probe must: an abort ends it at once with the aborted result.
    connect(m_context.get(), &NetContext::aborted, this, [this] { finish(ProbeResult::aborted(*m_context)); });
}

QString FakeProbe::name() const
{
    return FakeProbeExecutor::nameOf(m_spec);
}

void FakeProbe::finish(ProbeResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (result.latency.count() == 0)
        result.latency = m_context->elapsed();
    result.started = m_context->startedAt();
    m_result = std::move(result);
    emit finished();
}

FakeProbeExecutor::~FakeProbeExecutor()
{
    // Anything still waiting ends now, so no coroutine of ours stays suspended after the test.
    *m_alive = false;
    for (const auto &probe : m_probes)
        probe->finish(ProbeResult::failure(ErrorKind::Cancelled, QStringLiteral("the fake executor went away")));
}

Profile FakeProbeExecutor::profileOf(const QStringList &names)
{
    Profile profile;
    profile.name = QStringLiteral("Test profile");
    for (const QString &name : names)
        profile.endpoints << endpoint(name, 60);
    return profile;
}

Endpoint FakeProbeExecutor::endpoint(const QString &name, double intervalS, int timeoutMs)
{
    Endpoint endpoint;
    endpoint.id = name;
    endpoint.name = name;
    // Probes see only the spec, so the name travels as the host, spelled as a host may be.
    QString host = name;
    for (QChar &c : host) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-'))
            c = QLatin1Char('-');
    }
    endpoint.probe.target = *Target::parse(QStringLiteral("tcp://%1:9").arg(host));
    endpoint.intervalS = intervalS;
    endpoint.probe.timeoutMs = timeoutMs;
    return endpoint;
}

QList<Endpoint> FakeProbeExecutor::endpoints(int count, int first, double intervalS)
{
    QList<Endpoint> endpoints;
    for (int i = first; i < first + count; ++i)
        endpoints.append(endpoint(QStringLiteral("e%1").arg(i), intervalS));
    return endpoints;
}

ProbeResult FakeProbeExecutor::up(std::chrono::microseconds latency)
{
    ProbeResult result;
    result.status = ProbeStatus::Up;
    result.latency = latency;
    return result;
}

ProbeResult FakeProbeExecutor::degraded(QString reason)
{
    ProbeResult result = up();
    result.status = ProbeStatus::Degraded;
    result.degradedReason = std::move(reason);
    return result;
}

ProbeResult FakeProbeExecutor::down(ErrorKind kind, QString message)
{
    return ProbeResult::failure(kind, std::move(message));
}

void FakeProbeExecutor::setReply(const QString &name, std::optional<Reply> reply)
{
    if (reply)
        m_replies.insert(name, *reply);
    else
        m_replies.remove(name);
}

std::optional<FakeProbeExecutor::Reply> FakeProbeExecutor::replyFor(const QString &name) const
{
    const auto found = m_replies.constFind(name);
    if (found != m_replies.constEnd())
        return found.value();
    return m_defaultReply;
}

QCoro::Task<ProbeResult> FakeProbeExecutor::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    context->start();
    const QString name = nameOf(spec);
    m_starts.append(Start{name, EngineClock::now()});
    m_contexts.push_back(context);
    if (context->isAborted())
        co_return ProbeResult::aborted(*context);

    ++m_runsAlive;
    // Freed with deleteLater: the coroutine resumes inside finished() and must not delete its emitter there.
    const auto probe = makeSharedLater<FakeProbe>(std::move(spec), context);
    m_probes.push_back(probe);
    if (const auto reply = replyFor(name)) {
        QTimer::singleShot(reply->delay, probe.get(),
                           [fake = probe.get(), result = reply->result] { fake->finish(result); });
    }
    emit probeStarted(name);
    const std::shared_ptr<const bool> alive = m_alive;
    if (!probe->isFinished())
        co_await qCoro(probe.get(), &FakeProbe::finished);
    if (*alive) {
        m_probes.erase(std::find(m_probes.begin(), m_probes.end(), probe));
        --m_runsAlive;
    }
    co_return probe->result();
}

QList<FakeProbe *> FakeProbeExecutor::pending() const
{
    QList<FakeProbe *> waiting;
    for (const auto &probe : m_probes) {
        if (!probe->isFinished())
            waiting.append(probe.get());
    }
    return waiting;
}

FakeProbe *FakeProbeExecutor::pendingFor(const QString &name) const
{
    for (FakeProbe *probe : pending()) {
        if (probe->name() == name)
            return probe;
    }
    return nullptr;
}

QList<EngineClock::time_point> FakeProbeExecutor::startsOf(const QString &name) const
{
    QList<EngineClock::time_point> times;
    for (const Start &start : m_starts) {
        if (start.name == name)
            times.append(start.at);
    }
    return times;
}

bool FakeProbeExecutor::allContextsReleased() const
{
    return std::all_of(m_contexts.begin(), m_contexts.end(), [](const auto &weak) { return weak.expired(); });
}
