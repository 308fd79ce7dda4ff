#pragma once

#include "probe/ProbeResult.h"

#include <QColor>
#include <QPalette>

// Colours for status and error text that stay readable on both light and dark palettes: Qt has no
// palette role for "error", so the shade is picked by how dark the window background is.
class StatusPalette final
{
public:
    static bool isDark(const QPalette &palette);
    static QColor error(const QPalette &palette);
    static QColor status(const QPalette &palette, ProbeStatus status);
};
