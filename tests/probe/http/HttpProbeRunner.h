#pragma once

#include "CoroTest.h"
#include "endpoint/ProbeSpec.h"
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
    static ProbeSpec spec(const QString &url, int timeoutMs = 5000)
    {
        ProbeSpec spec;
        QString error;
        if (const auto target = Target::parse(url, &error))
            spec.target = *target;
        else
            qWarning("bad test URL %s: %s", qPrintable(url), qPrintable(error));
        spec.timeoutMs = timeoutMs;
        return spec;
    }

    static std::shared_ptr<NetContext> startedContext(const ProbeSpec &spec)
    {
        auto context = std::make_shared<NetContext>(std::chrono::milliseconds(spec.timeoutMs));
        context->start();
        return context;
    }

    QCoro::Task<ProbeResult> start(const ProbeSpec &spec, std::shared_ptr<NetContext> context = nullptr)
    {
        return m_probe.run(spec, context ? std::move(context) : startedContext(spec));
    }

    std::optional<ProbeResult> probe(const ProbeSpec &spec, std::shared_ptr<NetContext> context = nullptr)
    {
        return CoroTest::await(start(spec, std::move(context)));
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
