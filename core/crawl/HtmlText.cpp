#include "HtmlText.h"

#include "ByteView.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace {

constexpr qsizetype prescanBytes = 1024;

// The Encoding standard's labels that QStringDecoder would read otherwise, or not at all.
QByteArray canonicalLabel(QByteArray label)
{
    label = label.trimmed().toLower();
    if (label.startsWith('"') || label.startsWith('\''))
        label = label.mid(1);
    if (label.endsWith('"') || label.endsWith('\''))
        label.chop(1);
    label = label.trimmed();
    static const QList<QByteArray> windows1252{"latin1",   "iso-8859-1", "iso8859-1",   "iso_8859-1",    "l1",
                                               "us-ascii", "ascii",      "cp1252",      "cp819",         "ibm819",
                                               "x-cp1252", "iso-ir-100", "csisolatin1", "ansi_x3.4-1968"};
    if (windows1252.contains(label))
        return "windows-1252";
    if (label == "utf8" || label == "unicode-1-1-utf-8")
        return "utf-8";
    return label;
}

bool isUtf8(QByteArrayView label)
{
    return label == "utf-8";
}

struct Bom
{
    QByteArray charset;
    qsizetype length = 0;
};

Bom byteOrderMark(QByteArrayView body)
{
    if (body.startsWith("\xEF\xBB\xBF"))
        return {"utf-8", 3};
    if (body.startsWith("\xFF\xFE"))
        return {"utf-16le", 2};
    if (body.startsWith("\xFE\xFF"))
        return {"utf-16be", 2};
    return {};
}

} // namespace

namespace HtmlText {

QByteArray mediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : ByteView::left(contentType, semicolon)).trimmed().toByteArray().toLower();
}

bool isHtml(QByteArrayView contentType)
{
    const QByteArray type = mediaType(contentType);
    return type == "text/html" || type == "application/xhtml+xml";
}

QByteArray charsetOfContentType(QByteArrayView contentType)
{
    static const QRegularExpression charset(QStringLiteral("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = charset.match(QString::fromLatin1(contentType));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

QByteArray charsetOfMeta(QByteArrayView head)
{
    // One pattern for both forms, <meta charset="x"> and <meta http-equiv=… content="…; charset=x">:
    // a prescan, as browsers make before parsing, not a parse.
    static const QRegularExpression meta(QStringLiteral("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const auto match = meta.match(QString::fromLatin1(ByteView::left(head, prescanBytes)));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

Decoded toUtf8(QByteArrayView body, QByteArrayView contentType)
{
    const Bom bom = byteOrderMark(body);
    QByteArray label = bom.charset;
    QByteArrayView text = ByteView::mid(body, bom.length);
    const auto usable = [](const QByteArray &candidate) {
        return !candidate.isEmpty() && (isUtf8(candidate) || QStringDecoder(candidate.constData()).isValid());
    };
    if (label.isEmpty()) {
        label = canonicalLabel(charsetOfContentType(contentType));
        if (!usable(label))
            label.clear();
    }
    if (label.isEmpty()) {
        label = canonicalLabel(charsetOfMeta(text));
        // A <meta> that says UTF-16 in bytes that could carry it is a mistake; the standard reads UTF-8.
        if (label.startsWith("utf-16"))
            label = "utf-8";
        if (!usable(label))
            label.clear();
    }
    if (label.isEmpty())
        label = text.isValidUtf8() ? "utf-8" : "windows-1252";

    if (isUtf8(label)) // gumbo reads UTF-8 itself, replacing what is not
        return {text.toByteArray(), "UTF-8"};
    QStringDecoder decoder(label.constData());
    const QString decoded = decoder.decode(text);
    return {decoded.toUtf8(), QByteArray(decoder.name())};
}

} // namespace HtmlText
