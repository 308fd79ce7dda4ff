// PrometheusText, the /metrics page of `pingscope watch`: endpoint names, targets and tags come
// from profiles, results from the network, and all of it must come out as the exposition format.
// The page is read back by MetricsPage (tests/cli), a strict reader of the format, and every
// endpoint's labels must read back as the text they were made from (FuzzedMetrics has the input).

#include "FuzzSupport.h"
#include "FuzzedMetrics.h"
#include "MetricsPage.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const FuzzedMetrics metrics
        = FuzzedMetrics::render(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const MetricsPage page = MetricsPage::parse(metrics.page);
    FUZZ_CHECK(page.isValid(), page.problems().join(QLatin1Char('\n')));
    FUZZ_CHECK(page.samples(QStringLiteral("pingscope_probes_total")).size() == 3 * metrics.endpoints.size(),
               QString::fromUtf8(metrics.page));
    static const char *results[] = {"up", "degraded", "down"};
    for (const FuzzedMetrics::Endpoint &endpoint : metrics.endpoints) {
        for (int result = 0; result < 3; ++result) {
            const QMap<QString, QString> labels{{QStringLiteral("endpoint"), endpoint.name},
                                                {QStringLiteral("target"), endpoint.target},
                                                {QStringLiteral("kind"), endpoint.kind},
                                                {QStringLiteral("tags"), endpoint.tags},
                                                {QStringLiteral("result"), QLatin1String(results[result])}};
            const auto value = page.value(QStringLiteral("pingscope_probes_total"), labels);
            FUZZ_CHECK(value && *value == double(endpoint.tally[size_t(result)]),
                       endpoint.name + QStringLiteral(" / ") + endpoint.target + QStringLiteral(" / ") + endpoint.tags
                           + QStringLiteral("\n") + QString::fromUtf8(metrics.page));
        }
    }
    return 0;
}
