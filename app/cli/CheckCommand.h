#pragma once

#include <QStringList>

class QTextStream;

// pingscope check [options] [TARGET...]: probes each endpoint once, all at once under a cap, through
// the monitor engine, and prints the results as a table, JSON or JUnit XML. Exit 0 all up or
// degraded, 1 any down, 2 usage or profile error, 130 interrupted.
int runCheckCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
