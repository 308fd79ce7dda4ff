#include "AppriseChannel.h"

#include "AlertTemplate.h"
#include "ChildProcess.h"
#include "net/NetContext.h"

#include <QStandardPaths>

namespace {
QCoro::Task<AlertDelivery> deliver(QString program, QString url, AlertMessage message,
                                   std::shared_ptr<NetContext> context)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("APPRISE_URLS"), url);
    const QStringList arguments{QStringLiteral("-v"), QStringLiteral("-n"), message.severity(), QStringLiteral("-t"),
                                message.neutralTitle()};
    const ChildProcess::Outcome outcome
        = co_await ChildProcess::run(program, arguments, environment, message.text().toUtf8(), context);
    AlertDelivery delivery;
    if (!outcome.started)
        delivery.error = QStringLiteral("apprise could not be started: %1").arg(outcome.startError);
    else if (outcome.aborted)
        delivery.error = context->abortedError().message + QStringLiteral("; apprise was stopped");
    else if (outcome.crashed)
        delivery.error = QStringLiteral("apprise crashed");
    else if (outcome.exitCode != 0)
        delivery.error
            = QStringLiteral("apprise failed (exit code %1)%2")
                  .arg(outcome.exitCode)
                  .arg(outcome.errorLine().isEmpty() ? QString() : QStringLiteral(": ") + outcome.errorLine());
    delivery.ok = delivery.error.isEmpty();
    co_return delivery;
}
} // namespace

AppriseChannel::AppriseChannel(AlertChannelSettings settings) : AlertChannel(std::move(settings)) { }

QString AppriseChannel::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("apprise"));
}

QString AppriseChannel::missingText()
{
    return QStringLiteral("apprise is not installed (not found on PATH); install it (Debian and Ubuntu: apt install "
                          "apprise; elsewhere: pip install apprise)");
}

QString AppriseChannel::unavailableReason() const
{
    return program().isEmpty() ? missingText() : QString();
}

QCoro::Task<AlertDelivery> AppriseChannel::send(AlertMessage message, QString secret,
                                                std::shared_ptr<NetContext> context)
{
    const QString found = program();
    if (found.isEmpty())
        return failedAtOnce(missingText());
    const QString url
        = AlertTemplate::render(settings().url, {{QStringLiteral("secret"), secret}}, AlertTemplate::Escape::None);
    return deliver(found, url, std::move(message), std::move(context));
}
