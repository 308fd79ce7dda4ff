#include "CrawlOptionsForm.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace {

QSpinBox *spinBox(QWidget *parent, const char *name, int minimum, int maximum, const QString &suffix = {})
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(minimum, maximum);
    box->setGroupSeparatorShown(true);
    box->setSuffix(suffix);
    return box;
}

QPlainTextEdit *patternList(QWidget *parent, const char *name, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(edit->fontMetrics().height() * 2 + 12);
    return edit;
}

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList patterns;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            patterns.append(line.trimmed());
    }
    return patterns;
}

} // namespace

CrawlOptionsForm::CrawlOptionsForm(QWidget *parent)
    : QWidget(parent)
    , m_depth(spinBox(this, "depth", 0, 1000))
    , m_maxPages(spinBox(this, "maxPages", 1, 10000000))
    , m_timeLimit(spinBox(this, "timeLimit", 0, 7 * 24 * 3600, tr(" s")))
    , m_include(patternList(this, "include", tr("one regular expression a line: crawl what matches instead")))
    , m_exclude(patternList(this, "exclude", tr("one regular expression a line: leave what matches alone")))
    , m_external(new QCheckBox(tr("Check links to other sites"), this))
    , m_robots(new QCheckBox(tr("Obey robots.txt and nofollow"), this))
    , m_fragments(new QCheckBox(tr("Check #fragment links"), this))
    , m_perHost(spinBox(this, "perHost", 1, 1000))
    , m_interval(spinBox(this, "interval", 0, 60000, tr(" ms")))
    , m_global(spinBox(this, "global", 1, 10000))
    , m_tracking(new QLineEdit(this))
{
    m_timeLimit->setSpecialValueText(tr("none"));
    m_external->setObjectName(QStringLiteral("checkExternal"));
    m_robots->setObjectName(QStringLiteral("respectRobots"));
    m_fragments->setObjectName(QStringLiteral("checkFragments"));
    m_tracking->setObjectName(QStringLiteral("trackingParameters"));
    m_tracking->setToolTip(tr("Query parameters dropped from every URL, comma-separated; name* for a prefix"));

    auto *bounds = new QGroupBox(tr("Bounds"), this);
    auto *boundsForm = new QFormLayout(bounds);
    boundsForm->addRow(tr("&Depth:"), m_depth);
    boundsForm->addRow(tr("&Page budget:"), m_maxPages);
    boundsForm->addRow(tr("&Time limit:"), m_timeLimit);
    boundsForm->addRow(m_external);
    boundsForm->addRow(m_fragments);

    auto *politeness = new QGroupBox(tr("Politeness"), this);
    auto *politenessForm = new QFormLayout(politeness);
    politenessForm->addRow(m_robots);
    politenessForm->addRow(tr("Per &host at once:"), m_perHost);
    politenessForm->addRow(tr("&Interval per host:"), m_interval);
    politenessForm->addRow(tr("&All at once:"), m_global);

    auto *scope = new QGroupBox(tr("Scope"), this);
    auto *scopeForm = new QFormLayout(scope);
    scopeForm->addRow(tr("I&nclude:"), m_include);
    scopeForm->addRow(tr("E&xclude:"), m_exclude);
    scopeForm->addRow(tr("Trac&king parameters:"), m_tracking);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bounds);
    layout->addWidget(politeness);
    layout->addWidget(scope, 1);

    setOptions(CrawlOptions());
}

void CrawlOptionsForm::setOptions(const CrawlOptions &options)
{
    m_depth->setValue(options.maxDepth);
    m_maxPages->setValue(options.maxPages);
    m_timeLimit->setValue(int(options.timeLimit.count()));
    m_include->setPlainText(options.include.join(QLatin1Char('\n')));
    m_exclude->setPlainText(options.exclude.join(QLatin1Char('\n')));
    m_external->setChecked(options.checkExternal);
    m_robots->setChecked(options.respectRobots);
    m_fragments->setChecked(options.checkFragments);
    m_perHost->setValue(options.perHostConnections);
    m_interval->setValue(int(options.perHostInterval.count()));
    m_global->setValue(options.globalConnections);
    m_tracking->setText(options.trackingParameters.join(QStringLiteral(", ")));
}

CrawlOptions CrawlOptionsForm::options() const
{
    CrawlOptions options;
    options.maxDepth = m_depth->value();
    options.maxPages = m_maxPages->value();
    options.timeLimit = std::chrono::seconds(m_timeLimit->value());
    options.include = lines(m_include);
    options.exclude = lines(m_exclude);
    options.checkExternal = m_external->isChecked();
    options.respectRobots = m_robots->isChecked();
    options.checkFragments = m_fragments->isChecked();
    options.perHostConnections = m_perHost->value();
    options.perHostInterval = std::chrono::milliseconds(m_interval->value());
    options.globalConnections = m_global->value();
    options.trackingParameters.clear();
    for (const QString &name : m_tracking->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!name.trimmed().isEmpty())
            options.trackingParameters.append(name.trimmed());
    }
    return options;
}
