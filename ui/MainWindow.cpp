#include "MainWindow.h"

#include "EndpointTableModel.h"
#include "Version.h"
#include "endpoint/ProfileReader.h"

#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new EndpointTableModel(this))
    , m_table(new QTableView(this))
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(EndpointTableModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Endpoints"));
    setCentralWidget(m_table);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pingscope"), this, &MainWindow::showAbout);
    setWindowTitle(tr("Pingscope"));
    resize(900, 560);
}

bool MainWindow::openProfile(const QString &path)
{
    const ProfileReadResult result = ProfileReader::fromFile(path);
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Cannot open profile"), result.problems.join(QLatin1Char('\n')));
        return false;
    }
    m_model->setEndpoints(result.profile->endpoints);
    setWindowTitle(tr("%1 — Pingscope").arg(result.profile->name.isEmpty() ? path : result.profile->name));
    return true;
}

void MainWindow::showAbout()
{
    // The version is CMake's project version, the same as --version, the metainfo and the package names.
    QMessageBox::about(this, tr("About Pingscope"),
                       tr("<h3>Pingscope %1</h3>"
                          "<p>Watches web services, TCP ports, TLS services, hosts and DNS names and shows "
                          "their latency and errors.</p>"
                          "<p>Copyright © 2026 The Pingscope developers. MIT licence.</p>")
                           .arg(QString::fromLatin1(Pingscope::versionString)));
}
