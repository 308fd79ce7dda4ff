#pragma once

#include "CoroTest.h"
#include "endpoint/Endpoint.h"
#include "net/NetContext.h"
#include "net/curl/CurlMulti.h"
#include "probe/http/HttpProbe.h"

#include <QString>

#include <chrono>
#include <memory>
#include <optional>

// Runs HTTP probes the way the monitor does: a started context per probe, one shared CurlMulti.
class HttpProbeRunner final
{
public:
    static Endpoint endpoint(const QString &url, int timeoutMs = 5000)
    {
        Endpoint endpoint;
        QString error;
        if (const auto target = Target::parse(url, &error))
            endpoint.target = *target;
        else
            qWarning("bad test URL %s: %s", qPrintable(url), qPrintable(error));
        endpoint.timeoutMs = timeoutMs;
        return endpoint;
    }

    static std::shared_ptr<NetContext> startedContext(const Endpoint &endpoint)
    {
        auto context = std::make_shared<NetContext>(std::chrono::milliseconds(endpoint.timeoutMs));
        context->start();
        return context;
    }

    QCoro::Task<ProbeResult> start(const Endpoint &endpoint, std::shared_ptr<NetContext> context = nullptr)
    {
        return m_probe.run(endpoint, context ? std::move(context) : startedContext(endpoint));
    }

    std::optional<ProbeResult> probe(const Endpoint &endpoint, std::shared_ptr<NetContext> context = nullptr)
    {
        return CoroTest::await(start(endpoint, std::move(context)));
    }

    CurlMulti &multi() { return m_multi; }

    static QString describe(const std::optional<ProbeResult> &result)
    {
        if (!result)
            return QStringLiteral("no result (the probe never finished)");
        return QStringLiteral("%1 %2: %3")
            .arg(probeStatusName(result->status), errorKindName(result->errorKind), result->errorMessage);
    }

    static QString kindOf(const std::optional<ProbeResult> &result)
    {
        return result ? errorKindName(result->errorKind) : QStringLiteral("(none)");
    }

    static std::chrono::microseconds phaseSum(const PhaseTimings &phases)
    {
        const std::chrono::microseconds zero{0};
        return phases.dns.value_or(zero) + phases.connect.value_or(zero) + phases.tls.value_or(zero)
            + phases.ttfb.value_or(zero) + phases.transfer.value_or(zero);
    }

private:
    CurlMulti m_multi;
    HttpProbe m_probe{&m_multi};
};
