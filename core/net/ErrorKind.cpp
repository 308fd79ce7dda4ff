#include "ErrorKind.h"

#include "NameTable.h"

namespace {
constexpr NameTable<ErrorKind, 14> errorKindNames{{
    {ErrorKind::None, "none"},
    {ErrorKind::Dns, "dns"},
    {ErrorKind::Refused, "refused"},
    {ErrorKind::Unreachable, "unreachable"},
    {ErrorKind::Timeout, "timeout"},
    {ErrorKind::Reset, "reset"},
    {ErrorKind::Tls, "tls"},
    {ErrorKind::HttpStatus, "http_status"},
    {ErrorKind::BodyMismatch, "body_mismatch"},
    {ErrorKind::TooLarge, "too_large"},
    {ErrorKind::Redirects, "redirects"},
    {ErrorKind::Protocol, "protocol"},
    {ErrorKind::Permission, "permission"},
    {ErrorKind::Cancelled, "cancelled"},
}};
} // namespace

QString errorKindName(ErrorKind kind)
{
    return nameIn(errorKindNames, kind);
}

std::optional<ErrorKind> errorKindFromName(const QString &name)
{
    return valueIn(errorKindNames, name);
}
