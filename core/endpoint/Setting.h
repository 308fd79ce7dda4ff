#pragma once

#include <QLatin1String>
#include <QString>

// One setting of an endpoint or a profile: its JSON key, its default and its limits, in the one
// place that the profile reader and writer, the endpoint editor, the settings dialog and the
// command line all read, so that what one accepts the others can hold.
template<typename T> struct Setting
{
    const char *key;
    T defaultValue;
    T minimum;
    T maximum;

    QString jsonKey() const { return QLatin1String(key); }
    bool allows(T value) const { return value >= minimum && value <= maximum; }
};
