#pragma once

#include <QByteArray>
#include <QMap>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

// `watch --web-config FILE`: the web configuration file of Prometheus's exporter toolkit, the one
// node_exporter and Prometheus itself read, so one file serves all of a host's exporters:
//   tls_server_config: {cert_file, key_file} (or cert, key inline; min_version TLS12/TLS13)
//   basic_auth_users: {name: bcrypt hash}
// A key of the format this does not implement (client certificates, cipher suites, HTTP headers,
// rate limits…) is refused by name rather than ignored: a file that asks for more protection than
// it gets must not start an agent that looks protected.
struct WebConfig
{
    QList<QSslCertificate> certificateChain; // the server's first; empty = plain HTTP
    QSslKey privateKey;
    std::optional<QSsl::SslProtocol> minimumVersion;
    QMap<QByteArray, QByteArray> users; // name → bcrypt hash; empty = no authentication

    bool hasTls() const { return !certificateChain.isEmpty(); }

    // Relative file names in it are relative to the file's folder, as the exporter toolkit reads them.
    static std::optional<WebConfig> fromFile(const QString &path, QString *error);
    static std::optional<WebConfig> fromYaml(const QByteArray &yaml, const QString &folder, QString *error);
};
