#include "HistoryExportDialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

HistoryExportDialog::HistoryExportDialog(QStringList selectedKeys, qint64 nowMs, QWidget *parent)
    : QDialog(parent)
    , m_selected(std::move(selectedKeys))
    , m_selectedOnly(new QRadioButton(tr("The %n selected endpoint(s)", nullptr, int(m_selected.size())), this))
    , m_all(new QRadioButton(tr("Every endpoint in the history"), this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_format(new QComboBox(this))
    , m_file(new QLineEdit(this))
{
    setWindowTitle(tr("Export History"));
    m_selectedOnly->setEnabled(!m_selected.isEmpty());
    (m_selected.isEmpty() ? m_all : m_selectedOnly)->setChecked(true);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &HistoryExportDialog::check);
    }
    setRange({nowMs - 86'400'000, nowMs});
    m_format->addItem(tr("CSV (a header row, then one row per result)"), int(HistoryExport::Format::Csv));
    m_format->addItem(tr("JSON (one object per line)"), int(HistoryExport::Format::Json));
    m_file->setObjectName(QStringLiteral("exportFile"));
    connect(m_file, &QLineEdit::textChanged, this, &HistoryExportDialog::check);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &HistoryExportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *which = new QVBoxLayout;
    which->addWidget(m_selectedOnly);
    which->addWidget(m_all);

    auto *form = new QFormLayout;
    form->addRow(tr("Endpoints:"), which);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("F&ile:"), fileRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    check();
}

HistoryFileExport::Request HistoryExportDialog::request() const
{
    HistoryFileExport::Request request;
    request.keys = m_all->isChecked() ? QStringList{} : m_selected;
    request.range = {m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch()};
    request.format = HistoryExport::Format(m_format->currentData().toInt());
    request.destination = m_file->text();
    return request;
}

void HistoryExportDialog::setDestination(const QString &path)
{
    m_file->setText(path);
}

void HistoryExportDialog::setFormat(HistoryExport::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void HistoryExportDialog::setAll(bool all)
{
    (all || m_selected.isEmpty() ? m_all : m_selectedOnly)->setChecked(true);
}

void HistoryExportDialog::setRange(HistoryRange range)
{
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(range.fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(range.toMs));
}

void HistoryExportDialog::browse()
{
    const bool csv = HistoryExport::Format(m_format->currentData().toInt()) == HistoryExport::Format::Csv;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export History To"), m_file->text(),
                                                      csv ? tr("CSV (*.csv)") : tr("JSON lines (*.jsonl *.json)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

void HistoryExportDialog::check()
{
    if (!m_ok)
        return; // still being built
    m_ok->setEnabled(!m_file->text().trimmed().isEmpty() && m_to->dateTime() > m_from->dateTime());
}
