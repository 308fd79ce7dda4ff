#pragma once

#include <QString>

// How one message fared on one channel.
struct AlertDelivery
{
    bool ok = false;
    QString error; // one line a person understands; empty when ok
    QString note; // what the receiver said that is worth logging even on success (a command's stderr)
    int attempts = 1;
};
