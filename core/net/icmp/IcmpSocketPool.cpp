#include "IcmpSocketPool.h"

#include "Logging.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

IcmpSocketPool::IcmpSocketPool(QList<IcmpSocket::Mode> order, Opener opener)
    : m_order(std::move(order)), m_opener(std::move(opener))
{ }

IcmpSocketPool &IcmpSocketPool::shared()
{
    static IcmpSocketPool pool;
    return pool;
}

QString IcmpSocketPool::permissionMessage()
{
    const QString program = QCoreApplication::instance() ? QCoreApplication::applicationFilePath()
                                                         : QStringLiteral("<path to pingscope>");
    return QStringLiteral("ICMP needs permission: run `sudo setcap cap_net_raw+ep %1` or allow unprivileged ping "
                          "with `sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"`")
        .arg(program);
}

std::shared_ptr<IcmpSocket> IcmpSocketPool::acquire(IcmpPacket::Family family, NetError *failure)
{
    std::weak_ptr<IcmpSocket> &slot = family == IcmpPacket::Family::V4 ? m_v4 : m_v6;
    if (auto socket = slot.lock())
        return socket;

    bool denied = m_order.isEmpty();
    int otherError = 0;
    for (const IcmpSocket::Mode mode : std::as_const(m_order)) {
        int errorNumber = 0;
        if (std::unique_ptr<IcmpSocket> opened = m_opener(family, mode, &errorNumber)) {
            std::shared_ptr<IcmpSocket> socket(std::move(opened));
            qCDebug(lcIcmp) << "opened a" << (mode == IcmpSocket::Mode::Raw ? "raw" : "datagram")
                            << "ICMP socket for IPv" << (family == IcmpPacket::Family::V4 ? 4 : 6);
            slot = socket;
            return socket;
        }
        if (errorNumber == EACCES || errorNumber == EPERM)
            denied = true;
        else
            otherError = errorNumber;
    }
    qCDebug(lcIcmp) << "no ICMP socket could be opened:" << std::strerror(otherError) << (denied ? "(denied)" : "");
    if (denied) {
        *failure = {ErrorKind::Permission, permissionMessage()};
    } else if (otherError == EAFNOSUPPORT && family == IcmpPacket::Family::V6) {
        *failure = {ErrorKind::Unreachable, QStringLiteral("IPv6 is not available on this computer")};
    } else {
        *failure
            = {ErrorKind::Permission,
               QStringLiteral("cannot open an ICMP socket: %1").arg(QString::fromLocal8Bit(std::strerror(otherError)))};
    }
    return nullptr;
}
