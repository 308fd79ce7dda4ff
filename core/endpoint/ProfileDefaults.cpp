#include "ProfileDefaults.h"

#include "JsonFieldReader.h"
#include "JsonFieldWriter.h"

using JsonFieldWriter::put;
using JsonFieldWriter::putOptional;

ProfileDefaults ProfileDefaults::of(const Endpoint &endpoint)
{
    ProfileDefaults settings;
    settings.intervalS = endpoint.intervalS;
    settings.downIntervalS = endpoint.downIntervalS;
    settings.failureThreshold = endpoint.failureThreshold;
    settings.timeoutMs = endpoint.probe.timeoutMs;
    settings.degradedMs = endpoint.probe.degradedMs;
    settings.certWarningDays = endpoint.probe.certWarningDays;
    settings.ipFamily = endpoint.probe.ipFamily;
    return settings;
}

void ProfileDefaults::applyTo(Endpoint *endpoint) const
{
    endpoint->intervalS = intervalS;
    endpoint->downIntervalS = downIntervalS;
    endpoint->failureThreshold = failureThreshold;
    endpoint->probe.timeoutMs = timeoutMs;
    endpoint->probe.degradedMs = degradedMs;
    endpoint->probe.certWarningDays = certWarningDays;
    endpoint->probe.ipFamily = ipFamily;
}

void ProfileDefaults::read(JsonFieldReader &fields)
{
    fields.number(Endpoint::intervalSetting, &intervalS);
    fields.number(Endpoint::downIntervalSetting, &downIntervalS);
    fields.integer(ProbeSpec::timeoutSetting, &timeoutMs);
    fields.integer(Endpoint::failureThresholdSetting, &failureThreshold);
    fields.integer(ProbeSpec::degradedSetting, &degradedMs);
    fields.integer(ProbeSpec::certWarningDaysSetting, &certWarningDays);
    fields.ipFamily(QStringLiteral("ip_family"), &ipFamily);
}

void ProfileDefaults::write(QJsonObject &object, const ProfileDefaults &implied) const
{
    put(object, Endpoint::intervalSetting.jsonKey(), intervalS, implied.intervalS);
    put(object, ProbeSpec::timeoutSetting.jsonKey(), timeoutMs, implied.timeoutMs);
    put(object, Endpoint::failureThresholdSetting.jsonKey(), failureThreshold, implied.failureThreshold);
    put(object, ProbeSpec::certWarningDaysSetting.jsonKey(), certWarningDays, implied.certWarningDays);
    put(object, QStringLiteral("ip_family"), ipFamilyName(ipFamily), ipFamilyName(implied.ipFamily));
    putOptional(object, Endpoint::downIntervalSetting.jsonKey(), downIntervalS, implied.downIntervalS);
    putOptional(object, ProbeSpec::degradedSetting.jsonKey(), degradedMs, implied.degradedMs);
}
