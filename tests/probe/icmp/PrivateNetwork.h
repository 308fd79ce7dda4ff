#pragma once

#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

// Moves this process into a network namespace of its own, with only a loopback interface, where
// ICMP settings (net.ipv4.ping_group_range, icmp_echo_ignore_all) can be changed without touching
// the host's: they are per namespace and vanish with the process, however it ends.
namespace PrivateNetwork {

// Writes a /proc/sys file of the namespace; empty on success, else why not.
inline QString writeSysctl(const QString &path, const QByteArray &value)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(value) != value.size())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return QString();
}

// Call first in main(), before any thread exists (the namespace is the calling thread's). Returns
// empty on success, else why the namespace could not be made.
inline QString enter()
{
#ifdef Q_OS_LINUX
    if (::unshare(CLONE_NEWNET) != 0)
        return QStringLiteral("cannot make a network namespace (needs CAP_SYS_ADMIN): %1")
            .arg(QString::fromLocal8Bit(std::strerror(errno)));
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    ifreq request{};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    const bool up = fd >= 0 && ::ioctl(fd, SIOCGIFFLAGS, &request) == 0
        && (request.ifr_flags |= IFF_UP, ::ioctl(fd, SIOCSIFFLAGS, &request) == 0);
    const int error = errno;
    if (fd >= 0)
        ::close(fd);
    if (!up)
        return QStringLiteral("cannot bring up loopback in the new namespace: %1")
            .arg(QString::fromLocal8Bit(std::strerror(error)));
    return writeSysctl(QStringLiteral("/proc/sys/net/ipv4/ping_group_range"), "0 2147483647");
#else
    return QStringLiteral("network namespaces are Linux only");
#endif
}

} // namespace PrivateNetwork
