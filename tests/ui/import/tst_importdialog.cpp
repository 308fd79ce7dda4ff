#include "endpoint/Profile.h"
#include "endpoint/Target.h"
#include "import/ImportDialog.h"
#include "import/ImportPreviewModel.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryFile>
#include <QTest>

namespace {
QPushButton *importButton(const ImportDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QString cell(const ImportPreviewModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}
} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void linesGivingATargetAgainAreSkipped()
    {
        Endpoint known;
        known.probe.target = *Target::parse(QStringLiteral("tcp://db.lan:5432"));
        ImportDialog dialog(Endpoint{}, {known});
        ImportPreviewModel *model = dialog.previewModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // db.lan:5432 is the profile's tcp://db.lan:5432; the second router.lan repeats the first.
        dialog.setText(QStringLiteral("db.lan:5432\nrouter.lan\nhttps://example.org/\nrouter.lan\n"));
        QCOMPARE(cell(*model, 0, ImportPreviewModel::KindColumn), QStringLiteral("skipped: in the profile already"));
        QCOMPARE(cell(*model, 1, ImportPreviewModel::KindColumn), QStringLiteral("ICMP ping"));
        QCOMPARE(cell(*model, 3, ImportPreviewModel::KindColumn), QStringLiteral("skipped: as line 2"));
        QVERIFY(model->index(3, ImportPreviewModel::KindColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model->index(1, ImportPreviewModel::KindColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model->validCount(), 2);
        QCOMPARE(model->inProfileCount(), 1);
        QCOMPARE(model->repeatedCount(), 1);
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text();
        QCOMPARE(summary,
                 QStringLiteral("2 endpoints to import; 1 is in the profile already; 1 line repeats another "
                                "(skipped)"));
        const QList<Endpoint> endpoints = dialog.endpoints();
        QCOMPARE(endpoints.size(), 2);
        QCOMPARE(endpoints.at(0).probe.target.toString(), QStringLiteral("icmp://router.lan"));
        QCOMPARE(endpoints.at(1).probe.target.toString(), QStringLiteral("https://example.org/"));
    }

    void aBadLinesWholeProblemIsShownBelowThePreview()
    {
        ImportDialog dialog(Endpoint{});
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("importProblem"));
        QVERIFY(problem);
        dialog.setText(QStringLiteral("router.lan\n"));
        QVERIFY(problem->isHidden());
        dialog.setText(
            QStringLiteral("router.lan\nhttps://exa mple.org/a/very/long/path/that/a/column/cuts\nbad host\n"));
        const QString first = dialog.previewModel()->index(1, ImportPreviewModel::ResultColumn).data().toString();
        QVERIFY(first.startsWith(QStringLiteral("line 2: ")));
        QCOMPARE(problem->text(), first); // the first bad line's, in full
        QVERIFY(!problem->isHidden());
        // The current row's when it has one.
        auto *preview = dialog.findChild<QTableView *>(QStringLiteral("importPreview"));
        preview->setCurrentIndex(dialog.previewModel()->index(2, 0));
        QCOMPARE(problem->text(), dialog.previewModel()->index(2, ImportPreviewModel::ResultColumn).data().toString());
        QVERIFY(problem->text().startsWith(QStringLiteral("line 3: ")));
    }

    void previewShowsWhatEachLineBecame()
    {
        ImportDialog dialog(Endpoint{});
        ImportPreviewModel *model = dialog.previewModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!importButton(dialog)->isEnabled());

        dialog.setText(
            QStringLiteral("# list\nhttps://example.org/health\ndb.lan:5432\n\nrouter.lan\nbad host name\n"));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->columnCount(), int(ImportPreviewModel::ColumnCount));
        QCOMPARE(cell(*model, 0, ImportPreviewModel::LineColumn), QStringLiteral("2"));
        QCOMPARE(cell(*model, 0, ImportPreviewModel::ResultColumn), QStringLiteral("https://example.org/health"));
        QCOMPARE(cell(*model, 0, ImportPreviewModel::KindColumn), QStringLiteral("HTTPS request"));
        QCOMPARE(cell(*model, 1, ImportPreviewModel::ResultColumn), QStringLiteral("tcp://db.lan:5432"));
        QCOMPARE(cell(*model, 1, ImportPreviewModel::KindColumn), QStringLiteral("TCP connect"));
        QCOMPARE(cell(*model, 2, ImportPreviewModel::ResultColumn), QStringLiteral("icmp://router.lan"));
        QCOMPARE(cell(*model, 2, ImportPreviewModel::KindColumn), QStringLiteral("ICMP ping"));
        QCOMPARE(cell(*model, 3, ImportPreviewModel::LineColumn), QStringLiteral("6"));
        QVERIFY2(cell(*model, 3, ImportPreviewModel::ResultColumn).startsWith(QStringLiteral("line 6: ")),
                 qPrintable(cell(*model, 3, ImportPreviewModel::ResultColumn)));
        QVERIFY(model->index(3, ImportPreviewModel::ResultColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model->index(0, ImportPreviewModel::ResultColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(importButton(dialog)->isEnabled());

        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("3 endpoints")) && summary.contains(QStringLiteral("1 line")),
                 qPrintable(summary));

        // Editing again resets the model cleanly (checked by the tester).
        dialog.setText(QStringLiteral("only.lan"));
        QCOMPARE(model->rowCount(), 1);
        dialog.setText(QString());
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!importButton(dialog)->isEnabled());
    }

    void importsTheGoodLinesWithTheProfileDefaults()
    {
        Profile profile;
        profile.defaults.intervalS = 7;
        profile.defaults.failureThreshold = 5;
        profile.defaults.certWarningDays = 3;
        ImportDialog dialog(profile.makeEndpoint());
        dialog.setText(QStringLiteral("a.lan\nnot valid!\nb.lan:443\nhttp://c.lan/x\n"));
        const QList<Endpoint> endpoints = dialog.endpoints();
        QCOMPARE(endpoints.size(), 3);
        QCOMPARE(endpoints.at(0).probe.target.toString(), QStringLiteral("icmp://a.lan"));
        QCOMPARE(endpoints.at(1).probe.target.toString(), QStringLiteral("tcp://b.lan:443"));
        QCOMPARE(endpoints.at(2).probe.target.toString(), QStringLiteral("http://c.lan/x"));
        for (const Endpoint &endpoint : endpoints) {
            QCOMPARE(endpoint.intervalS, 7.0);
            QCOMPARE(endpoint.failureThreshold, 5);
            QCOMPARE(endpoint.probe.certWarningDays, 3);
        }
    }

    void loadsAFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("# from a file\r\nweb.lan/health\r\nmail.lan:25\r\n");
        file.close();
        ImportDialog dialog(Endpoint{});
        QVERIFY(dialog.loadFile(file.fileName()));
        QCOMPARE(dialog.previewModel()->rowCount(), 2);
        QCOMPARE(dialog.endpoints().at(0).probe.target.toString(), QStringLiteral("https://web.lan/health"));
        QCOMPARE(dialog.previewModel()->lines().at(1).number, 3);

        QVERIFY(!dialog.loadFile(file.fileName() + QStringLiteral(".missing")));
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("Cannot read")), qPrintable(summary));
        QCOMPARE(dialog.previewModel()->rowCount(), 2); // what was there stays
    }

    void previewUsesAModelNotAWidget()
    {
        ImportDialog dialog(Endpoint{});
        auto *view = dialog.findChild<QTableView *>(QStringLiteral("importPreview"));
        QVERIFY(view);
        QCOMPARE(view->model(), static_cast<QAbstractItemModel *>(dialog.previewModel()));
        QVERIFY(!view->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
