#include "KeychainSecretStore.h"

#include "async/DeleteLater.h"
#include "async/EventLatch.h"

#include <QCoroSignal>

#include <qt6keychain/keychain.h>

namespace {
template<typename Job> LaterPtr<Job> makeJob(const QString &key)
{
    auto job = makeLater<Job>(QString::fromLatin1(KeychainSecretStore::service));
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

QString problemOf(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QStringLiteral("the keychain has no entry \"%1\"").arg(job.key());
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no keychain is available (%1)").arg(job.errorString());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("the keychain denied access (%1)").arg(job.errorString());
    default:
        break;
    }
    return QStringLiteral("the keychain failed: %1").arg(job.errorString());
}
// A job may finish inside start() (no backend at all), before an await on its signal would be
// connected: the latch is connected first, and resumes the coroutine from the event loop.
QCoro::Task<> runJob(QKeychain::Job *job)
{
    const auto latch = makeLater<EventLatch>();
    QObject::connect(job, &QKeychain::Job::finished, latch.get(), &EventLatch::trigger);
    job->start();
    co_await qCoro(latch.get(), &EventLatch::done);
}
} // namespace

QCoro::Task<SecretStore::Lookup> KeychainSecretStore::read(QString key)
{
    const auto job = makeJob<QKeychain::ReadPasswordJob>(key);
    co_await runJob(job.get());
    Lookup lookup;
    if (job->error() == QKeychain::NoError)
        lookup.value = job->textData();
    else
        lookup.problem = problemOf(*job);
    co_return lookup;
}

QCoro::Task<QString> KeychainSecretStore::write(QString key, QString value)
{
    const auto job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(value);
    co_await runJob(job.get());
    co_return problemOf(*job);
}

QCoro::Task<QString> KeychainSecretStore::remove(QString key)
{
    const auto job = makeJob<QKeychain::DeletePasswordJob>(key);
    co_await runJob(job.get());
    co_return job->error() == QKeychain::EntryNotFound ? QString() : problemOf(*job);
}
