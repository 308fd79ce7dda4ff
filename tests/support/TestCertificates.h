#pragma once

#include <QString>
#include <QTemporaryDir>

// Certificates made at run time with the openssl command, so they never go stale: a private CA and
// leaves for localhost / 127.0.0.1 / ::1 signed by it, plus a self-signed one.
class TestCertificates
{
public:
    enum class Leaf { Good, ExpiringSoon, Expired, SelfSigned };

    TestCertificates();

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QString caFile() const; // PEM of the CA that signed Good, ExpiringSoon and Expired
    QString certificateFile(Leaf leaf) const; // PEM
    QString keyFile(Leaf leaf) const; // PEM, unencrypted

    static constexpr int expiringSoonDays = 3;

private:
    bool run(const QStringList &arguments);
    bool makeLeaf(const QString &name, const QStringList &validity);

    QTemporaryDir m_dir;
    QString m_error;
};
