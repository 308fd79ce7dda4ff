#include "HistoryUptimeGauges.h"

#include "PrometheusText.h"
#include "history/HistoryStore.h"
#include "monitor/Monitor.h"

#include <QDateTime>

#include <charconv>

namespace {
constexpr std::array<std::pair<const char *, qint64>, 3> windows{
    {{"24h", 86'400'000LL}, {"7d", 7 * 86'400'000LL}, {"30d", 30 * 86'400'000LL}}};
} // namespace

HistoryUptimeGauges::HistoryUptimeGauges(HistoryStore *store, Monitor *monitor, KeyOf keyOf, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_monitor(monitor)
    , m_keyOf(std::move(keyOf))
    , m_alive(std::make_shared<bool>(true))
{
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, [this] { refresh(m_alive); });
    m_timer.start();
    QTimer::singleShot(2000, this, [this] { refresh(m_alive); });
}

HistoryUptimeGauges::~HistoryUptimeGauges()
{
    *m_alive = false; // a query still running resumes into nothing
}

QCoro::Task<> HistoryUptimeGauges::refresh(std::shared_ptr<bool> alive)
{
    if (m_refreshing)
        co_return;
    m_refreshing = true;
    QHash<QString, std::array<std::optional<double>, 3>> ratios;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    HistoryStore *store = m_store;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const QList<HistoryUptime> uptimes = co_await store->uptime({}, HistoryRange{now - windows[i].second, now});
        if (!*alive)
            co_return;
        for (const HistoryUptime &uptime : uptimes)
            ratios[uptime.key][i] = uptime.ratio();
    }
    m_ratios = std::move(ratios);
    m_refreshing = false;
}

QByteArray HistoryUptimeGauges::text() const
{
    if (m_ratios.isEmpty())
        return {};
    QByteArray text = "# HELP pingscope_uptime_ratio Up time over observed time from the history, per window\n"
                      "# TYPE pingscope_uptime_ratio gauge\n";
    using PrometheusText::escapeLabelValue;
    for (const EndpointId id : m_monitor->endpointIds()) {
        const auto found = m_ratios.constFind(m_keyOf(id));
        const auto endpoint = m_monitor->endpoint(id);
        if (found == m_ratios.constEnd() || !endpoint)
            continue;
        const QByteArray labels = "endpoint=\"" + escapeLabelValue(endpoint->displayName()) + "\",target=\""
            + escapeLabelValue(endpoint->probe.target.toString()) + "\",kind=\""
            + escapeLabelValue(probeKindName(endpoint->probe.target.kind)) + "\",tags=\""
            + escapeLabelValue(endpoint->tags.join(QLatin1Char(','))) + "\"";
        for (std::size_t i = 0; i < windows.size(); ++i) {
            if (!(*found)[i])
                continue;
            char number[32];
            const auto end = std::to_chars(number, number + sizeof number, *(*found)[i]).ptr;
            text += "pingscope_uptime_ratio{" + labels + ",window=\"" + windows[i].first + "\"} "
                + QByteArray(number, int(end - number)) + '\n';
        }
    }
    return text;
}
