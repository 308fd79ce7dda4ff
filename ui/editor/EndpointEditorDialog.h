#pragma once

#include "endpoint/Endpoint.h"

#include <QDialog>

#include <map>

class EndpointForm;
class ProbeExecutor;
class ProbeOptionsEditor;
class ProbeTestPanel;
class QDialogButtonBox;
class QLabel;

// Edits one endpoint: the general form and the options editor of its kind. Every field is checked
// as it changes, the problem is shown next to the field, and OK stays disabled while anything is
// wrong. The Test button probes the endpoint once as edited.
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
    void validate();

    Endpoint m_endpoint; // what was given; endpoint() overlays the edited fields on it
    bool m_valid = false;
    bool m_loading = false;

    EndpointForm *m_form;
    // Options of other kinds are kept but hidden and not checked: the probe ignores them.
    std::map<ProbeKind, ProbeOptionsEditor *> m_options;
    QLabel *m_noOptions;
    ProbeTestPanel *m_test;
    QDialogButtonBox *m_buttons;
};
