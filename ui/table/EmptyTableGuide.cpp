#include "EmptyTableGuide.h"

#include <QAction>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

EmptyTableGuide::EmptyTableGuide(const QList<QAction *> &ways, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("emptyTableGuide"));
    setAccessibleName(tr("No endpoints yet"));
    auto *title = new QLabel(tr("No endpoints yet"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    auto *text = new QLabel(tr("Pingscope probes web services, TCP ports, TLS services, hosts and DNS names, all "
                               "at once and continuously, and says in words what went wrong. Begin with:"));
    text->setWordWrap(true);
    // A fixed size: a word-wrapped label centred in a box layout is otherwise given the height of
    // one line at a third of its width, and cut (seen under Xvfb at 1400×900).
    text->setFixedWidth(460);
    text->setMinimumHeight(text->heightForWidth(460));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    for (QAction *way : ways) {
        auto *button = new QToolButton;
        button->setDefaultAction(way);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setMinimumWidth(260);
        layout->addWidget(button, 0, Qt::AlignHCenter);
        // A tool button stays on show (disabled) for an action that is hidden, such as the examples
        // where none are installed: follow the action's visibility instead.
        const auto follow = [button, way] { button->setVisible(way->isVisible()); };
        connect(way, &QAction::changed, button, follow);
        follow();
    }
    layout->addStretch(2);
}
