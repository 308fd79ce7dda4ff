#pragma once

#include <QStringList>

class QTextStream;

// pingscope validate FILE: prints "ok" and the endpoint count, or every problem. Exit 0, or 2.
int runValidateCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
