#pragma once

#include <QAction>
#include <QDialog>
#include <QList>

class QStandardItemModel;

// Every keyboard shortcut of the window, read from its actions when the dialog opens, so the list
// cannot drift from what the keys do.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QStandardItemModel *model() const { return m_model; }

private:
    QStandardItemModel *m_model;
};
