#pragma once

#include <QByteArray>
#include <QString>

class QTemporaryDir;

// Writes content to dir/name and returns its path; empty if it could not be written.
QString writeTestFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content);

// A file of the source tree (PINGSCOPE_SOURCE_DIR, which pingscope_add_test sets), e.g. "resources/profiles/demo.json".
QString sourceFile(const QString &relative);
