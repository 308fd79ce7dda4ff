#include "alert/KeychainSecretStore.h"

#include "CoroTest.h"

#include <QElapsedTimer>
#include <QTest>

using namespace std::chrono_literals;

// The real QtKeychain store where there is no keychain at all, as on a server or in CI without a
// session bus: every call answers with a problem a person can read, soon, and never hangs `watch`.
// (A round trip through a running Secret Service needs a desktop session the test suite has not.)
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before anything touches D-Bus: a session bus that is not there.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pingscope-test-bus");
        qunsetenv("XDG_CURRENT_DESKTOP");
    }

    void withoutAKeychainEachCallSaysSo()
    {
        KeychainSecretStore store;
        QElapsedTimer elapsed;
        elapsed.start();
        const auto lookup = CoroTest::await(store.read(QStringLiteral("alerts/test")), 30s);
        QVERIFY(lookup);
        QVERIFY(!lookup->value);
        QVERIFY2(lookup->problem.contains(QLatin1String("keychain")), qPrintable(lookup->problem));

        const auto written = CoroTest::await(store.write(QStringLiteral("alerts/test"), QStringLiteral("s3cret")), 30s);
        QVERIFY(written);
        QVERIFY2(written->contains(QLatin1String("keychain")), qPrintable(*written));
        QVERIFY2(elapsed.elapsed() < 10000, qPrintable(QString::number(elapsed.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
