#pragma once

// The exit codes of the headless commands; scripts depend on them.
namespace ExitCode {
inline constexpr int Ok = 0; // all up or degraded; a valid profile
inline constexpr int Down = 1; // at least one endpoint down
inline constexpr int Usage = 2; // bad arguments or a bad profile
inline constexpr int Interrupted = 130; // SIGINT or SIGTERM
} // namespace ExitCode
