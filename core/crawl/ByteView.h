#pragma once

#include <QByteArrayView>
#include <QList>

#include <algorithm>

// What Qt 6.4's QByteArrayView lacks (left, mid and split came in 6.5), without its preconditions:
// out-of-range positions clamp, as QByteArray's own do.
namespace ByteView {

inline QByteArrayView left(QByteArrayView view, qsizetype n)
{
    return view.first(std::clamp<qsizetype>(n, 0, view.size()));
}

inline QByteArrayView mid(QByteArrayView view, qsizetype position)
{
    return view.sliced(std::clamp<qsizetype>(position, 0, view.size()));
}

inline QList<QByteArrayView> split(QByteArrayView view, char separator)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = view.indexOf(separator, start);
        if (end < 0) {
            parts.append(view.sliced(start));
            return parts;
        }
        parts.append(view.sliced(start, end - start));
        start = end + 1;
    }
}

} // namespace ByteView
