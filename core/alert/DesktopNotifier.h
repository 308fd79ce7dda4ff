#pragma once

#include <QString>

// The desktop's notifications, which only the window has (the tray); `watch` has none.
class DesktopNotifier
{
public:
    virtual ~DesktopNotifier() = default;

    // Shows title and text; severity is "failure", "warning", "success" or "info". Plays the
    // system's beep when sound is set, or soundFile when one is given. Empty when shown, else why not.
    virtual QString notify(const QString &title, const QString &text, const QString &severity, bool sound,
                           const QString &soundFile)
        = 0;
};
