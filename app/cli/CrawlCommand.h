#pragma once

#include <QStringList>

class QTextStream;

// pingscope crawl [options] URL...: walks the site from its start URLs and reports every broken link
// with the pages that link to it, as text, JSON, JUnit XML or Markdown; with --profile-out, writes
// what answered as a profile to monitor. A progress line on stderr when it is a terminal. Exit 0
// nothing broken, 1 something broken (or in error), 2 usage, 130 interrupted (what was found is
// still reported).
int runCrawlCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
