#pragma once

#include <QStringList>

// Starts the window on the profile the arguments name (or the demo, or the last profile) and runs it until it
// closes; returns the process's exit code. Needs a display. Built only with PINGSCOPE_GUI.
int runWindow(int &argc, char **argv, const QStringList &arguments);
