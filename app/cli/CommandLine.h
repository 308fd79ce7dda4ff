#pragma once

#include <QStringList>

// The command line shared by the window and the headless commands.
namespace CommandLine {

// True when arguments (argv, program name first) ask for a command that needs no display:
// a subcommand such as validate, or --version or --help.
bool isHeadless(const QStringList &arguments);

// Runs a headless command and returns the process's exit code. Needs a QCoreApplication.
int runHeadless(const QStringList &arguments);

} // namespace CommandLine
