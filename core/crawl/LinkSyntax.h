#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// The small languages links hide in, beyond a plain attribute: srcset candidates, CSS url() and
// @import, and the URL of a <meta http-equiv="refresh">. Pure functions over text.
namespace LinkSyntax {

// The URLs of a srcset ("a.png 1x, b.png 2x", "img.jpg 480w, img-big.jpg 1080w"), read as HTML's
// "parse a srcset attribute" reads them.
QList<QString> srcsetUrls(QStringView srcset);

struct CssUrl
{
    QString url;
    int lineOffset = 0; // line breaks before it in the text
};

// The URLs a style sheet or a style attribute names: url(…) in any form and @import "…"; not
// inside comments.
QList<CssUrl> cssUrls(QStringView css);

// The URL of a refresh's content ("5; url=/next", "0;URL='/x'"); empty if it names none.
QString refreshUrl(QStringView content);

} // namespace LinkSyntax
