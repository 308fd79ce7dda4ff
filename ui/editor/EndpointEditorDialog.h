#pragma once

#include "endpoint/Endpoint.h"

#include <QDialog>

class FieldMessage;
class ProbeExecutor;
class ProbeTestPanel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// Edits one endpoint. Every field is checked as it changes, the problem is shown next to the field,
// and OK stays disabled while anything is wrong. The Test button probes the endpoint once as edited.
class EndpointEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointEditorDialog)

public:
    // executor runs the Test probes; it may be null (no testing) and must outlive any test started.
    explicit EndpointEditorDialog(ProbeExecutor *executor, QWidget *parent = nullptr);

    // The endpoint as edited. Fields this dialog does not show (and Endpoint::source, which keeps
    // keys this version does not know) are those of the endpoint given to setEndpoint.
    Endpoint endpoint() const;
    void setEndpoint(const Endpoint &endpoint);

    bool isValid() const { return m_valid; }
    ProbeTestPanel *testPanel() const { return m_test; }

    void done(int result) override; // also cancels a running test

private:
    QWidget *buildGeneral();
    QGroupBox *buildHttp();
    QGroupBox *buildIcmp();
    QGroupBox *buildDns();
    void connectValidation();
    void validate();
    void chooseCaFile();

    Endpoint m_endpoint; // what was given; endpoint() overlays the edited fields on it
    bool m_valid = false;
    bool m_loading = false;

    QLineEdit *m_name;
    QLineEdit *m_target;
    FieldMessage *m_targetMessage;
    QCheckBox *m_enabled;
    QDoubleSpinBox *m_interval;
    FieldMessage *m_intervalMessage;
    QDoubleSpinBox *m_downInterval;
    FieldMessage *m_downIntervalMessage;
    QSpinBox *m_timeout;
    QSpinBox *m_failureThreshold;
    QSpinBox *m_degraded;
    FieldMessage *m_degradedMessage;
    QSpinBox *m_certWarningDays;
    QComboBox *m_ipFamily;
    QLineEdit *m_tags;

    QGroupBox *m_httpGroup;
    QComboBox *m_method;
    FieldMessage *m_methodMessage;
    QPlainTextEdit *m_headers;
    FieldMessage *m_headersMessage;
    QPlainTextEdit *m_body;
    QLineEdit *m_expectStatus;
    FieldMessage *m_expectStatusMessage;
    QLineEdit *m_expectBody;
    QLineEdit *m_expectRegex;
    FieldMessage *m_expectRegexMessage;
    QLineEdit *m_rejectBody;
    QSpinBox *m_maxRedirects;
    QCheckBox *m_verifyTls;
    QLineEdit *m_caFile;
    FieldMessage *m_caFileMessage;
    QSpinBox *m_maxBodyBytes;
    QCheckBox *m_reuseConnection;

    QGroupBox *m_icmpGroup;
    QSpinBox *m_icmpCount;
    QSpinBox *m_icmpSpacing;
    QSpinBox *m_icmpPayload;

    QGroupBox *m_dnsGroup;
    QLineEdit *m_dnsExpect;

    ProbeTestPanel *m_test;
    QDialogButtonBox *m_buttons;
};
