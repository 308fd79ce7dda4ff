#pragma once

#include <QString>

// Where the installed example profiles and documentation are, found beside the program (a package,
// a tarball unpacked anywhere) or in the XDG data directories. Empty when not found: a build tree
// has neither, and the window then hides what would open them.
namespace HelpLocations {
QString exampleProfilesDirectory(); // holding home-lab.json and, with the window, demo.json
QString documentationFile(); // the window's guide (window.md) installed with the package, or else its README
} // namespace HelpLocations
