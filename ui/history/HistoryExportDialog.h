#pragma once

#include "HistoryFileExport.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QRadioButton;

// Asks what to export from the history: the selected endpoints or all, a from–to range, CSV or
// JSON, and the file; the rows are those of `pingscope history export`.
class HistoryExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryExportDialog)

public:
    HistoryExportDialog(QStringList selectedKeys, qint64 nowMs, QWidget *parent);

    HistoryFileExport::Request request() const;
    void setDestination(const QString &path);
    void setFormat(HistoryExport::Format format);
    void setAll(bool all);
    void setRange(HistoryRange range);

private:
    void browse();
    void check();

    QStringList m_selected;
    QRadioButton *m_selectedOnly;
    QRadioButton *m_all;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_format;
    QLineEdit *m_file;
    class QPushButton *m_ok = nullptr;
};
