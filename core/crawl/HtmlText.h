#pragma once

#include <QByteArray>
#include <QByteArrayView>

// An HTML page's bytes as the UTF-8 text gumbo parses (gumbo reads nothing else), decoded from the
// charset the page is in. The charset is chosen as a browser does (HTML's "determining the
// character encoding", simplified): a byte order mark, else the Content-Type header's charset,
// else a <meta charset> or <meta http-equiv="Content-Type"> in the first 1,024 bytes, else UTF-8
// when the bytes are valid UTF-8 and windows-1252 when they are not. Labels are read as the
// Encoding standard reads them (latin1, iso-8859-1 and ascii mean windows-1252). Line breaks stay
// where they were, so line numbers in the text are line numbers in the page.
namespace HtmlText {

struct Decoded
{
    QByteArray utf8;
    QByteArray charset; // the encoding's name as decoded, "UTF-8", "windows-1252", "Shift_JIS"…
};

Decoded toUtf8(QByteArrayView body, QByteArrayView contentType);

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"), as written; empty if none.
QByteArray charsetOfContentType(QByteArrayView contentType);
// The charset a <meta> in the first 1,024 bytes declares, as written; empty if none.
QByteArray charsetOfMeta(QByteArrayView head);
// The media type without parameters, in lower case: "text/html".
QByteArray mediaType(QByteArrayView contentType);
bool isHtml(QByteArrayView contentType); // text/html or application/xhtml+xml

} // namespace HtmlText
