#pragma once

#include "ErrorKind.h"

#include <QString>

// A failure as a value: its kind, and one line a person understands ("connection refused by
// 127.0.0.1:8080 (nothing listens on that port)").
struct NetError
{
    ErrorKind kind = ErrorKind::None;
    QString message;

    bool isError() const { return kind != ErrorKind::None; }
};
