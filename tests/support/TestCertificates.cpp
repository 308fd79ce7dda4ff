#include "TestCertificates.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>

namespace {
QString leafName(TestCertificates::Leaf leaf)
{
    switch (leaf) {
    case TestCertificates::Leaf::Good:
        return QStringLiteral("good");
    case TestCertificates::Leaf::ExpiringSoon:
        return QStringLiteral("soon");
    case TestCertificates::Leaf::Expired:
        return QStringLiteral("expired");
    case TestCertificates::Leaf::SelfSigned:
        return QStringLiteral("self");
    }
    return {};
}

QString asn1Time(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

const char caConfig[] = "[ca]\n"
                        "default_ca = test_ca\n"
                        "[test_ca]\n"
                        "dir = .\n"
                        "database = index.txt\n"
                        "new_certs_dir = .\n"
                        "serial = serial\n"
                        "default_md = sha256\n"
                        "policy = anything\n"
                        "copy_extensions = copy\n"
                        "unique_subject = no\n"
                        "[anything]\n"
                        "commonName = supplied\n"
                        "[leaf]\n"
                        "basicConstraints = CA:FALSE\n"
                        "subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1\n"
                        "extendedKeyUsage = serverAuth\n";
} // namespace

TestCertificates::TestCertificates()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    QFile config(m_dir.filePath(QStringLiteral("ca.cnf")));
    QFile index(m_dir.filePath(QStringLiteral("index.txt")));
    QFile serial(m_dir.filePath(QStringLiteral("serial")));
    if (!config.open(QIODevice::WriteOnly) || !index.open(QIODevice::WriteOnly) || !serial.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write the CA's files");
        return;
    }
    config.write(caConfig);
    serial.write("1000\n");
    config.close();
    index.close();
    serial.close();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool ok = run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                         QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=Pingscope Test CA"), QStringLiteral("-days"), QStringLiteral("30")})
        && makeLeaf(QStringLiteral("good"),
                    {QStringLiteral("-startdate"), asn1Time(now.addDays(-1)), QStringLiteral("-enddate"),
                     asn1Time(now.addDays(365))})
        && makeLeaf(QStringLiteral("soon"),
                    {QStringLiteral("-startdate"), asn1Time(now.addDays(-1)), QStringLiteral("-enddate"),
                     asn1Time(now.addDays(expiringSoonDays).addSecs(3600))})
        && makeLeaf(QStringLiteral("expired"),
                    {QStringLiteral("-startdate"), asn1Time(now.addDays(-30)), QStringLiteral("-enddate"),
                     asn1Time(now.addDays(-2))})
        && run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), QStringLiteral("self.key"), QStringLiteral("-out"),
                QStringLiteral("self.pem"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"),
                QStringLiteral("-days"), QStringLiteral("30")});
    if (!ok && m_error.isEmpty())
        m_error = QStringLiteral("openssl failed");
}

bool TestCertificates::makeLeaf(const QString &name, const QStringList &validity)
{
    return run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                name + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")})
        && run(QStringList{QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                           QStringLiteral("ca.cnf"), QStringLiteral("-extensions"), QStringLiteral("leaf"),
                           QStringLiteral("-cert"), QStringLiteral("ca.pem"), QStringLiteral("-keyfile"),
                           QStringLiteral("ca.key"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                           QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-notext")}
               + validity);
}

bool TestCertificates::run(const QStringList &arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2 %3")
                      .arg(arguments.value(0), openssl.errorString(),
                           QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

QString TestCertificates::caFile() const
{
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QString TestCertificates::certificateFile(Leaf leaf) const
{
    return m_dir.filePath(leafName(leaf) + QStringLiteral(".pem"));
}

QString TestCertificates::keyFile(Leaf leaf) const
{
    return m_dir.filePath(leafName(leaf) + QStringLiteral(".key"));
}
