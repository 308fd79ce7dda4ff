#include "CommandLine.h"

#include "CheckCommand.h"
#include "CrawlCommand.h"
#include "ExitCode.h"
#include "HistoryCommand.h"
#include "ValidateCommand.h"
#include "WatchCommand.h"

#include "Version.h"

#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace {

const char windowUsage[] = "Usage: pingscope [--demo] [PROFILE]\n"
                           "       pingscope COMMAND [OPTIONS]\n";
const char headlessUsage[] = "Usage: pingscope COMMAND [OPTIONS]\n";
const char about[] = "\n"
                     "Pingscope watches web services, TCP ports, TLS services, hosts and DNS names,\n"
                     "all at once, and shows their state, latencies and errors.\n"
                     "\n";
const char windowAbout[] = "With no command it opens the window, on PROFILE if given.\n"
                           "\n";
const char headlessAbout[] = "This build has no window (PINGSCOPE_GUI=OFF, as in the pingscope-cli package):\n"
                             "it runs the commands below.\n"
                             "\n";
const char commands[] = "Commands:\n"
                        "  check [--profile FILE] [TARGET...]\n"
                        "                   probe each endpoint once and report: text, json or junit\n"
                        "                   (exit 0 all up, 1 any down, 2 bad arguments, 130 interrupted)\n"
                        "  crawl URL...     walk a site and report each broken link with the pages linking to it:\n"
                        "                   text, json, junit or markdown; --profile-out FILE to monitor it\n"
                        "                   (exit 0 nothing broken, 1 any broken, 2 bad arguments, 130 interrupted)\n"
                        "  history export|outages|uptime|backup FILE ...\n"
                        "                   read a history file: export results (csv, json), list outages,\n"
                        "                   uptime since 24h, 7d, 30d, or take a backup while it is recorded\n"
                        "  validate FILE    check a profile and report every problem in it\n"
                        "  watch [--profile FILE] [TARGET...]\n"
                        "                   run the monitor without a window: a line per change of status,\n"
                        "                   /metrics for Prometheus (--metrics-listen), a summary (--summary)\n"
                        "\n"
                        "Options:\n";
const char demoOption[] = "  --demo           open the window on a built-in demo that needs no network\n";
const char options[] = "  -h, --help       show this help\n"
                       "  -v, --version    show the version\n"
                       "\n"
                       "'pingscope COMMAND --help' describes a command's options.\n";

// Said in every line that turns a command line away, so the reader learns what would have worked.
const char theCommands[] = "the commands are validate, check, watch, history and crawl (pingscope --help)";

const std::array<QLatin1String, 5> commandNames
    = {QLatin1String("validate"), QLatin1String("check"), QLatin1String("watch"), QLatin1String("history"),
       QLatin1String("crawl")};
const std::array<QLatin1String, 3> optionNames
    = {QLatin1String("--demo"), QLatin1String("--help"), QLatin1String("--version")};

// Qt's own options that take a value (QGuiApplication, QApplication and the xcb plugin read them,
// with one dash or two): their values are not profiles.
const char *const qtOptionsWithValue[] = {"platform",
                                          "platformpluginpath",
                                          "platformtheme",
                                          "plugin",
                                          "qwindowgeometry",
                                          "qwindowtitle",
                                          "qwindowicon",
                                          "geometry",
                                          "title",
                                          "icon",
                                          "session",
                                          "style",
                                          "stylesheet",
                                          "display",
                                          "name"};

bool isCommand(const QString &word)
{
    return std::find(commandNames.begin(), commandNames.end(), word) != commandNames.end();
}

QString qtOptionName(const QString &argument)
{
    QString name = argument;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return name;
}

bool takesValue(const QString &option)
{
    const QString name = qtOptionName(option);
    return std::any_of(std::begin(qtOptionsWithValue), std::end(qtOptionsWithValue),
                       [&](const char *qtOption) { return name == QLatin1String(qtOption); });
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbours each cost one, so "histroy" is one edit from "history". Written here because Qt has
// none and the words are a few letters long.
qsizetype editDistance(const QString &a, const QString &b)
{
    const qsizetype rows = a.size() + 1;
    const qsizetype columns = b.size() + 1;
    std::vector<qsizetype> d(size_t(rows * columns));
    const auto at = [&](qsizetype i, qsizetype j) -> qsizetype & { return d[size_t(i * columns + j)]; };
    for (qsizetype i = 0; i < rows; ++i)
        at(i, 0) = i;
    for (qsizetype j = 0; j < columns; ++j)
        at(0, j) = j;
    for (qsizetype i = 1; i < rows; ++i) {
        for (qsizetype j = 1; j < columns; ++j) {
            const qsizetype cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, columns - 1);
}

template<size_t N> QString nearestOf(const QString &word, const std::array<QLatin1String, N> &names, qsizetype maximum)
{
    QString best;
    qsizetype bestDistance = maximum + 1;
    for (const QLatin1String name : names) {
        const qsizetype distance = editDistance(word.toLower(), name);
        // Half the word changed is a different word, not a typo of this one.
        if (distance < bestDistance && 2 * distance < name.size()) {
            best = name;
            bestDistance = distance;
        }
    }
    return best;
}

bool looksLikePath(const QString &word)
{
    return word.contains(QLatin1Char('/')) || word.contains(QLatin1Char('\\')) || word.contains(QLatin1Char('.'));
}

QString quoted(const QString &word)
{
    return QLatin1Char('"') + word + QLatin1Char('"');
}

// A positional argument that is not a command must be a profile that exists.
QString positionalProblem(const QString &word)
{
    const QFileInfo file(word);
    if (file.isFile())
        return {};
    if (file.exists()) {
        return QStringLiteral("%1 is %2, not a profile; %3")
            .arg(word, file.isDir() ? QLatin1String("a directory") : QLatin1String("not a regular file"),
                 QLatin1String(theCommands));
    }
    if (const QString command = CommandLine::nearestKnown(word); !command.isEmpty())
        return QStringLiteral("unknown command %1; did you mean %2?").arg(quoted(word), quoted(command));
    if (looksLikePath(word))
        return QStringLiteral("no profile at %1: no such file").arg(word);
    return QStringLiteral("unknown command %1, and no profile file of that name; %2")
        .arg(quoted(word), QLatin1String(theCommands));
}

// Something a window can appear on. Where X11 or Wayland are the only choices, Qt aborts the
// process when it finds neither, so the window is started only when one of them, or a platform
// plugin named explicitly (QT_QPA_PLATFORM, -platform), says there is something to draw on.
bool hasDisplay(const QStringList &arguments)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i).startsWith(QLatin1Char('-')) && qtOptionName(arguments.at(i)) == QLatin1String("platform"))
            return true;
    }
    return false;
#else
    Q_UNUSED(arguments);
    return true;
#endif
}

} // namespace

bool CommandLine::isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    return isCommand(first) || arguments.contains(QLatin1String("--version")) || arguments.contains(QLatin1String("-v"))
        || arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"));
}

int CommandLine::runHeadless(const QStringList &arguments, Window window)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool withWindow = window == Window::Built;
    const QString usage = QLatin1String(withWindow ? windowUsage : headlessUsage) + QLatin1String(about)
        + QLatin1String(withWindow ? windowAbout : headlessAbout) + QLatin1String(commands)
        + QLatin1String(withWindow ? demoOption : "") + QLatin1String(options);
    const QString first = arguments.value(1);
    if (first == QLatin1String("validate"))
        return runValidateCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("check"))
        return runCheckCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("watch"))
        return runWatchCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("history"))
        return runHistoryCommand(arguments.mid(1), out, err);
    if (first == QLatin1String("crawl"))
        return runCrawlCommand(arguments.mid(1), out, err);
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

QString CommandLine::windowProblem(const QStringList &arguments, Window window)
{
    bool positionalSeen = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(QLatin1Char('-'))) {
            if (takesValue(argument)) {
                ++i;
                continue;
            }
            // Anything else may be one of Qt's options; only a near miss of ours is surely a mistake.
            const QString option = argument.startsWith(QLatin1String("--")) ? nearestKnown(argument) : QString();
            if (!option.isEmpty() && option != argument) {
                return QStringLiteral("pingscope: unknown option %1; did you mean %2?")
                    .arg(quoted(argument), quoted(option));
            }
            continue;
        }
        if (positionalSeen)
            continue;
        positionalSeen = true;
        if (const QString problem = positionalProblem(argument); !problem.isEmpty())
            return QStringLiteral("pingscope: ") + problem;
    }
    if (window == Window::NotBuilt) {
        const QString profile = profileArgument(arguments);
        if (!profile.isEmpty()) {
            return QStringLiteral("pingscope: this build has no window to open %1 in; try pingscope check --profile "
                                  "%1 or pingscope watch --profile %1")
                .arg(profile);
        }
        return QStringLiteral("pingscope: this build has no window; ") + QLatin1String(theCommands);
    }
    if (!hasDisplay(arguments)) {
        return QStringLiteral(
            "pingscope: no display to open the window on (DISPLAY, WAYLAND_DISPLAY and "
            "QT_QPA_PLATFORM are unset); the commands validate, check, watch, history and crawl need none "
            "(pingscope --help)");
    }
    return {};
}

QString CommandLine::profileArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QLatin1Char('-')))
            return argument;
        if (takesValue(argument))
            ++i;
    }
    return {};
}

QString CommandLine::nearestKnown(const QString &word)
{
    return word.startsWith(QLatin1Char('-')) ? nearestOf(word, optionNames, 1) : nearestOf(word, commandNames, 2);
}
