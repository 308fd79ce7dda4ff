#pragma once

#include "ProbeOptionsEditor.h"

class FieldMessage;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// The options of an http(s) endpoint: the request, what the answer must be, TLS and limits.
class HttpOptionsEditor final : public ProbeOptionsEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpOptionsEditor)

public:
    explicit HttpOptionsEditor(QWidget *parent = nullptr);

    void load(const ProbeSpec &spec) override;
    void store(ProbeSpec *spec) const override;
    bool validate() override;

private:
    void chooseCaFile();

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
    qint64 m_loadedMaxBodyBytes = 0;
};
