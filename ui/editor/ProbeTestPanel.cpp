#include "ProbeTestPanel.h"

#include "PhaseWaterfall.h"
#include "net/NetContext.h"
#include "probe/ProbeExecutor.h"
#include "text/DurationText.h"
#include "text/StatusPalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

ProbeTestPanel::ProbeTestPanel(ProbeExecutor *executor, QWidget *parent)
    : QWidget(parent)
    , m_executor(executor)
    , m_button(new QPushButton(tr("&Test"), this))
    , m_status(new QLabel(this))
    , m_details(new QLabel(this))
    , m_phases(new PhaseWaterfall(this))
{
    m_button->setObjectName(QStringLiteral("testButton"));
    m_button->setAccessibleName(tr("Test the endpoint once"));
    m_button->setToolTip(tr("Probe this endpoint once with these settings, without changing the running monitor"));
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setAccessibleName(tr("Test result"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("testDetails"));
    m_details->setAccessibleName(tr("Test details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phases->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_button);
    top->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addWidget(m_phases);

    connect(m_button, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            emit testRequested();
    });
    updateButton();
}

ProbeTestPanel::~ProbeTestPanel()
{
    cancel();
}

void ProbeTestPanel::setTestAllowed(bool allowed)
{
    m_allowed = allowed;
    updateButton();
}

void ProbeTestPanel::updateButton()
{
    m_button->setText(isRunning() ? tr("Stop &test") : tr("&Test"));
    m_button->setEnabled(m_executor && (isRunning() || m_allowed));
}

QString ProbeTestPanel::statusText() const
{
    return m_status->text();
}

void ProbeTestPanel::start(const ProbeSpec &spec)
{
    if (!m_executor)
        return;
    cancel();
    m_context = std::make_shared<NetContext>(std::chrono::milliseconds(spec.timeoutMs));
    const quint64 serial = ++m_serial;
    m_status->setPalette(palette());
    m_status->setText(tr("Testing %1…").arg(spec.target.toString()));
    m_details->clear();
    m_phases->setVisible(false);
    updateButton();
    // Last: the probe may finish before this returns.
    runTest(QPointer<ProbeTestPanel>(this), m_executor, spec, m_context, serial);
}

void ProbeTestPanel::cancel()
{
    // Moved out first: cancel() makes the probe return, and what follows must see no test running.
    // The serial moves on so that the cancelled probe's result, when it comes, is not shown.
    if (auto context = std::exchange(m_context, nullptr)) {
        ++m_serial;
        context->cancel();
    }
    if (m_button)
        updateButton();
}

QCoro::Task<> ProbeTestPanel::runTest(QPointer<ProbeTestPanel> panel, ProbeExecutor *executor, ProbeSpec spec,
                                      std::shared_ptr<NetContext> context, quint64 serial)
{
    const ProbeResult result = co_await executor->run(std::move(spec), context);
    if (!panel)
        co_return;
    panel->showResult(serial, result);
}

void ProbeTestPanel::showResult(quint64 serial, const ProbeResult &result)
{
    if (serial != m_serial)
        return; // a test that was cancelled or superseded
    m_context.reset();
    m_lastResult = result;
    updateButton();

    QString status;
    switch (result.status) {
    case ProbeStatus::Up:
        status = tr("Up in %1").arg(DurationText::format(result.latency));
        break;
    case ProbeStatus::Degraded:
        status = tr("Degraded (%1) in %2").arg(result.degradedReason, DurationText::format(result.latency));
        break;
    case ProbeStatus::Down:
        status = tr("Down after %1").arg(DurationText::format(result.latency));
        break;
    }
    QPalette own = palette();
    own.setColor(QPalette::WindowText, StatusPalette::status(palette(), result.status));
    m_status->setPalette(own);
    m_status->setText(status);

    QStringList details;
    if (result.httpStatus)
        details << tr("HTTP status %1, %2 body bytes").arg(*result.httpStatus).arg(result.bytes);
    if (result.errorKind != ErrorKind::None)
        details << tr("Error (%1): %2").arg(errorKindName(result.errorKind), result.errorMessage);
    if (result.certificate) {
        details << tr("Certificate for %1, expires %2 (%3)")
                       .arg(result.certificate->subject,
                            QLocale().toString(result.certificate->notAfter.toLocalTime(), QLocale::ShortFormat),
                            DurationText::certificateExpiry(result.certificate->notAfter,
                                                            QDateTime::currentDateTimeUtc()));
    }
    if (result.icmp)
        details << tr("%1 of %2 echo replies received").arg(result.icmp->received).arg(result.icmp->sent);
    if (!result.dnsAnswers.isEmpty())
        details << tr("Answers: %1").arg(result.dnsAnswers.join(tr(", ")));
    m_details->setText(details.join(QLatin1Char('\n')));
    m_details->setVisible(!details.isEmpty());

    const PhaseTimings &p = result.phases;
    const bool anyPhase = p.dns || p.connect || p.tls || p.ttfb || p.transfer;
    m_phases->setPhases(p, result.latency, result.status != ProbeStatus::Down);
    m_phases->setVisible(anyPhase);
    emit finished(result);
}
