#include "CommandLine.h"

#include "CheckCommand.h"
#include "ExitCode.h"
#include "HistoryCommand.h"
#include "ValidateCommand.h"
#include "WatchCommand.h"

#include "Version.h"

#include <QTextStream>

#include <cstdio>

namespace {

const char usage[] = "Usage: pingscope [--demo] [PROFILE]\n"
                     "       pingscope COMMAND [OPTIONS]\n"
                     "\n"
                     "Pingscope watches web services, TCP ports, TLS services, hosts and DNS names,\n"
                     "all at once, and shows their state, latencies and errors.\n"
                     "\n"
                     "With no command it opens the window, on PROFILE if given.\n"
                     "\n"
                     "Commands:\n"
                     "  check [--profile FILE] [TARGET...]\n"
                     "                   probe each endpoint once and report: text, json or junit\n"
                     "                   (exit 0 all up, 1 any down, 2 bad arguments, 130 interrupted)\n"
                     "  history export|outages|uptime|backup FILE ...\n"
                     "                   read a history file: export results (csv, json), list outages,\n"
                     "                   uptime since 24h, 7d, 30d, or take a backup while it is recorded\n"
                     "  validate FILE    check a profile and report every problem in it\n"
                     "  watch [--profile FILE] [TARGET...]\n"
                     "                   run the monitor without a window: a line per change of status,\n"
                     "                   /metrics for Prometheus (--metrics-listen), a summary (--summary)\n"
                     "\n"
                     "Options:\n"
                     "  --demo           open the window on a built-in demo that needs no network\n"
                     "  -h, --help       show this help\n"
                     "  -v, --version    show the version\n"
                     "\n"
                     "'pingscope COMMAND --help' describes a command's options.\n";

bool isCommand(const QString &word)
{
    return word == QLatin1String("validate") || word == QLatin1String("check") || word == QLatin1String("watch")
        || word == QLatin1String("history");
}

} // namespace

bool CommandLine::isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    return isCommand(first) || arguments.contains(QLatin1String("--version")) || arguments.contains(QLatin1String("-v"))
        || arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"));
}

int CommandLine::runHeadless(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString first = arguments.value(1);
    if (first == QLatin1String("validate"))
        return runValidateCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("check"))
        return runCheckCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("watch"))
        return runWatchCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("history"))
        return runHistoryCommand(arguments.mid(1), out, err);
    if (arguments.contains(QLatin1String("--version")) || arguments.contains(QLatin1String("-v"))) {
        out << "pingscope " << Pingscope::versionString << Qt::endl;
        return ExitCode::Ok;
    }
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        out << usage;
        return ExitCode::Ok;
    }
    err << "pingscope: unknown command \"" << first << "\"\n\n" << usage;
    return ExitCode::Usage;
}
