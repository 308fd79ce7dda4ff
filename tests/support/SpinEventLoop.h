#pragma once

#include <QEventLoop>
#include <QTimer>

#include <chrono>

// Runs a real event loop for a while. QTest::qWait is not one: it sleeps up to 10 ms between
// passes, which would show up as scheduling lateness in timing tests.
inline void spinEventLoop(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}
