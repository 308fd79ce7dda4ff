#include "QuickEntry.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>

namespace QuickEntry {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("QuickEntry", text);
}

QString lineText(const Endpoint &endpoint)
{
    const QString target = endpoint.target.toString();
    return endpoint.name.isEmpty() ? target : endpoint.name + QStringLiteral(" = ") + target;
}
} // namespace

std::optional<Endpoint> parseLine(const QString &line, const Endpoint &base, QString *error)
{
    QString name;
    QString target = line.trimmed();
    for (const QString &separator : {QStringLiteral("\t"), QStringLiteral(" = ")}) {
        const int at = target.indexOf(separator);
        if (at > 0) {
            name = target.left(at).trimmed();
            target = target.mid(at + separator.size()).trimmed();
            break;
        }
    }
    const std::optional<Target> parsed = Target::parse(target, error);
    if (!parsed)
        return std::nullopt;
    Endpoint endpoint = base;
    endpoint.name = name;
    endpoint.target = *parsed;
    endpoint.source = {};
    return endpoint;
}

ParsedList parseList(const QString &text, const Endpoint &base)
{
    ParsedList parsed;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QString error;
        if (auto endpoint = parseLine(line, base, &error))
            parsed.endpoints.append(std::move(*endpoint));
        else
            parsed.problems.append(tr("line %1: %2").arg(i + 1).arg(error));
    }
    return parsed;
}

std::optional<Endpoint> askEndpoint(QWidget *parent, const QString &title, const Endpoint &start)
{
    QString text = start.target.host.isEmpty() && start.target.url.isEmpty() ? QString() : lineText(start);
    for (;;) {
        bool ok = false;
        text = QInputDialog::getText(parent, title,
                                     tr("Target, optionally named as \"name = target\"\n"
                                        "(https://example.org/health, db.lan:5432, tls://mail.lan, a bare host to "
                                        "ping, dns://name?type=AAAA):"),
                                     QLineEdit::Normal, text, &ok);
        if (!ok)
            return std::nullopt;
        QString error;
        if (auto endpoint = parseLine(text, start, &error)) {
            endpoint->source = start.source; // an edit keeps the keys this version does not know
            return endpoint;
        }
        QMessageBox::warning(parent, title, error);
    }
}

QList<Endpoint> askList(QWidget *parent, const Endpoint &base)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        parent, tr("Import endpoints"), tr("One target per line, optionally \"name = target\"; # starts a comment:"),
        QString(), &ok);
    if (!ok)
        return {};
    ParsedList parsed = parseList(text, base);
    if (!parsed.problems.isEmpty()) {
        const auto answer
            = QMessageBox::warning(parent, tr("Import endpoints"),
                                   tr("%1 lines could not be read and will be left out:\n%2\n\nImport the other %3?")
                                       .arg(parsed.problems.size())
                                       .arg(parsed.problems.mid(0, 10).join(QLatin1Char('\n')))
                                       .arg(parsed.endpoints.size()),
                                   QMessageBox::Yes | QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return {};
    }
    return parsed.endpoints;
}

} // namespace QuickEntry
