#pragma once

#include "crawl/CrawlOptions.h"
#include "crawl/CrawlRecord.h"
#include "crawl/CrawlResults.h"
#include "crawl/Crawler.h"
#include "endpoint/Endpoint.h"

#include <QDialog>
#include <QPointer>

class CrawlFilterModel;
class CrawlOptionsForm;
class CrawlResultsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
struct CrawlProgress;

// Endpoints → Discover from a site…: a start URL and the crawl's options, a live progress line and a
// bar against the page budget, a cancel that stops at once, and the results as a table to filter by
// verdict, sort, read the referrers of, copy and export (CSV, JSON, Markdown). Selected rows become
// endpoints through addRequested(), which the window answers (EndpointCommands::discover).
class CrawlDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrawlDialog)

public:
    // defaults: what every endpoint added starts from, e.g. Profile::makeEndpoint().
    explicit CrawlDialog(const Endpoint &defaults, QWidget *parent = nullptr);
    ~CrawlDialog() override;

    void setStartUrl(const QString &url);
    void setOptions(const CrawlOptions &options); // all but the start URL
    // As the Start button: false, with the reason shown, if the URL or an option is not usable.
    bool startCrawl();
    void cancelCrawl();
    bool isCrawling() const;
    Crawler *crawler() const { return m_crawler; }

    CrawlResultsModel *resultsModel() const { return m_model; }
    CrawlFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }

    QList<CrawlId> selectedIds() const;
    QList<CrawlId> shownIds() const; // every row the filter shows, in the order shown
    // One http endpoint per id that names a URL, none of those already among existing (CrawlEndpoints).
    QList<Endpoint> endpointsFor(const QList<CrawlId> &ids, const QList<Endpoint> &existing) const;
    // What the window did with addRequested(), in words under the table.
    void reportAdded(int added, int skipped);

    // The rows shown, as a file: .csv, .json or .md by the path's suffix. False, with the reason shown, if not.
    bool exportTo(const QString &path);
    QString copyText() const; // the selected rows, tab-separated, as Copy puts them on the clipboard

    void reject() override; // cancels a crawl that runs

signals:
    void addRequested(const QList<CrawlId> &ids);
    void crawlFinished(CrawlStop stop);

private:
    void onProgress(const CrawlProgress &progress);
    void onFinished(CrawlStop stop);
    void updateButtons();
    void showReferrers();
    void showMessage(const QString &text, bool problem = false);
    void chooseExport();
    void copySelection();
    void applyVerdictFilter(int choice);

    Endpoint m_defaults;
    QPointer<Crawler> m_crawler;
    QLineEdit *m_url;
    QPushButton *m_start;
    QPushButton *m_cancel;
    CrawlOptionsForm *m_form;
    QLabel *m_progress;
    QProgressBar *m_bar;
    QComboBox *m_verdicts;
    QLineEdit *m_search;
    CrawlResultsModel *m_model;
    CrawlFilterModel *m_filter;
    QTableView *m_table;
    QPlainTextEdit *m_referrers;
    QLabel *m_message;
    QPushButton *m_copy;
    QPushButton *m_export;
    QPushButton *m_add;
};
