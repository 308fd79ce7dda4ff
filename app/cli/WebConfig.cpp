#include "WebConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace {

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

// A scalar value, or nothing with *error naming the key.
std::optional<QString> scalar(const YAML::Node &node, const QString &key, QString *error)
{
    if (!node.IsScalar()) {
        *error = QStringLiteral("%1 wants a string").arg(key);
        return std::nullopt;
    }
    return text(node);
}

std::optional<QByteArray> readFile(const QString &folder, const QString &name, const QString &key, QString *error)
{
    const QString path = QDir(folder).absoluteFilePath(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read %2: %3").arg(key, path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

bool readTls(const YAML::Node &tls, const QString &folder, WebConfig *config, QString *error)
{
    if (!tls.IsMap()) {
        *error = QStringLiteral("tls_server_config wants a mapping");
        return false;
    }
    QByteArray certificate;
    QByteArray key;
    for (const auto &entry : tls) {
        const QString name = text(entry.first);
        const QString where = QStringLiteral("tls_server_config.") + name;
        if (name == QLatin1String("cert_file") || name == QLatin1String("key_file")) {
            const auto file = scalar(entry.second, where, error);
            if (!file)
                return false;
            const auto bytes = readFile(folder, *file, where, error);
            if (!bytes)
                return false;
            (name == QLatin1String("cert_file") ? certificate : key) = *bytes;
        } else if (name == QLatin1String("cert") || name == QLatin1String("key")) {
            const auto pem = scalar(entry.second, where, error);
            if (!pem)
                return false;
            (name == QLatin1String("cert") ? certificate : key) = pem->toUtf8();
        } else if (name == QLatin1String("min_version")) {
            const auto version = scalar(entry.second, where, error);
            if (!version)
                return false;
            if (*version == QLatin1String("TLS12"))
                config->minimumVersion = QSsl::TlsV1_2OrLater;
            else if (*version == QLatin1String("TLS13"))
                config->minimumVersion = QSsl::TlsV1_3OrLater;
            else {
                *error = QStringLiteral("%1: pingscope serves TLS12 or TLS13 (got \"%2\")").arg(where, *version);
                return false;
            }
        } else {
            *error = QStringLiteral("%1 is not supported by pingscope (it reads cert_file, key_file, cert, key and "
                                    "min_version)")
                         .arg(where);
            return false;
        }
    }
    if (certificate.isEmpty() != key.isEmpty() || certificate.isEmpty()) {
        *error = QStringLiteral("tls_server_config wants both a certificate (cert_file) and its key (key_file)");
        return false;
    }
    config->certificateChain = QSslCertificate::fromData(certificate, QSsl::Pem);
    if (config->certificateChain.isEmpty()) {
        *error = QStringLiteral("tls_server_config: the certificate is not a PEM certificate");
        return false;
    }
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        config->privateKey = QSslKey(key, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!config->privateKey.isNull())
            break;
    }
    if (config->privateKey.isNull()) {
        *error = QStringLiteral("tls_server_config: the key is not an unencrypted PEM private key (RSA, EC or DSA)");
        return false;
    }
    return true;
}

bool readUsers(const YAML::Node &users, WebConfig *config, QString *error)
{
    if (users.IsNull())
        return true;
    if (!users.IsMap()) {
        *error = QStringLiteral("basic_auth_users wants a mapping of user names to bcrypt hashes");
        return false;
    }
    for (const auto &entry : users) {
        const QString name = text(entry.first);
        const auto hash = scalar(entry.second, QStringLiteral("basic_auth_users.") + name, error);
        if (!hash)
            return false;
        // Only bcrypt, as the exporter toolkit: a hash of another kind (or a password in clear) is a mistake.
        if (!(hash->startsWith(QLatin1String("$2a$")) || hash->startsWith(QLatin1String("$2b$"))
              || hash->startsWith(QLatin1String("$2y$")))
            || hash->size() != 60) {
            *error = QStringLiteral("basic_auth_users.%1 wants a bcrypt hash ($2y$…, 60 characters), "
                                    "e.g. from htpasswd -nBC 10 \"\" | tr -d ':\\n'")
                         .arg(name);
            return false;
        }
        config->users.insert(name.toUtf8(), hash->toUtf8());
    }
    return true;
}

} // namespace

std::optional<WebConfig> WebConfig::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--web-config %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto config = fromYaml(file.readAll(), QFileInfo(path).absolutePath(), error);
    if (!config)
        *error = QStringLiteral("--web-config %1: %2").arg(path, *error);
    return config;
}

std::optional<WebConfig> WebConfig::fromYaml(const QByteArray &yaml, const QString &folder, QString *error)
{
    WebConfig config;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsNull())
            return config; // an empty file: plain HTTP, no authentication, as the exporter toolkit reads it
        if (!root.IsMap()) {
            *error = QStringLiteral("not a YAML mapping");
            return std::nullopt;
        }
        for (const auto &entry : root) {
            const QString key = text(entry.first);
            if (key == QLatin1String("tls_server_config")) {
                if (!readTls(entry.second, folder, &config, error))
                    return std::nullopt;
            } else if (key == QLatin1String("basic_auth_users")) {
                if (!readUsers(entry.second, &config, error))
                    return std::nullopt;
            } else {
                *error = QStringLiteral("%1 is not supported by pingscope (it reads tls_server_config and "
                                        "basic_auth_users)")
                             .arg(key);
                return std::nullopt;
            }
        }
    } catch (const YAML::Exception &problem) {
        // yaml-cpp reports by exception; its message carries the line and column.
        *error = QString::fromStdString(problem.what());
        return std::nullopt;
    }
    return config;
}
