#pragma once

// Helpers for testing coroutines with Qt Test. QCoro 0.8 has no QCoroTest, and QVERIFY returns
// from the enclosing function, which inside a coroutine must be co_return.

#include <QCoroTask>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

#define CORO_VERIFY(statement)                                                                                         \
    do {                                                                                                               \
        if (!QTest::qVerify(static_cast<bool>(statement), #statement, "", __FILE__, __LINE__))                         \
            co_return;                                                                                                 \
    } while (false)

#define CORO_COMPARE(actual, expected)                                                                                 \
    do {                                                                                                               \
        if (!QTest::qCompare(actual, expected, #actual, #expected, __FILE__, __LINE__))                                \
            co_return;                                                                                                 \
    } while (false)

namespace CoroTest {

namespace detail {
template<typename T> struct Outcome
{
    std::optional<T> value;
    QEventLoop loop;
};

template<typename T> QCoro::Task<> deliver(QCoro::Task<T> task, std::shared_ptr<Outcome<T>> outcome)
{
    outcome->value = co_await std::move(task);
    outcome->loop.quit();
}
} // namespace detail

// Runs the event loop until the task finishes or the watchdog expires; nothing on expiry.
// Unlike QCoro::waitFor, a task that never finishes fails the test instead of hanging it.
template<typename T>
std::optional<T> await(QCoro::Task<T> task, std::chrono::milliseconds watchdog = std::chrono::seconds(20))
{
    auto outcome = std::make_shared<detail::Outcome<T>>();
    auto runner = detail::deliver(std::move(task), outcome);
    if (!outcome->value) {
        QTimer::singleShot(watchdog, &outcome->loop, [outcome] { outcome->loop.quit(); });
        outcome->loop.exec();
    }
    return std::move(outcome->value);
}

struct Done
{ };

inline QCoro::Task<Done> asDone(QCoro::Task<> task)
{
    co_await std::move(task);
    co_return Done{};
}

// For a coroutine test body written with CORO_VERIFY: runs it, and fails if it does not finish.
inline bool run(QCoro::Task<> task, std::chrono::milliseconds watchdog = std::chrono::seconds(20))
{
    return await(asDone(std::move(task)), watchdog).has_value();
}

} // namespace CoroTest
