#pragma once

#include <QObject>

#include <memory>
#include <utility>

// Owns a QObject and hands it to deleteLater() when released. A coroutine resumes inside the
// signal that woke it, so the object it owns may still be on the stack below and must not be
// deleted there and then.
struct DeleteLater
{
    void operator()(QObject *object) const
    {
        if (object)
            object->deleteLater();
    }
};

template<typename T> using LaterPtr = std::unique_ptr<T, DeleteLater>;

template<typename T, typename... Args> LaterPtr<T> makeLater(Args &&...args)
{
    return LaterPtr<T>(new T(std::forward<Args>(args)...));
}
