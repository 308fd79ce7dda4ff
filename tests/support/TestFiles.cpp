#include "TestFiles.h"

#include <QFile>
#include <QTemporaryDir>

QString writeTestFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

QString sourceFile(const QString &relative)
{
    return qEnvironmentVariable("PINGSCOPE_SOURCE_DIR") + QLatin1Char('/') + relative;
}
