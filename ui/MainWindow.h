#pragma once

#include <QMainWindow>

class EndpointTableModel;
class QTableView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a profile; on failure shows the problems and keeps what was open.
    bool openProfile(const QString &path);

private:
    void showAbout();

    EndpointTableModel *m_model;
    QTableView *m_table;
};
