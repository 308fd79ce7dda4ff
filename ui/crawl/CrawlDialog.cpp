#include "CrawlDialog.h"

#include "CrawlFilterModel.h"
#include "CrawlOptionsForm.h"
#include "CrawlResultsModel.h"
#include "crawl/CrawlEndpoints.h"
#include "crawl/CrawlReport.h"
#include "crawl/Crawler.h"
#include "text/StatusPalette.h"
#include "text/TableExport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The verdict filter's choices, in the order of the combo box.
struct VerdictChoice
{
    const char *label;
    QList<CrawlVerdict> verdicts; // empty: all
};

const QList<VerdictChoice> &verdictChoices()
{
    static const QList<VerdictChoice> choices{
        {QT_TRANSLATE_NOOP("CrawlDialog", "All"), {}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Problems"), {CrawlVerdict::Broken, CrawlVerdict::Error}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Broken"), {CrawlVerdict::Broken}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Error"), {CrawlVerdict::Error}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Blocked"), {CrawlVerdict::Blocked}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Redirected"), {CrawlVerdict::Redirected}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "OK"), {CrawlVerdict::Ok}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Excluded"), {CrawlVerdict::Excluded}},
        {QT_TRANSLATE_NOOP("CrawlDialog", "Queued"), {CrawlVerdict::Pending}},
    };
    return choices;
}

QString numberText(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

CrawlDialog::CrawlDialog(const Endpoint &defaults, QWidget *parent)
    : QDialog(parent)
    , m_defaults(defaults)
    , m_url(new QLineEdit(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_cancel(new QPushButton(tr("&Cancel Crawl"), this))
    , m_form(new CrawlOptionsForm(this))
    , m_progress(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_verdicts(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_model(new CrawlResultsModel(this))
    , m_filter(new CrawlFilterModel(this))
    , m_table(new QTableView(this))
    , m_referrers(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
    , m_copy(new QPushButton(tr("C&opy"), this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_add(new QPushButton(tr("&Add as Endpoints"), this))
{
    setWindowTitle(tr("Discover from a Site"));
    setAccessibleName(tr("Discover endpoints from a site"));

    m_url->setObjectName(QStringLiteral("startUrl"));
    m_url->setAccessibleName(tr("Start URL"));
    m_url->setPlaceholderText(tr("https://example.org/"));
    m_start->setObjectName(QStringLiteral("start"));
    // Enter starts the crawl, and nothing else: while one runs, Enter must not reach Cancel or Close.
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelCrawl"));
    auto *urlLabel = new QLabel(tr("Start &URL:"), this);
    urlLabel->setBuddy(m_url);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(urlLabel);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_start);
    urlRow->addWidget(m_cancel);

    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Crawl progress"));
    m_bar->setObjectName(QStringLiteral("pageBudget"));
    m_bar->setAccessibleName(tr("Pages read of the page budget"));
    m_bar->setFormat(tr("%v of %m pages"));
    m_bar->setValue(0);

    for (const VerdictChoice &choice : verdictChoices())
        m_verdicts->addItem(tr(choice.label));
    m_verdicts->setObjectName(QStringLiteral("verdictFilter"));
    m_verdicts->setAccessibleName(tr("Show verdict"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Filter by URL, detail or title"));
    m_search->setClearButtonEnabled(true);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    filterRow->addWidget(m_verdicts);
    filterRow->addWidget(m_search, 1);

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("results"));
    m_table->setAccessibleName(tr("Crawl results"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the order found until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(CrawlResultsModel::VerdictColumn, 90);
    header->resizeSection(CrawlResultsModel::StatusColumn, 70);
    header->resizeSection(CrawlResultsModel::UrlColumn, 360);
    header->resizeSection(CrawlResultsModel::DetailColumn, 240);
    header->resizeSection(CrawlResultsModel::ReferrersColumn, 260);
    header->setStretchLastSection(true);

    m_referrers->setObjectName(QStringLiteral("referrers"));
    m_referrers->setAccessibleName(tr("Pages that link to the selected URL"));
    m_referrers->setReadOnly(true);
    m_referrers->setPlaceholderText(tr("The pages that link to the selected URL, with their lines"));
    m_referrers->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_referrers);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_copy->setObjectName(QStringLiteral("copy"));
    m_export->setObjectName(QStringLiteral("export"));
    m_add->setObjectName(QStringLiteral("addEndpoints"));
    m_add->setToolTip(tr("Add the selected URLs to the profile as HTTP endpoints; those it has already are skipped"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QPushButton *button : {m_cancel, m_copy, m_export, m_add, buttons->button(QDialogButtonBox::Close)})
        button->setAutoDefault(false);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    buttons->addButton(m_add, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(urlRow);
    layout->addWidget(m_form);
    layout->addWidget(m_progress);
    layout->addWidget(m_bar);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_start, &QPushButton::clicked, this, &CrawlDialog::startCrawl);
    connect(m_cancel, &QPushButton::clicked, this, &CrawlDialog::cancelCrawl);
    connect(m_verdicts, &QComboBox::currentIndexChanged, this, &CrawlDialog::applyVerdictFilter);
    connect(m_search, &QLineEdit::textChanged, m_filter, &CrawlFilterModel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CrawlDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CrawlDialog::showReferrers);
    connect(m_copy, &QPushButton::clicked, this, &CrawlDialog::copySelection);
    connect(m_export, &QPushButton::clicked, this, &CrawlDialog::chooseExport);
    connect(m_add, &QPushButton::clicked, this, [this] { emit addRequested(selectedIds()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &CrawlDialog::reject);
    auto *copyShortcut = new QShortcut(QKeySequence::Copy, m_table);
    copyShortcut->setContext(Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &CrawlDialog::copySelection);

    resize(1100, 760);
    updateButtons();
}

CrawlDialog::~CrawlDialog() = default;

void CrawlDialog::setStartUrl(const QString &url)
{
    m_url->setText(url);
}

void CrawlDialog::setOptions(const CrawlOptions &options)
{
    m_form->setOptions(options);
}

bool CrawlDialog::isCrawling() const
{
    return m_crawler && m_crawler->isRunning();
}

bool CrawlDialog::startCrawl()
{
    if (isCrawling())
        return false;
    CrawlOptions options = m_form->options();
    const QString text = m_url->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    options.startUrls = {url};
    const QString problem = text.isEmpty() ? tr("Give the URL the crawl starts from.") : options.problem();
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return false;
    }
    auto *crawler = new Crawler(options, this);
    QString error;
    if (!crawler->start(&error)) {
        delete crawler;
        showMessage(error, true);
        return false;
    }
    if (m_crawler)
        m_crawler->deleteLater();
    m_crawler = crawler;
    m_model->setResults(crawler->results());
    connect(crawler, &Crawler::recordsChanged, m_model, &CrawlResultsModel::update);
    connect(crawler, &Crawler::progressed, this, &CrawlDialog::onProgress);
    connect(crawler, &Crawler::finished, this, &CrawlDialog::onFinished);
    m_bar->setFormat(tr("%v of %m pages"));
    m_bar->setRange(0, options.maxPages);
    m_bar->setValue(0);
    m_referrers->clear();
    showMessage(tr("Crawling %1…").arg(url.toDisplayString()));
    onProgress(crawler->progress());
    updateButtons();
    return true;
}

void CrawlDialog::cancelCrawl()
{
    if (!isCrawling())
        return;
    m_crawler->cancel();
    showMessage(tr("Cancelling…"));
    m_cancel->setEnabled(false);
}

void CrawlDialog::reject()
{
    // The crawler goes with the dialog; its coroutines end without it.
    if (isCrawling())
        m_crawler->cancel();
    QDialog::reject();
}

void CrawlDialog::onProgress(const CrawlProgress &progress)
{
    m_progress->setText(tr("Fetched %1 · queued %2 · broken or failed %3 · %4/s")
                            .arg(numberText(progress.checked), numberText(progress.queued + progress.inFlight),
                                 numberText(progress.problems), numberText(qRound(progress.perSecond))));
    m_bar->setValue(std::min(progress.pagesRead, m_bar->maximum()));
}

void CrawlDialog::onFinished(CrawlStop stop)
{
    m_filter->refresh();
    if (m_crawler) {
        onProgress(m_crawler->progress());
        const auto results = m_crawler->results();
        showMessage(CrawlReport::summaryLine(*results), results->problems() > 0);
        if (stop == CrawlStop::Completed) { // the site was smaller than the budget: a full bar, what it read
            m_bar->setFormat(tr("%v pages read"));
            m_bar->setRange(0, std::max(results->pagesRead, 1));
            m_bar->setValue(results->pagesRead);
        }
    }
    updateButtons();
    emit crawlFinished(stop);
}

void CrawlDialog::updateButtons()
{
    const bool running = isCrawling();
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_form->setEnabled(!running);
    m_url->setEnabled(!running);
    const bool selection = m_table->selectionModel()->hasSelection();
    m_copy->setEnabled(selection);
    m_add->setEnabled(selection);
    m_export->setEnabled(m_model->rowCount() > 0);
}

void CrawlDialog::showReferrers()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const CrawlResults *results = m_model->results();
    if (!current.isValid() || !results) {
        m_referrers->clear();
        return;
    }
    const auto id = CrawlId(current.data(CrawlResultsModel::IdRole).toInt());
    const CrawlRecord &record = results->at(id);
    const QString url = QString::fromLatin1(record.url);
    // Spelled out rather than through %n, which shows "place(s)" when no translation is loaded.
    QStringList lines{record.referrerCount == 1
                          ? tr("%1 is linked from 1 place:").arg(url)
                          : tr("%1 is linked from %2 places:").arg(url, numberText(record.referrerCount))};
    for (const CrawlReferrer &referrer : record.referrers) {
        const QString page = QString::fromLatin1(results->at(referrer.page).url);
        lines.append(
            referrer.line > 0
                ? tr("  %1, line %2 (%3)").arg(page).arg(referrer.line).arg(linkSourceName(referrer.linkSource()))
                : tr("  %1 (%2)").arg(page, linkSourceName(referrer.linkSource())));
    }
    if (record.referrerCount > record.referrers.size())
        lines.append(tr("  … and %1 more").arg(numberText(record.referrerCount - record.referrers.size())));
    for (const CrawlHop &hop : record.redirects)
        lines.append(tr("redirected (%1) to %2").arg(hop.status).arg(QString::fromLatin1(hop.url)));
    m_referrers->setPlainText(lines.join(QLatin1Char('\n')));
}

void CrawlDialog::showMessage(const QString &text, bool problem)
{
    QPalette own = palette();
    if (problem)
        own.setColor(QPalette::WindowText, StatusPalette::error(palette()));
    m_message->setPalette(own);
    m_message->setText(text);
}

void CrawlDialog::applyVerdictFilter(int choice)
{
    const auto &choices = verdictChoices();
    if (choice < 0 || choice >= choices.size())
        return;
    QSet<CrawlVerdict> verdicts;
    for (const CrawlVerdict verdict : choices.at(choice).verdicts)
        verdicts.insert(verdict);
    m_filter->setVerdicts(verdicts);
}

QList<CrawlId> CrawlDialog::selectedIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<CrawlId> ids;
    for (const int row : rows)
        ids.append(CrawlId(m_filter->index(row, 0).data(CrawlResultsModel::IdRole).toInt()));
    return ids;
}

QList<CrawlId> CrawlDialog::shownIds() const
{
    QList<CrawlId> ids;
    ids.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids.append(CrawlId(m_filter->index(row, 0).data(CrawlResultsModel::IdRole).toInt()));
    return ids;
}

QList<Endpoint> CrawlDialog::endpointsFor(const QList<CrawlId> &ids, const QList<Endpoint> &existing) const
{
    const CrawlResults *results = m_model->results();
    return results ? CrawlEndpoints::make(*results, ids, m_defaults, existing) : QList<Endpoint>();
}

void CrawlDialog::reportAdded(int added, int skipped)
{
    QString text = added == 1 ? tr("Added 1 endpoint.") : tr("Added %1 endpoints.").arg(numberText(added));
    if (skipped > 0)
        text += skipped == 1
            ? tr(" 1 was skipped: the profile has it already, or it is a #fragment.")
            : tr(" %1 were skipped: the profile has them already, or they are #fragments.").arg(numberText(skipped));
    showMessage(text);
}

QString CrawlDialog::copyText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return TableExport::tabSeparated(m_filter, rows);
}

void CrawlDialog::copySelection()
{
    if (m_table->selectionModel()->hasSelection())
        QApplication::clipboard()->setText(copyText());
}

bool CrawlDialog::exportTo(const QString &path)
{
    const CrawlResults *results = m_model->results();
    if (!results)
        return false;
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        bytes = CrawlReport::json(*results, shownIds());
    else if (path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        bytes = CrawlReport::markdown(*results, shownIds()).toUtf8();
    else
        bytes = TableExport::csv(m_filter, TableExport::allRows(m_filter)).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showMessage(tr("Exported %1 rows to %2.").arg(numberText(m_filter->rowCount()), path));
    return true;
}

void CrawlDialog::chooseExport()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Crawl"), QStringLiteral("crawl.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json);;Markdown (*.md)"), &filter);
    if (path.isEmpty())
        return;
    QString chosen = path;
    if (!chosen.contains(QLatin1Char('.'))) {
        if (filter.contains(QLatin1String("json")))
            chosen += QStringLiteral(".json");
        else if (filter.contains(QLatin1String(".md")))
            chosen += QStringLiteral(".md");
        else
            chosen += QStringLiteral(".csv");
    }
    exportTo(chosen);
}
