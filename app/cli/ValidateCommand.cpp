#include "ValidateCommand.h"

#include "ExitCode.h"
#include "endpoint/ProfileReader.h"

#include <QCommandLineParser>
#include <QTextStream>

int runValidateCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks a profile file and reports every problem in it."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The profile to check."));
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << "usage: pingscope validate FILE" << Qt::endl;
        return ExitCode::Usage;
    }

    const ProfileReadResult result = ProfileReader::fromFile(files.constFirst());
    if (!result.ok()) {
        err << files.constFirst() << ": " << result.problems.size()
            << (result.problems.size() == 1 ? " problem" : " problems") << Qt::endl;
        for (const QString &problem : result.problems)
            err << "  " << problem << Qt::endl;
        return ExitCode::Usage;
    }
    const qsizetype count = result.profile->endpoints.size();
    out << "ok: " << count << (count == 1 ? " endpoint" : " endpoints") << Qt::endl;
    for (const QString &key : result.unknownKeys)
        out << "  note: " << key << " is not a key this version knows; it is kept as it is" << Qt::endl;
    return ExitCode::Ok;
}
