#include "editor/EndpointEditorDialog.h"
#include "editor/FieldMessage.h"
#include "editor/ProbeTestPanel.h"
#include "probe/ProbeRunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace std::chrono_literals;

namespace {
template<typename T> T *child(const QWidget &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

bool okEnabled(const EndpointEditorDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

// The message under a field: shown, in the error state, and saying something about the problem.
bool showsError(const EndpointEditorDialog &dialog, const char *messageName, const QString &mentions)
{
    const auto *message = child<FieldMessage>(dialog, messageName);
    if (!message->hasError() || !message->isVisibleTo(&dialog)
        || !message->text().contains(mentions, Qt::CaseInsensitive)) {
        qWarning("%s: error=%d visible=%d text=\"%s\"", messageName, message->hasError(), message->isVisibleTo(&dialog),
                 qPrintable(message->text()));
        return false;
    }
    return true;
}

bool showsNoError(const EndpointEditorDialog &dialog, const char *messageName)
{
    return !child<FieldMessage>(dialog, messageName)->hasError();
}

Endpoint fullyCustomised()
{
    Endpoint e;
    e.name = QStringLiteral("Checkout API");
    e.probe.target = *Target::parse(QStringLiteral("https://shop.example.org:8443/health?deep=1"));
    e.enabled = false;
    e.intervalS = 12.5;
    e.downIntervalS = 3.25;
    e.probe.timeoutMs = 2500;
    e.failureThreshold = 4;
    e.probe.degradedMs = 800;
    e.probe.certWarningDays = 30;
    e.probe.ipFamily = IpFamily::V6;
    e.tags = {QStringLiteral("prod"), QStringLiteral("shop")};
    e.probe.http.method = "POST";
    e.probe.http.headers = {{"Accept", "application/json"}, {"X-Token", "abc: def"}};
    e.probe.http.body = "{\"ping\": true}\nsecond line";
    e.probe.http.expectStatus = *StatusCodeSet::parse(QStringLiteral("200-204,301"));
    e.probe.http.expectBody = QStringLiteral("ok");
    e.probe.http.expectBodyRegex = QStringLiteral("\"status\":\\s*\"(up|ok)\"");
    e.probe.http.rejectBody = QStringLiteral("maintenance");
    e.probe.http.maxRedirects = 0;
    e.probe.http.verifyTls = false;
    e.probe.http.caFile = QString();
    e.probe.http.maxBodyBytes = 65536;
    e.probe.http.reuseConnection = true;
    e.probe.icmp = {7, 150, 120};
    e.probe.dns.expect = QStringLiteral("192.0.2.7");
    e.source = QJsonObject{{QStringLiteral("target"), QStringLiteral("https://shop.example.org:8443/health?deep=1")},
                           {QStringLiteral("x_future_key"), 42}};
    return e;
}
} // namespace

class TestEndpointEditor : public QObject
{
    Q_OBJECT

private slots:
    void fieldsHoldWhatTheFormatAllows()
    {
        // The editor reads the limits of the settings themselves: what it accepts a profile can hold.
        EndpointEditorDialog dialog(nullptr);
        const auto range = [&](const char *name) {
            const QSpinBox *box = child<QSpinBox>(dialog, name);
            return std::pair{box->minimum(), box->maximum()};
        };
        const auto limits = [](const Setting<int> &setting) { return std::pair{setting.minimum, setting.maximum}; };
        QCOMPARE(range("timeout"), limits(ProbeSpec::timeoutSetting));
        QCOMPARE(range("failureThreshold"), limits(Endpoint::failureThresholdSetting));
        QCOMPARE(range("certWarningDays"), limits(ProbeSpec::certWarningDaysSetting));
        QCOMPARE(range("degraded").second, ProbeSpec::degradedSetting.maximum);
        QCOMPARE(range("maxRedirects"), limits(HttpOptions::maxRedirectsSetting));
        QCOMPARE(range("icmpCount"), limits(IcmpOptions::countSetting));
        QCOMPARE(range("icmpSpacing"), limits(IcmpOptions::spacingSetting));
        QCOMPARE(range("icmpPayload"), limits(IcmpOptions::payloadSetting));
    }

    void showsWhatTheTargetBecame()
    {
        EndpointEditorDialog dialog(nullptr);
        auto *target = child<QLineEdit>(dialog, "target");
        target->setText(QStringLiteral("db.lan:5432"));
        const auto *message = child<FieldMessage>(dialog, "targetMessage");
        QVERIFY(!message->hasError());
        QVERIFY2(message->text().contains(QStringLiteral("tcp://db.lan:5432 (TCP connect)")),
                 qPrintable(message->text()));
        QVERIFY(okEnabled(dialog));

        target->setText(QStringLiteral("router.lan"));
        QVERIFY2(message->text().contains(QStringLiteral("icmp://router.lan (ICMP ping)")),
                 qPrintable(message->text()));
    }

    void anEmptyTargetIsAHintNotAnError()
    {
        EndpointEditorDialog dialog(nullptr);
        const auto *message = child<FieldMessage>(dialog, "targetMessage");
        QVERIFY(!message->hasError());
        QVERIFY(message->isVisibleTo(&dialog));
        QVERIFY(!okEnabled(dialog));
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("db.lan:5432"));
        QVERIFY(okEnabled(dialog));
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("   "));
        QVERIFY(!okEnabled(dialog));
    }

    void showsOnlyTheCurrentKindsSection()
    {
        EndpointEditorDialog dialog(nullptr);
        auto *target = child<QLineEdit>(dialog, "target");
        const auto visible = [&](const char *name) { return child<QWidget>(dialog, name)->isVisibleTo(&dialog); };
        target->setText(QStringLiteral("https://example.org/"));
        QVERIFY(visible("method"));
        QVERIFY(!visible("icmpCount"));
        QVERIFY(!visible("dnsExpect"));
        target->setText(QStringLiteral("router.lan"));
        QVERIFY(!visible("method"));
        QVERIFY(visible("icmpCount"));
        target->setText(QStringLiteral("dns://example.org?type=MX"));
        QVERIFY(visible("dnsExpect"));
        QVERIFY(!visible("icmpCount"));
        target->setText(QStringLiteral("db.lan:5432"));
        QVERIFY(!visible("method") && !visible("icmpCount") && !visible("dnsExpect"));
        // No blank where a section was: a line says the kind has no options.
        QVERIFY(visible("noOptions"));
        target->setText(QStringLiteral("https://example.org/"));
        QVERIFY(!visible("noOptions"));

        // The certificate warning only where there is a certificate.
        const auto certificateRow = [&] { return visible("certWarningDays"); };
        QVERIFY(certificateRow());
        for (const char *without : {"db.lan:5432", "http://example.org/", "router.lan", "dns://example.org"}) {
            target->setText(QLatin1String(without));
            QVERIFY2(!certificateRow(), without);
        }
        target->setText(QStringLiteral("tls://mail.example.org:465"));
        QVERIFY(certificateRow());
        QVERIFY(visible("noOptions"));
        target->setText(QStringLiteral("not a target at all ::"));
        QVERIFY(certificateRow()); // not understood yet: the row stays as it was
    }

    void badFieldsDisableOkAndSayWhy()
    {
        EndpointEditorDialog dialog(nullptr);
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("https://example.org/health"));
        QVERIFY(okEnabled(dialog));

        // Interval.
        auto *interval = child<QDoubleSpinBox>(dialog, "interval");
        interval->setValue(0.2);
        QVERIFY(!okEnabled(dialog));
        QVERIFY(!dialog.isValid());
        QVERIFY(showsError(dialog, "intervalMessage", QStringLiteral("at least")));
        interval->setValue(10);
        QVERIFY(showsNoError(dialog, "intervalMessage"));
        QVERIFY(okEnabled(dialog));

        // Target.
        auto *target = child<QLineEdit>(dialog, "target");
        target->setText(QStringLiteral("tcp://db.lan"));
        QVERIFY(!okEnabled(dialog));
        QVERIFY(showsError(dialog, "targetMessage", QStringLiteral("needs a port")));
        target->setText(QStringLiteral("https://example.org/health"));
        QVERIFY(okEnabled(dialog));

        // Regular expression.
        auto *regex = child<QLineEdit>(dialog, "expectRegex");
        regex->setText(QStringLiteral("\"status\": ([a-z"));
        QVERIFY(!okEnabled(dialog));
        QVERIFY(showsError(dialog, "expectRegexMessage", QStringLiteral("regular expression")));
        regex->setText(QStringLiteral("\"status\": ([a-z]+)"));
        QVERIFY(showsNoError(dialog, "expectRegexMessage"));
        QVERIFY(okEnabled(dialog));

        // Status set.
        auto *status = child<QLineEdit>(dialog, "expectStatus");
        status->setText(QStringLiteral("200-abc"));
        QVERIFY(!okEnabled(dialog));
        const auto *statusMessage = child<FieldMessage>(dialog, "expectStatusMessage");
        QVERIFY(statusMessage->hasError() && statusMessage->isVisibleTo(&dialog) && !statusMessage->text().isEmpty());
        status->setText(QStringLiteral("200-299,301"));
        QVERIFY(showsNoError(dialog, "expectStatusMessage"));
        QVERIFY(okEnabled(dialog));

        // Headers.
        auto *headers = child<QPlainTextEdit>(dialog, "headers");
        headers->setPlainText(QStringLiteral("Accept: text/plain\nno colon here"));
        QVERIFY(!okEnabled(dialog));
        QVERIFY(showsError(dialog, "headersMessage", QStringLiteral("line 2")));
        headers->setPlainText(QStringLiteral("Accept: text/plain"));
        QVERIFY(okEnabled(dialog));

        // Degraded must be below the timeout.
        child<QSpinBox>(dialog, "timeout")->setValue(1000);
        child<QSpinBox>(dialog, "degraded")->setValue(1500);
        QVERIFY(!okEnabled(dialog));
        QVERIFY(showsError(dialog, "degradedMessage", QStringLiteral("timeout")));
        child<QSpinBox>(dialog, "degraded")->setValue(500);
        QVERIFY(okEnabled(dialog));

        // Two problems at once: fixing one is not enough.
        interval->setValue(0.1);
        target->setText(QStringLiteral("ftp://x"));
        QVERIFY(!okEnabled(dialog));
        interval->setValue(5);
        QVERIFY(!okEnabled(dialog));
        target->setText(QStringLiteral("x.lan:21"));
        QVERIFY(okEnabled(dialog));
    }

    void roundTripKeepsEveryFieldAndUnknownKeys()
    {
        EndpointEditorDialog dialog(nullptr);
        const Endpoint original = fullyCustomised();
        dialog.setEndpoint(original);
        QVERIFY2(dialog.isValid(), "a valid endpoint must load valid");
        const Endpoint back = dialog.endpoint();
        QCOMPARE(back.name, original.name);
        QCOMPARE(back.probe.target, original.probe.target);
        QCOMPARE(back.enabled, original.enabled);
        QCOMPARE(back.intervalS, original.intervalS);
        QCOMPARE(back.downIntervalS, original.downIntervalS);
        QCOMPARE(back.probe.timeoutMs, original.probe.timeoutMs);
        QCOMPARE(back.failureThreshold, original.failureThreshold);
        QCOMPARE(back.probe.degradedMs, original.probe.degradedMs);
        QCOMPARE(back.probe.certWarningDays, original.probe.certWarningDays);
        QCOMPARE(back.probe.ipFamily, original.probe.ipFamily);
        QCOMPARE(back.tags, original.tags);
        QCOMPARE(back.probe.http.method, original.probe.http.method);
        QCOMPARE(back.probe.http.headers, original.probe.http.headers);
        QCOMPARE(back.probe.http.body, original.probe.http.body);
        QCOMPARE(back.probe.http.expectStatus.toString(), original.probe.http.expectStatus.toString());
        QVERIFY(back.probe.http == original.probe.http);
        QVERIFY(back.probe.icmp == original.probe.icmp);
        QVERIFY(back.probe.dns == original.probe.dns);
        QCOMPARE(back.source, original.source);
        QCOMPARE(back.source.value(QStringLiteral("x_future_key")).toInt(), 42);

        // Optional settings that are unset stay unset.
        Endpoint plain;
        plain.probe.target = *Target::parse(QStringLiteral("router.lan"));
        dialog.setEndpoint(plain);
        QVERIFY(!dialog.endpoint().downIntervalS);
        QVERIFY(!dialog.endpoint().probe.degradedMs);
        QVERIFY(dialog.endpoint().tags.isEmpty());
    }

    void editsReachTheEndpoint()
    {
        EndpointEditorDialog dialog(nullptr);
        dialog.setEndpoint(fullyCustomised());
        child<QLineEdit>(dialog, "name")->setText(QStringLiteral("  Renamed "));
        child<QLineEdit>(dialog, "tags")->setText(QStringLiteral("a, b ,, c"));
        child<QComboBox>(dialog, "method")->setCurrentText(QStringLiteral("head"));
        child<QCheckBox>(dialog, "enabled")->setChecked(true);
        const Endpoint e = dialog.endpoint();
        QCOMPARE(e.name, QStringLiteral("Renamed"));
        QCOMPARE(e.tags, QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(e.probe.http.method, QByteArray("HEAD"));
        QVERIFY(e.enabled);
    }

    void testButtonShowsUpForAListeningPort()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ProbeRunner runner;
        EndpointEditorDialog dialog(&runner);
        Endpoint endpoint;
        endpoint.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(server.serverPort()));
        endpoint.probe.timeoutMs = 3000;
        dialog.setEndpoint(endpoint);
        auto *button = child<QPushButton>(dialog, "testButton");
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testPanel()->lastResult().has_value(), 5000);
        QCOMPARE(dialog.testPanel()->lastResult()->status, ProbeStatus::Up);
        QVERIFY2(dialog.testPanel()->statusText().startsWith(QStringLiteral("Up")),
                 qPrintable(dialog.testPanel()->statusText()));
        QVERIFY(!dialog.testPanel()->isRunning());
        QCOMPARE(button->text(), QStringLiteral("&Test"));
    }

    void testButtonShowsTheErrorForAClosedPort()
    {
        // Take a port, then free it: nothing listens there afterwards.
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost, 0));
            port = server.serverPort();
        }
        ProbeRunner runner;
        EndpointEditorDialog dialog(&runner);
        Endpoint endpoint;
        endpoint.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(port));
        dialog.setEndpoint(endpoint);
        QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testPanel()->lastResult().has_value(), 5000);
        QCOMPARE(dialog.testPanel()->lastResult()->status, ProbeStatus::Down);
        QCOMPARE(dialog.testPanel()->lastResult()->errorKind, ErrorKind::Refused);
        const QString details = child<QLabel>(dialog, "testDetails")->text();
        QVERIFY2(details.contains(QStringLiteral("refused")), qPrintable(details));
    }

    void closingDuringASlowTestCancelsIt()
    {
        // An HTTP server that accepts and never answers: the probe waits for the first byte.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QPointer<QTcpSocket> peer;
        connect(&silent, &QTcpServer::newConnection, this, [&] { peer = silent.nextPendingConnection(); });

        ProbeRunner runner;
        auto *dialog = new EndpointEditorDialog(&runner);
        Endpoint endpoint;
        endpoint.probe.target = *Target::parse(QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort()));
        endpoint.probe.timeoutMs = 20000;
        dialog->setEndpoint(endpoint);
        QTest::mouseClick(child<QPushButton>(*dialog, "testButton"), Qt::LeftButton);
        QVERIFY(dialog->testPanel()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(peer, 5000);
        bool peerClosed = false;
        connect(peer, &QTcpSocket::disconnected, this, [&] { peerClosed = true; });

        QElapsedTimer clock;
        clock.start();
        dialog->reject();
        QVERIFY(!dialog->testPanel()->isRunning());
        delete dialog;
        // The probe's connection is dropped promptly, long before its 20 s timeout.
        QTRY_VERIFY_WITH_TIMEOUT(peerClosed || peer->state() != QAbstractSocket::ConnectedState, 3000);
        QVERIFY(clock.elapsed() < 3000);
        // Let any late resumption run: it must find the dialog gone and touch nothing.
        QTest::qWait(200);
    }

    void destroyingDuringASlowTestDoesNotCrash()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QPointer<QTcpSocket> peer;
        connect(&silent, &QTcpServer::newConnection, this, [&] { peer = silent.nextPendingConnection(); });

        ProbeRunner runner;
        QPointer<EndpointEditorDialog> dialog = new EndpointEditorDialog(&runner);
        Endpoint endpoint;
        endpoint.probe.target = *Target::parse(QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort()));
        endpoint.probe.timeoutMs = 20000;
        dialog->setEndpoint(endpoint);
        QTest::mouseClick(child<QPushButton>(*dialog, "testButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(peer, 5000);
        dialog->deleteLater(); // as a parent window closing would
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!peer || peer->state() != QAbstractSocket::ConnectedState, 3000);
        QTest::qWait(200);
    }

    void stopButtonCancelsAndAllowsANewTest()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ProbeRunner runner;
        EndpointEditorDialog dialog(&runner);
        Endpoint endpoint;
        endpoint.probe.target = *Target::parse(QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort()));
        endpoint.probe.timeoutMs = 20000;
        dialog.setEndpoint(endpoint);
        auto *button = child<QPushButton>(dialog, "testButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dialog.testPanel()->isRunning());
        QCOMPARE(button->text(), QStringLiteral("Stop &test"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!dialog.testPanel()->isRunning());
        QVERIFY(button->isEnabled());
        // The cancelled probe's result is not shown as the test's answer.
        QTest::qWait(300);
        QVERIFY(!dialog.testPanel()->lastResult());
    }

    void testIsDisabledWithoutAnExecutorOrWhileInvalid()
    {
        EndpointEditorDialog none(nullptr);
        child<QLineEdit>(none, "target")->setText(QStringLiteral("db.lan:5432"));
        QVERIFY(!child<QPushButton>(none, "testButton")->isEnabled());

        ProbeRunner runner;
        EndpointEditorDialog dialog(&runner);
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("tcp://db.lan"));
        QVERIFY(!child<QPushButton>(dialog, "testButton")->isEnabled());
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("db.lan:5432"));
        QVERIFY(child<QPushButton>(dialog, "testButton")->isEnabled());
    }

    void errorTextFollowsTheDarkPalette()
    {
        EndpointEditorDialog dialog(nullptr);
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("tcp://db.lan"));
        const auto *message = child<FieldMessage>(dialog, "targetMessage");
        QPalette light;
        light.setColor(QPalette::Window, QColor(240, 240, 240));
        light.setColor(QPalette::WindowText, Qt::black);
        dialog.setPalette(light);
        const QColor onLight = message->palette().color(QPalette::WindowText);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dialog.setPalette(dark);
        const QColor onDark = message->palette().color(QPalette::WindowText);
        // Red on both, lighter on the dark background so it stays readable.
        QVERIFY(onLight.red() > onLight.green() && onDark.red() > onDark.green());
        QVERIFY2(onDark.lightness() > onLight.lightness() + 40,
                 qPrintable(QStringLiteral("%1 vs %2").arg(onDark.name(), onLight.name())));
        // Once fixed, the note is in the palette's ordinary text colour.
        child<QLineEdit>(dialog, "target")->setText(QStringLiteral("db.lan:5432"));
        QCOMPARE(message->palette().color(QPalette::WindowText), QColor(230, 230, 230));
    }

    void everyFieldHasAnAccessibleName()
    {
        EndpointEditorDialog dialog(nullptr);
        for (QWidget *widget : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QComboBox *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                || qobject_cast<QCheckBox *>(widget)) {
                if (qobject_cast<QComboBox *>(widget->parentWidget())
                    || qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
                    continue; // the line edit inside a combo or spin box
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
                QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
            }
        }
    }
};

QTEST_MAIN(TestEndpointEditor)
#include "tst_endpointeditor.moc"
