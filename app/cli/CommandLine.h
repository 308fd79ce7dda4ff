#pragma once

#include <QString>
#include <QStringList>

// The command line shared by the window and the headless commands.
namespace CommandLine {

// Whether this program has the window: a PINGSCOPE_GUI=OFF build has the headless commands only.
enum class Window { Built, NotBuilt };

// True when arguments (argv, program name first) ask for a command that needs no display:
// a subcommand such as validate, or --version or --help.
bool isHeadless(const QStringList &arguments);

// Runs a headless command and returns the process's exit code. Needs a QCoreApplication. --help
// describes the window's part of the command line only where the window is built.
int runHeadless(const QStringList &arguments, Window window);

// What keeps the window from starting on these arguments, as one line for stderr, or empty when
// nothing does: a mistyped command or option (naming the nearest known one), a profile that does
// not exist, a build without the window, or nothing to show it on. Asked before any
// QGuiApplication exists, because that aborts the process when it finds no display.
QString windowProblem(const QStringList &arguments, Window window);

// The profile the window opens: the first argument that is neither an option nor the value of one
// of Qt's own options (-platform offscreen), or empty.
QString profileArgument(const QStringList &arguments);

// The command or option a mistyped word most likely meant ("chek" → "check", "--verison" →
// "--version"), or empty when none is close enough to be a typo of it.
QString nearestKnown(const QString &word);

} // namespace CommandLine
