#pragma once

#include "endpoint/Endpoint.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class PhaseWaterfall;
class NetContext;
class ProbeExecutor;
class QLabel;
class QPushButton;

// The editor's Test area: runs one probe of the endpoint being edited through its own executor,
// apart from the running monitor, and shows what came back.
//
// The probe outlives nothing: destroying the panel, or cancel(), cancels it, and the coroutine that
// awaits it checks the panel still exists (QPointer) before showing anything.
class ProbeTestPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeTestPanel)

public:
    // executor may be null (the Test button is then disabled); it must outlive every test started.
    explicit ProbeTestPanel(ProbeExecutor *executor, QWidget *parent = nullptr);
    ~ProbeTestPanel() override;

    void start(const ProbeSpec &spec);
    void cancel();
    bool isRunning() const { return m_context != nullptr; }
    void setTestAllowed(bool allowed); // false while the form is invalid

    // The last finished test's result, if any.
    const std::optional<ProbeResult> &lastResult() const { return m_lastResult; }
    QString statusText() const;

signals:
    void testRequested(); // the user pressed Test; the owner answers with start()
    void finished(const ProbeResult &result);

private:
    static QCoro::Task<> runTest(QPointer<ProbeTestPanel> panel, ProbeExecutor *executor, ProbeSpec spec,
                                 std::shared_ptr<NetContext> context, quint64 serial);
    void showResult(quint64 serial, const ProbeResult &result);
    void updateButton();

    ProbeExecutor *m_executor;
    std::shared_ptr<NetContext> m_context;
    quint64 m_serial = 0;
    bool m_allowed = true;
    std::optional<ProbeResult> m_lastResult;

    QPushButton *m_button;
    QLabel *m_status;
    QLabel *m_details;
    PhaseWaterfall *m_phases;
};
