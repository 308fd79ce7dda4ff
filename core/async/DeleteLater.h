#pragma once

#include <QObject>

#include <memory>
#include <utility>

// Owns a QObject and hands it to deleteLater() when released. A coroutine resumes inside the
// signal that woke it, so the object it owns may still be on the stack below and must not be
// deleted there and then; and the last reference to a shared one can drop inside its own signal.
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

template<typename T, typename... Args> std::shared_ptr<T> makeSharedLater(Args &&...args)
{
    return std::shared_ptr<T>(new T(std::forward<Args>(args)...), DeleteLater());
}
