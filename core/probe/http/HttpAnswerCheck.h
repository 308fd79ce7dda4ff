#pragma once

#include "endpoint/HttpOptions.h"
#include "net/NetError.h"

#include <QByteArray>

// Whether an HTTP answer that arrived whole is what the endpoint expects: its status among the
// accepted ones, its body containing, matching and not containing what the profile asks. Pure, so
// every judgement, and every body and status line a server can send, is tested without a network.
class HttpAnswerCheck final
{
public:
    // ErrorKind::None when the answer is what the endpoint expects; otherwise HttpStatus or
    // BodyMismatch with one line saying why. reasonPhrase is the status line's, as the server sent it.
    static NetError judge(int status, const QByteArray &reasonPhrase, const QByteArray &body, const HttpOptions &http);
};
