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
    text->setMaximumWidth(460);

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
        button->setObjectName(way->objectName());
        layout->addWidget(button, 0, Qt::AlignHCenter);
    }
    layout->addStretch(2);
}
