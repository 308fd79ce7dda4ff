#include "StatusPalette.h"

bool StatusPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusPalette::error(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

QColor StatusPalette::status(const QPalette &palette, ProbeStatus status)
{
    const bool dark = isDark(palette);
    switch (status) {
    case ProbeStatus::Up:
        return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1e, 0x7e, 0x34);
    case ProbeStatus::Degraded:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case ProbeStatus::Down:
        return error(palette);
    }
    return palette.color(QPalette::WindowText);
}
