#pragma once

#include "crawl/CrawlOptions.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// The crawl's options as a form: bounds, scope, politeness and what is read. The start URL is the
// dialog's; docs/crawl.md says what each option does.
class CrawlOptionsForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrawlOptionsForm)

public:
    explicit CrawlOptionsForm(QWidget *parent = nullptr);

    void setOptions(const CrawlOptions &options);
    // The options as set, with no start URL.
    CrawlOptions options() const;

private:
    QSpinBox *m_depth;
    QSpinBox *m_maxPages;
    QSpinBox *m_timeLimit;
    QPlainTextEdit *m_include;
    QPlainTextEdit *m_exclude;
    QCheckBox *m_external;
    QCheckBox *m_robots;
    QCheckBox *m_fragments;
    QSpinBox *m_perHost;
    QSpinBox *m_interval;
    QSpinBox *m_global;
    QLineEdit *m_tracking;
};
