#include "HistoryPropertiesDialog.h"

#include "ProfileHistory.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLabel *selectable(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}
} // namespace

HistoryPropertiesDialog::HistoryPropertiesDialog(ProfileHistory *history, const QString &profilePath, QWidget *parent)
    : QDialog(parent)
    , m_history(history)
    , m_profilePath(profilePath)
    , m_profile(selectable(this, "historyProfile"))
    , m_location(selectable(this, "historyLocation"))
    , m_size(selectable(this, "historySize"))
    , m_state(selectable(this, "historyState"))
    , m_move(new QPushButton(tr("&Move…"), this))
{
    setWindowTitle(tr("Profile History"));
    auto *form = new QFormLayout;
    form->addRow(tr("Profile:"), m_profile);
    form->addRow(tr("History file:"), m_location);
    form->addRow(tr("Size on disk:"), m_size);
    form->addRow(tr("State:"), m_state);
    m_move->setToolTip(tr("Move the history file to another place; recording goes on there"));
    connect(m_move, &QPushButton::clicked, this, &HistoryPropertiesDialog::chooseAndMove);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_move, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    refresh();
}

QString HistoryPropertiesDialog::locationText() const
{
    return m_location->text();
}

QString HistoryPropertiesDialog::stateText() const
{
    return m_state->text();
}

void HistoryPropertiesDialog::refresh()
{
    m_profile->setText(m_profilePath.isEmpty() ? tr("Not saved yet") : m_profilePath);
    const QString path = m_history->path();
    m_location->setText(path.isEmpty() ? tr("None: a profile keeps its history once it is saved") : path);
    qint64 bytes = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")})
        bytes += QFileInfo(path + suffix).size();
    m_size->setText(path.isEmpty() ? QStringLiteral("–") : QLocale().formattedDataSize(bytes));
    const QString problem = m_history->lastProblem();
    m_state->setText(!problem.isEmpty()         ? problem
                         : m_history->hasFile() ? tr("Recording while monitoring")
                                                : tr("Only the last results, in memory"));
    m_move->setEnabled(!path.isEmpty());
}

void HistoryPropertiesDialog::chooseAndMove()
{
    const QString dest = QFileDialog::getSaveFileName(this, tr("Move History To"), m_history->path(),
                                                      tr("Pingscope history (*.history);;All files (*)"));
    if (!dest.isEmpty())
        moveTo(dest);
}

bool HistoryPropertiesDialog::moveTo(const QString &dest)
{
    QString error;
    const bool moved = m_history->moveTo(dest, &error);
    if (!moved)
        QMessageBox::warning(this, tr("History Not Moved"), error);
    refresh();
    return moved;
}
