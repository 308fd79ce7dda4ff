#pragma once

#include <QString>

#include <chrono>
#include <optional>

// How the window writes latencies and shares, so every column and the status bar agree.
namespace LatencyText {
QString latency(std::optional<std::chrono::microseconds> value); // "0.42 ms", "12.3 ms", "1.24 s", "—"
QString percent(std::optional<double> value); // "3.2 %", "—"
} // namespace LatencyText
