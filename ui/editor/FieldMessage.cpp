#include "FieldMessage.h"

#include "text/StatusPalette.h"

#include <QEvent>

FieldMessage::FieldMessage(QWidget *field, QWidget *parent) : QLabel(parent), m_field(field)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void FieldMessage::setError(const QString &message)
{
    m_hasError = !message.isEmpty();
    setText(message);
    setVisible(m_hasError);
    if (m_field)
        m_field->setAccessibleDescription(message);
    applyColour();
}

void FieldMessage::setNote(const QString &text)
{
    m_hasError = false;
    setText(text);
    setVisible(!text.isEmpty());
    if (m_field)
        m_field->setAccessibleDescription(text);
    applyColour();
}

void FieldMessage::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColour();
}

void FieldMessage::applyColour()
{
    // Set only the text role on our own copy so that a later palette change still reaches us.
    QPalette own = palette();
    const QColor colour = m_hasError ? StatusPalette::error(parentWidget() ? parentWidget()->palette() : own)
                                     : (parentWidget() ? parentWidget()->palette() : own).color(QPalette::WindowText);
    if (own.color(QPalette::WindowText) == colour)
        return;
    own.setColor(QPalette::WindowText, colour);
    setPalette(own);
}
