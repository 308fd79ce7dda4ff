#pragma once

// What this process has cost so far, from getrusage(RUSAGE_SELF): user + system CPU time and the
// peak resident set size. Zero where the platform has no getrusage.
struct ProcessUsage
{
    double cpuSeconds = 0;
    double peakRssMb = 0; // MiB

    static ProcessUsage now();
};
