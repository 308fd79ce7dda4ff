#include "BcryptHash.h"
#include "TestCertificates.h"
#include "TestFiles.h"
#include "cli/BasicAuth.h"
#include "cli/WebConfig.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray basic(const QByteArray &user, const QByteArray &password)
{
    return "Basic " + (user + ':' + password).toBase64();
}

} // namespace

class TestWebConfig : public QObject
{
    Q_OBJECT

private slots:
    void readsTlsAndUsers()
    {
        TestCertificates certificates;
        QVERIFY2(certificates.isValid(), qPrintable(certificates.error()));
        QTemporaryDir dir;
        // The key by a path relative to the file's folder, as the exporter toolkit reads it.
        QFile::copy(certificates.keyFile(TestCertificates::Leaf::SelfSigned),
                    dir.filePath(QStringLiteral("server.key")));
        const QByteArray alice = bcryptHash("wonderland");
        QVERIFY(alice.startsWith("$2b$04$"));
        const QString path
            = writeTestFile(dir, QStringLiteral("web.yml"),
                            "# a comment\ntls_server_config:\n  cert_file: "
                                + certificates.certificateFile(TestCertificates::Leaf::SelfSigned).toUtf8()
                                + "\n  key_file: server.key\n  min_version: TLS13\nbasic_auth_users:\n  alice: '"
                                + alice + "'\n  bob: $2y$10$hLqFl9jSjoAAy95Z/zw8Ye8wkdMBM8c5Bn1ptYqP/AXyV0.oy0S8m\n");
        QString error;
        const auto config = WebConfig::fromFile(path, &error);
        QVERIFY2(config, qPrintable(error));
        QVERIFY(config->hasTls());
        QVERIFY(!config->privateKey.isNull());
        QCOMPARE(config->minimumVersion, std::optional<QSsl::SslProtocol>(QSsl::TlsV1_3OrLater));
        QCOMPARE(config->users.keys(), QList<QByteArray>({"alice", "bob"}));
        QCOMPARE(config->users.value("alice"), alice);
    }

    void emptyFileMeansPlainHttp()
    {
        QString error;
        const auto config = WebConfig::fromYaml("", QString(), &error);
        QVERIFY2(config, qPrintable(error));
        QVERIFY(!config->hasTls());
        QVERIFY(config->users.isEmpty());
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("not yaml") << QByteArray("basic_auth_users: {alice: [") << "yaml-cpp: error at line";
        QTest::newRow("a list") << QByteArray("- a\n- b\n") << "not a YAML mapping";
        QTest::newRow("unknown key") << QByteArray("rate_limit:\n  burst: 20\n")
                                     << "rate_limit is not supported by pingscope";
        QTest::newRow("client certificates")
            << QByteArray("tls_server_config:\n  client_auth_type: RequireAndVerifyClientCert\n")
            << "tls_server_config.client_auth_type is not supported by pingscope";
        QTest::newRow("cert without key")
            << QByteArray("tls_server_config:\n  cert: abc\n") << "tls_server_config wants both a certificate";
        QTest::newRow("missing cert file")
            << QByteArray("tls_server_config:\n  cert_file: /nonexistent/c.pem\n  key_file: k\n")
            << "tls_server_config.cert_file: cannot read /nonexistent/c.pem";
        QTest::newRow("not a certificate") << QByteArray("tls_server_config:\n  cert: abc\n  key: def\n")
                                           << "tls_server_config: the certificate is not a PEM certificate";
        QTest::newRow("old tls") << QByteArray("tls_server_config:\n  min_version: TLS10\n")
                                 << "tls_server_config.min_version: pingscope serves TLS12 or TLS13";
        QTest::newRow("clear password") << QByteArray("basic_auth_users:\n  alice: secret\n")
                                        << "basic_auth_users.alice wants a bcrypt hash";
        QTest::newRow("md5 hash") << QByteArray("basic_auth_users:\n  alice: $1$abc$def\n")
                                  << "basic_auth_users.alice wants a bcrypt hash";
        QTest::newRow("users as list") << QByteArray("basic_auth_users:\n  - alice\n")
                                       << "basic_auth_users wants a mapping";
        QTest::newRow("hash as list") << QByteArray("basic_auth_users:\n  alice: [a]\n")
                                      << "basic_auth_users.alice wants a string";
    }
    void refusesBadFiles()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!WebConfig::fromYaml(yaml, QStringLiteral("/tmp"), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void missingFileNamesIt()
    {
        QString error;
        QVERIFY(!WebConfig::fromFile(QStringLiteral("/nonexistent/web.yml"), &error));
        QVERIFY2(error.startsWith(QLatin1String("--web-config /nonexistent/web.yml: ")), qPrintable(error));
    }

    void basicAuthChecksBcrypt()
    {
        const QByteArray hash = bcryptHash("right");
        QVERIFY(BasicAuth::matches("right", hash));
        QVERIFY(!BasicAuth::matches("wrong", hash));
        QVERIFY(!BasicAuth::matches("right", "$2b$04$notahash"));
        BasicAuth auth({{"alice", hash}});
        QVERIFY(auth.allows(basic("alice", "right")));
        QVERIFY(auth.allows(basic("alice", "right"))); // again, from the cache
        QVERIFY(!auth.allows(basic("alice", "wrong")));
        QVERIFY(!auth.allows(basic("alice", "righ")));
        QVERIFY(!auth.allows(basic("bob", "right")));
        QVERIFY(!auth.allows(basic("alice", "")));
        QVERIFY(!auth.allows("Bearer abc"));
        QVERIFY(!auth.allows("Basic !!!notbase64"));
        QVERIFY(!auth.allows("Basic " + QByteArray("alice-right").toBase64())); // no colon
        QVERIFY(!auth.allows({}));
        // A password may hold a colon: only the first one ends the user name.
        BasicAuth colon({{"carol", bcryptHash("a:b")}});
        QVERIFY(colon.allows(basic("carol", "a:b")));
    }

    // An unknown user costs a bcrypt hash as a known one does, so the time of a refusal tells no names.
    void unknownUserIsHashedToo()
    {
        QVERIFY(BasicAuth::matches("x", "$2y$10$QGZVu0HRwDR7AvpOjyAZ7.6PfSC7ZtG3OHbfwt6WmK3Fxl8nGBPsu") == false);
        BasicAuth auth({{"alice", bcryptHash("right")}});
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!auth.allows(basic("nobody", "x")));
        // The decoy's cost is 10, 2^10 rounds of bcrypt's key schedule; a refusal without hashing would
        // take microseconds. 5 ms is far below the first and far above the second.
        QVERIFY2(timer.elapsed() >= 5, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestWebConfig)
#include "tst_webconfig.moc"
