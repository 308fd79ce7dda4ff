#pragma once

#include <QDialog>

class ProfileHistory;
class QLabel;
class QPushButton;

// The profile's properties as far as its history goes: where the file is, how large it is, whether
// it is being written, and a way to move it elsewhere (recording goes on from the new place).
class HistoryPropertiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPropertiesDialog)

public:
    HistoryPropertiesDialog(ProfileHistory *history, const QString &profilePath, QWidget *parent);

    // Moves the history to dest, as the Move… button does after asking where; shows what failed.
    bool moveTo(const QString &dest);
    QString locationText() const;
    QString stateText() const;

private:
    void chooseAndMove();
    void refresh();

    ProfileHistory *m_history;
    QString m_profilePath;
    QLabel *m_profile;
    QLabel *m_location;
    QLabel *m_size;
    QLabel *m_state;
    QPushButton *m_move;
};
