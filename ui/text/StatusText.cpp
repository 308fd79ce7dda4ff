#include "StatusText.h"

#include <QCoreApplication>

#include <cmath>

namespace StatusText {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StatusText", text);
}

QString phaseLabel(NetPhase phase)
{
    switch (phase) {
    case NetPhase::Starting:
        return tr("starting…");
    case NetPhase::Resolving:
        return tr("resolving…");
    case NetPhase::Connecting:
        return tr("connecting…");
    case NetPhase::TlsHandshake:
        return tr("TLS…");
    case NetPhase::WaitingForFirstByte:
        return tr("waiting…");
    case NetPhase::Receiving:
        return tr("receiving…");
    case NetPhase::Pinging:
        return tr("pinging…");
    }
    return {};
}
} // namespace

QString statusLabel(EndpointStatus status)
{
    switch (status) {
    case EndpointStatus::Unknown:
        return tr("Unknown");
    case EndpointStatus::Up:
        return tr("Up");
    case EndpointStatus::Degraded:
        return tr("Degraded");
    case EndpointStatus::Down:
        return tr("Down");
    case EndpointStatus::Offline:
        return tr("Offline");
    case EndpointStatus::Paused:
        return tr("Paused");
    case EndpointStatus::Failing:
        return tr("Failing");
    }
    return {};
}

QColor statusColor(EndpointStatus status)
{
    // Mid-tone colours that keep white text readable on both light and dark palettes.
    switch (status) {
    case EndpointStatus::Up:
        return QColor(0x2e, 0x7d, 0x32);
    case EndpointStatus::Degraded:
        return QColor(0xb2, 0x6a, 0x00);
    case EndpointStatus::Down:
        return QColor(0xc6, 0x28, 0x28);
    case EndpointStatus::Failing: // between Degraded's amber and Down's red
        return QColor(0xd8, 0x43, 0x15);
    case EndpointStatus::Offline:
        return QColor(0x5d, 0x63, 0x6b);
    case EndpointStatus::Paused:
        return QColor(0x45, 0x5a, 0x87);
    case EndpointStatus::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

int severityRank(EndpointStatus status)
{
    switch (status) {
    case EndpointStatus::Down:
        return 6;
    case EndpointStatus::Failing:
        return 5;
    case EndpointStatus::Degraded:
        return 4;
    case EndpointStatus::Offline:
        return 3;
    case EndpointStatus::Unknown:
        return 2;
    case EndpointStatus::Up:
        return 1;
    case EndpointStatus::Paused:
        return 0;
    }
    return 0;
}

QString taskLabel(const EndpointState &state, EngineClock::time_point now)
{
    switch (state.task) {
    case TaskState::Idle:
        return tr("stopped");
    case TaskState::Waiting:
    case TaskState::Cancelled: {
        if (!state.nextRun)
            return state.task == TaskState::Cancelled ? tr("cancelled") : tr("waiting");
        const double seconds = std::chrono::duration<double>(*state.nextRun - now).count();
        const int whole = std::max(0, int(std::ceil(seconds)));
        if (whole >= 120)
            return tr("next in %1 min").arg(whole / 60);
        return tr("next in %1 s").arg(whole);
    }
    case TaskState::Queued:
        return tr("queued");
    case TaskState::Running:
        return phaseLabel(state.phase);
    case TaskState::Paused:
        return tr("paused");
    }
    return {};
}

} // namespace StatusText
