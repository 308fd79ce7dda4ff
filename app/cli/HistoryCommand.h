#pragma once

#include <QStringList>

class QTextStream;

// pingscope history export|outages|uptime|backup FILE …: reads a history file without a window and
// without recording; docs/headless.md describes the commands and their JSON.
int runHistoryCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
