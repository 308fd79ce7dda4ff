#pragma once

#include <QLabel>

// The line under a form field that says what is wrong with it, in the palette's error colour.
// Hidden while the field is valid, so a valid form shows no empty gaps.
class FieldMessage final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessage)

public:
    // field: the widget the message is about; its accessible description carries the message too,
    // so a screen reader announces the problem with the field.
    explicit FieldMessage(QWidget *field, QWidget *parent = nullptr);

    void setError(const QString &message);
    void setNote(const QString &text); // a neutral remark, e.g. what a target was understood as
    bool hasError() const { return m_hasError; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();

    QWidget *m_field;
    bool m_hasError = false;
};
