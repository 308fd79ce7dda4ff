#include "ProcessUsage.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

ProcessUsage ProcessUsage::now()
{
    ProcessUsage usage;
#ifdef Q_OS_UNIX
    struct rusage self = {};
    if (::getrusage(RUSAGE_SELF, &self) != 0)
        return usage;
    const auto seconds = [](const timeval &time) { return double(time.tv_sec) + double(time.tv_usec) / 1e6; };
    usage.cpuSeconds = seconds(self.ru_utime) + seconds(self.ru_stime);
#ifdef Q_OS_MACOS
    usage.peakRssMb = double(self.ru_maxrss) / (1024.0 * 1024.0); // bytes there
#else
    usage.peakRssMb = double(self.ru_maxrss) / 1024.0; // KiB on Linux and the BSDs
#endif
#endif
    return usage;
}
