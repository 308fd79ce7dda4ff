#include "CommandChannel.h"

#include "AlertTemplate.h"
#include "ChildProcess.h"
#include "net/NetContext.h"

namespace {
QCoro::Task<AlertDelivery> deliver(QString program, QStringList arguments, QProcessEnvironment environment,
                                   QByteArray input, std::shared_ptr<NetContext> context)
{
    const ChildProcess::Outcome outcome = co_await ChildProcess::run(program, arguments, environment, input, context);
    AlertDelivery delivery;
    if (!outcome.started)
        delivery.error = QStringLiteral("%1 could not be started: %2").arg(program, outcome.startError);
    else if (outcome.aborted)
        delivery.error = QStringLiteral("%1: %2; it was killed").arg(program, context->abortedError().message);
    else if (outcome.crashed)
        delivery.error = QStringLiteral("%1 crashed").arg(program);
    else if (outcome.exitCode != 0)
        delivery.error
            = QStringLiteral("%1 exited with code %2%3")
                  .arg(program)
                  .arg(outcome.exitCode)
                  .arg(outcome.errorLine().isEmpty() ? QString() : QStringLiteral(": ") + outcome.errorLine());
    else if (!outcome.errorLine().isEmpty())
        delivery.note = QStringLiteral("%1 said on stderr: %2").arg(program, outcome.errorLine());
    delivery.ok = delivery.error.isEmpty();
    co_return delivery;
}
} // namespace

CommandChannel::CommandChannel(AlertChannelSettings settings) : AlertChannel(std::move(settings)) { }

QStringList CommandChannel::arguments(const AlertChannelSettings &settings, const AlertMessage &message,
                                      const QString &secret)
{
    QHash<QString, QString> fields = message.fields();
    fields.insert(QStringLiteral("secret"), secret);
    QStringList arguments;
    for (qsizetype i = 1; i < settings.command.size(); ++i)
        arguments << AlertTemplate::render(settings.command.at(i), fields, AlertTemplate::Escape::None);
    return arguments;
}

QProcessEnvironment CommandChannel::environment(const AlertMessage &message)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QHash<QString, QString> fields = message.fields();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == QLatin1String("events"))
            continue;
        QString value = it.value();
        value.remove(QChar(0)); // an environment string ends at the first NUL
        environment.insert(QStringLiteral("PINGSCOPE_") + it.key().toUpper(), value);
    }
    return environment;
}

QCoro::Task<AlertDelivery> CommandChannel::send(AlertMessage message, QString secret,
                                                std::shared_ptr<NetContext> context)
{
    const AlertChannelSettings &channel = settings();
    return deliver(channel.command.value(0), arguments(channel, message, secret), environment(message), message.json(),
                   std::move(context));
}
