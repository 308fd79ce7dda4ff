#include "ImportDialog.h"

#include "ImportPreviewModel.h"
#include "text/StatusPalette.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
// A list longer than this is not something to paste; it keeps a stray binary file from stalling the preview.
constexpr qint64 mebibyte = 1024LL * 1024;
constexpr qint64 maximumFileBytes = 4 * mebibyte;
} // namespace

ImportDialog::ImportDialog(const Endpoint &defaults, const QList<Endpoint> &existing, QWidget *parent)
    : QDialog(parent)
    , m_defaults(defaults)
    , m_text(new QPlainTextEdit(this))
    , m_preview(new QTableView(this))
    , m_model(new ImportPreviewModel(this))
    , m_problem(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Endpoints"));
    setAccessibleName(tr("Import endpoints"));

    auto *intro = new QLabel(tr("Paste or open a list: one URL, host or host:port per line. "
                                "Blank lines and lines starting with # are skipped."),
                             this);
    intro->setWordWrap(true);

    m_text->setObjectName(QStringLiteral("importText"));
    m_text->setAccessibleName(tr("List of targets"));
    m_text->setPlaceholderText(tr("https://example.org/health\ndb.lan:5432\n192.0.2.10   # a bare host is pinged"));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setAccessibleName(tr("Preview of the import"));
    m_preview->setModel(m_model);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    m_preview->horizontalHeader()->setSectionResizeMode(ImportPreviewModel::LineColumn, QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setSectionResizeMode(ImportPreviewModel::TextColumn, QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setSectionResizeMode(ImportPreviewModel::ResultColumn, QHeaderView::Stretch);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_text);
    splitter->addWidget(m_preview);
    splitter->setChildrenCollapsible(false);

    QSet<QString> targets;
    for (const Endpoint &endpoint : existing)
        targets.insert(endpoint.probe.target.toString());
    m_model->setExistingTargets(std::move(targets));

    m_problem->setObjectName(QStringLiteral("importProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemPalette = palette();
    problemPalette.setColor(QPalette::WindowText, StatusPalette::error(palette()));
    m_problem->setPalette(problemPalette);

    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setAccessibleName(tr("Import summary"));

    auto *open = m_buttons->addButton(tr("&Open File…"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openFile"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    connect(m_text, &QPlainTextEdit::textChanged, this, &ImportDialog::reparse);
    connect(m_preview->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ImportDialog::showProblem);
    connect(open, &QPushButton::clicked, this, &ImportDialog::openFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resize(640, 520);
    reparse();
}

void ImportDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

QString ImportDialog::text() const
{
    return m_text->toPlainText();
}

bool ImportDialog::loadFile(const QString &path)
{
    QFile file(path);
    QString problem;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        problem = file.errorString();
    else if (file.size() > maximumFileBytes)
        problem = tr("the file is larger than %L1 MiB").arg(maximumFileBytes / mebibyte);
    if (!problem.isEmpty()) {
        QPalette own = palette();
        own.setColor(QPalette::WindowText, StatusPalette::error(palette()));
        m_summary->setPalette(own);
        m_summary->setText(tr("Cannot read %1: %2").arg(path, problem));
        return false;
    }
    setText(QString::fromUtf8(file.readAll()));
    return true;
}

void ImportDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a List of Targets"), QString(),
                                                      tr("Text files (*.txt *.list *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void ImportDialog::reparse()
{
    m_model->setLines(EndpointListParser::parse(m_text->toPlainText()));
    const int good = m_model->validCount();
    const int bad = m_model->errorCount();
    const int inProfile = m_model->inProfileCount();
    const int repeated = m_model->repeatedCount();
    // Spelled out rather than through %n, which shows "endpoint(s)" when no translation is loaded.
    QString summary = good == 1 ? tr("1 endpoint to import") : tr("%L1 endpoints to import").arg(good);
    if (inProfile > 0)
        summary += inProfile == 1 ? tr("; 1 is in the profile already")
                                  : tr("; %L1 are in the profile already").arg(inProfile);
    if (repeated > 0)
        summary += repeated == 1 ? tr("; 1 line repeats another") : tr("; %L1 lines repeat others").arg(repeated);
    if (bad > 0)
        summary += bad == 1 ? tr("; 1 line with a problem") : tr("; %L1 lines with problems").arg(bad);
    if (inProfile + repeated + bad > 0)
        summary += tr(" (skipped)");
    m_summary->setPalette(palette());
    m_summary->setText(summary);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(good > 0);
    showProblem();
}

void ImportDialog::showProblem()
{
    QString problem = m_model->problemText(m_preview->currentIndex().row());
    for (int row = 0; problem.isEmpty() && row < m_model->rowCount(); ++row)
        problem = m_model->problemText(row);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QList<Endpoint> ImportDialog::endpoints() const
{
    return EndpointListParser::endpoints(m_model->importedLines(), m_defaults);
}
