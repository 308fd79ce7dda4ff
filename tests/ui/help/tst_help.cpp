#include "help/HelpLocations.h"
#include "help/ShortcutsDialog.h"
#include "window/MainActions.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

class TestHelp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void examplesAndDocumentationAreFoundWhereInstalled()
    {
        const QDir data(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
        QDir(data.filePath(QStringLiteral("pingscope"))).removeRecursively();
        QDir(data.filePath(QStringLiteral("doc/pingscope"))).removeRecursively();
        // Nothing installed (a build tree): nothing found, so the window hides what would open them.
        QCOMPARE(HelpLocations::exampleProfilesDirectory(), QString());
        QCOMPARE(HelpLocations::documentationFile(), QString());

        QVERIFY(data.mkpath(QStringLiteral("pingscope/profiles")));
        QVERIFY(data.mkpath(QStringLiteral("doc/pingscope")));
        QFile readme(data.filePath(QStringLiteral("doc/pingscope/README.md")));
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.close();
        QCOMPARE(QDir(HelpLocations::exampleProfilesDirectory()),
                 QDir(data.filePath(QStringLiteral("pingscope/profiles"))));
        QCOMPARE(QFileInfo(HelpLocations::documentationFile()), QFileInfo(readme.fileName()));
        // The window's guide before the README, where the package has it.
        QFile guide(data.filePath(QStringLiteral("doc/pingscope/window.md")));
        QVERIFY(guide.open(QIODevice::WriteOnly));
        guide.close();
        QCOMPARE(QFileInfo(HelpLocations::documentationFile()), QFileInfo(guide.fileName()));
        QDir(data.filePath(QStringLiteral("pingscope"))).removeRecursively();
        QDir(data.filePath(QStringLiteral("doc/pingscope"))).removeRecursively();
    }

    void theShortcutsListIsReadFromTheActions()
    {
        QObject owner;
        MainActions actions(&owner);
        QAction extra(QStringLiteral("Show the &Log"));
        extra.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        ShortcutsDialog dialog(actions.findChildren<QAction *>() + QList<QAction *>{&extra});
        const QStandardItemModel &model = *dialog.model();
        QHash<QString, QString> keys;
        QStringList commands;
        for (int row = 0; row < model.rowCount(); ++row) {
            commands << model.item(row, 0)->text();
            keys.insert(model.item(row, 0)->text(), model.item(row, 1)->text());
        }
        // Mnemonics and ellipses are gone, the keys are as the platform writes them.
        QCOMPARE(keys.value(QStringLiteral("Add Endpoint")),
                 QKeySequence(Qt::Key_Insert).toString(QKeySequence::NativeText));
        QCOMPARE(keys.value(QStringLiteral("Show the Log")),
                 QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText));
        QCOMPARE(keys.value(QStringLiteral("Start Monitoring")), QStringLiteral("F5"));
        QVERIFY(keys.contains(QStringLiteral("Find")));
        // Only what has keys, once each, in order.
        QVERIFY(!keys.contains(QStringLiteral("Discover from a Site")));
        QVERIFY(!keys.contains(QStringLiteral("Open the Demo")));
        QCOMPARE(qsizetype(keys.size()), commands.size());
        QStringList sorted = commands;
        sorted.sort();
        QCOMPARE(commands, sorted);
        int withKeys = 0;
        for (const QAction *action : actions.findChildren<QAction *>())
            withKeys += action->shortcut().isEmpty() ? 0 : 1;
        QCOMPARE(model.rowCount(), withKeys + 1);
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
