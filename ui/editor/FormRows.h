#pragma once

#include "endpoint/Setting.h"

#include <QLatin1String>
#include <QSpinBox>
#include <QString>
#include <QVBoxLayout>
#include <QWidget>

class FieldMessage;

// Small pieces the editor's forms share: a field with its message underneath as one form row, a
// named and accessible widget, a spin box over a setting's limits.
namespace FormRows {
QWidget *withMessage(QWidget *field, FieldMessage *message);

template<typename Widget> Widget *named(Widget *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

QSpinBox *spinBox(int minimum, int maximum, const QString &suffix);
// The setting's own limits, so what the editor accepts a profile can hold.
inline QSpinBox *spinBox(const Setting<int> &setting, const QString &suffix)
{
    return spinBox(setting.minimum, setting.maximum, suffix);
}
} // namespace FormRows
