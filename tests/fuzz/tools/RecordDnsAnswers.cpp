// Writes the dns_answers seed corpus: the answers FakeDnsServer (the DNS server of the DNS probe's
// tests) sends on loopback to c-ares's own queries, one raw message per file, for every record type
// and every way of failing it has. Run by hand when the fake or the record types change:
//   cmake --build BUILD --target record_dns_answers && BUILD/tests/fuzz/record_dns_answers
//   tests/fuzz/corpus/dns_answers

#include "FakeDnsServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <ares.h>
#include <arpa/nameser.h>

#include <cstdio>

namespace {

QByteArray ask(FakeDnsServer &server, const QByteArray &name, int type)
{
    unsigned char *query = nullptr;
    int length = 0;
    if (ares_create_query(name.constData(), ns_c_in, type, 0x1234, 1, &query, &length, 0) != ARES_SUCCESS)
        return {};
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    socket.writeDatagram(reinterpret_cast<const char *>(query), length, server.address(), server.port());
    ares_free_string(query);
    QElapsedTimer clock;
    clock.start();
    while (!socket.hasPendingDatagrams() && clock.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return socket.hasPendingDatagrams() ? socket.receiveDatagram().data() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_FOLDER\n", argv[0]);
        return 2;
    }
    const QDir folder(QString::fromLocal8Bit(argv[1]));
    FakeDnsServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1\n");
        return 1;
    }
    server.addA(QStringLiteral("www.example.test"), QStringLiteral("192.0.2.10"));
    server.addA(QStringLiteral("www.example.test"), QStringLiteral("192.0.2.11"));
    server.addAaaa(QStringLiteral("www.example.test"), QStringLiteral("2001:db8::10"));
    server.addCname(QStringLiteral("alias.example.test"), QStringLiteral("www.example.test"));
    server.addMx(QStringLiteral("example.test"), 10, QStringLiteral("mail.example.test"));
    server.addMx(QStringLiteral("example.test"), 20, QStringLiteral("backup.example.test"));
    server.addTxt(QStringLiteral("example.test"), "v=spf1 -all");
    server.addTxt(QStringLiteral("long.example.test"), QByteArray(300, 'k') + " and more"); // two strings
    server.addNs(QStringLiteral("example.test"), QStringLiteral("ns1.example.test"));
    server.addNs(QStringLiteral("example.test"), QStringLiteral("ns2.example.test"));
    server.addSrv(QStringLiteral("_sip._tcp.example.test"), 0, 5, 5060, QStringLiteral("sip.example.test"));

    struct Question
    {
        const char *file;
        QByteArray name;
        int type;
        FakeDnsServer::Mode mode = FakeDnsServer::Mode::Answer;
    };
    const Question questions[] = {
        {"a-two-addresses", "www.example.test", ns_t_a},
        {"aaaa-one-address", "www.example.test", ns_t_aaaa},
        {"a-through-cname", "alias.example.test", ns_t_a},
        {"cname", "alias.example.test", ns_t_cname},
        {"mx-two-hosts", "example.test", ns_t_mx},
        {"txt-one-string", "example.test", ns_t_txt},
        {"txt-two-strings", "long.example.test", ns_t_txt},
        {"ns-two-servers", "example.test", ns_t_ns},
        {"srv", "_sip._tcp.example.test", ns_t_srv},
        {"mx-no-records", "www.example.test", ns_t_mx},
        {"nxdomain", "missing.example.test", ns_t_a},
        {"servfail", "www.example.test", ns_t_a, FakeDnsServer::Mode::ServFail},
        {"refused", "www.example.test", ns_t_aaaa, FakeDnsServer::Mode::Refused},
    };
    for (const Question &question : questions) {
        server.setMode(question.mode);
        const QByteArray answer = ask(server, question.name, question.type);
        QFile file(folder.filePath(QLatin1String(question.file)));
        if (answer.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(answer) != answer.size()) {
            std::fprintf(stderr, "%s: no answer, or cannot write it\n", question.file);
            return 1;
        }
        std::printf("%s: %d bytes\n", question.file, int(answer.size()));
    }
    return 0;
}
