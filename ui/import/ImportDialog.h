#pragma once

#include "endpoint/Endpoint.h"

#include <QDialog>

class ImportPreviewModel;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

// Adds many endpoints at once from a plain list (one URL, host or host:port per line), pasted or
// read from a file, with a preview of what each line becomes before anything is added.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    // defaults: what every imported endpoint starts from, e.g. Profile::makeEndpoint(); existing: the
    // profile's endpoints, whose targets a line does not add again.
    explicit ImportDialog(const Endpoint &defaults, const QList<Endpoint> &existing = {}, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    bool loadFile(const QString &path); // shows the problem and returns false if it cannot be read

    QList<Endpoint> endpoints() const; // one per valid line that is not a repeat, in order
    ImportPreviewModel *previewModel() const { return m_model; }

private:
    void reparse();
    void openFile();
    void showProblem(); // of the current row, or else of the first line with one

    Endpoint m_defaults;
    QPlainTextEdit *m_text;
    QTableView *m_preview;
    ImportPreviewModel *m_model;
    QLabel *m_problem; // a bad line's whole message, which the preview's column cuts
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};
