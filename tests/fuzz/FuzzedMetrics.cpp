#include "FuzzedMetrics.h"

#include "FuzzSupport.h"
#include "cli/PrometheusText.h"
#include "monitor/Monitor.h"
#include "net/NetContext.h"

#include <QCoreApplication>
#include <QSet>

namespace {

constexpr qsizetype maxEndpoints = 64;

// Answers every probe at once with the result its endpoint's record asked for.
class InstantExecutor final : public ProbeExecutor
{
public:
    // Probes see only their spec: results are found by target, which render() keeps distinct.
    void setResult(const QString &target, ProbeResult result) { m_results.insert(target, std::move(result)); }

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context) override
    {
        return answer(m_results.value(spec.target.toString()), std::move(context));
    }

private:
    static QCoro::Task<ProbeResult> answer(ProbeResult result, std::shared_ptr<NetContext> context)
    {
        context->start();
        result.started = context->startedAt();
        co_return result;
    }

    QHash<QString, ProbeResult> m_results;
};

ProbeResult resultOf(const QByteArray &kind, const QString &message, int httpStatus)
{
    ProbeResult result;
    result.latency = std::chrono::microseconds(1500);
    result.phases.connect = std::chrono::microseconds(500);
    if (httpStatus > 0)
        result.httpStatus = httpStatus;
    if (kind == "down") {
        result = ProbeResult::failure(ErrorKind::Refused, message);
    } else if (kind == "degraded") {
        result.status = ProbeStatus::Degraded;
        result.degradedReason = message;
    } else {
        result.status = ProbeStatus::Up;
    }
    return result;
}

// What a label value becomes on a page that is UTF-8.
QString asUtf8(const QString &text)
{
    return QString::fromUtf8(text.toUtf8());
}

} // namespace

FuzzedMetrics FuzzedMetrics::render(const QByteArray &input)
{
    Fuzz::ensureApplication();
    InstantExecutor executor;
    QList<::Endpoint> endpoints;
    QList<std::array<quint64, 3>> tallies;
    QSet<QString> names;
    QSet<QString> targets;
    for (const QByteArray &record : input.split('\x1e')) {
        if (endpoints.size() == maxEndpoints)
            break;
        Fuzz::Fields fields(record);
        ::Endpoint endpoint;
        endpoint.name = fields.nextText();
        const auto target = Target::parse(fields.nextText());
        endpoint.probe.target = target ? *target : *Target::parse(QStringLiteral("tcp://127.0.0.1:9"));
        const QByteArray tags = fields.next();
        if (!tags.isEmpty()) {
            for (const QByteArray &tag : tags.split('\x1d'))
                endpoint.tags << QString::fromUtf8(tag);
        }
        const QByteArray kind = fields.next();
        const QString message = fields.nextText();
        const int httpStatus = fields.next().toInt();
        const QString targetText = endpoint.probe.target.toString();
        if (names.contains(endpoint.displayName()) || targets.contains(targetText))
            continue;
        names.insert(endpoint.displayName());
        targets.insert(targetText);
        endpoint.id = ::Endpoint::derivedId(endpoint.probe.target, 0);
        const ProbeResult result = resultOf(kind, message, httpStatus);
        executor.setResult(targetText, result);
        std::array<quint64, 3> tally{};
        tally[size_t(result.status)] = quint64(endpoints.size() + 1);
        tallies.append(tally);
        endpoints.append(endpoint);
    }

    FuzzedMetrics metrics;
    {
        Monitor monitor(&executor);
        const QList<EndpointId> ids = monitor.addEndpoints(endpoints);
        monitor.runAllNow();
        // The executor answers at once; the monitor takes the results in from the event loop.
        for (int round = 0; round < 100 && monitor.counters().inFlight > 0; ++round)
            QCoreApplication::processEvents();

        PrometheusText::ResultTallies resultTallies;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            resultTallies[ids.at(i)] = tallies.at(i);
            const ::Endpoint &endpoint = endpoints.at(i);
            metrics.endpoints.append(
                FuzzedMetrics::Endpoint{asUtf8(endpoint.displayName()), asUtf8(endpoint.probe.target.toString()),
                                        probeKindName(endpoint.probe.target.kind),
                                        asUtf8(endpoint.tags.join(QLatin1Char(','))), tallies.at(i)});
        }
        PrometheusText::LabelCache labels;
        metrics.page = PrometheusText::render(monitor, resultTallies, labels);
    }
    // What the monitor left to deleteLater goes now, with this input: libFuzzer looks for leaks
    // (slowly) after every input that did not free all it allocated.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    return metrics;
}
