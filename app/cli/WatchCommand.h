#pragma once

#include <QStringList>

class QTextStream;

// pingscope watch [--profile FILE | TARGET...] [options]: runs the monitor until stopped, prints a
// line per change of status, serves /metrics if asked, and prints a summary at exit if asked.
int runWatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
