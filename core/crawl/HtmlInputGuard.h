#pragma once

#include <QByteArrayView>
#include <QString>

// How much of a page gumbo may be given. Gumbo's tree construction takes time in proportion to the
// depth of open elements for every tag, and to the square of a tag's attributes (measured: 40,000
// nested <div> take 16 s, a tag of 20,000 attributes 56 ms and of 2 million some 10 minutes), so a
// size cap alone does not bound a parse. This prescan follows tags the way the tree builder nests
// them, roughly (void elements, raw text, elements that close themselves, <a> inside <a>, the
// self-closing tags of SVG and MathML), and cuts the text before the first tag that would open
// an element deeper than maxDepth, as Blink caps its parser's tree at 512, or that carries more than
// maxAttributes attributes. It also cuts before the tag beyond maxElements tags or maxTotalAttributes
// attributes in all: gumbo holds 20 to 60 times the bytes of such markup while it parses (a tag
// some 200 bytes, an attribute some 100), so these bound a parse's memory to some 50 MB whatever
// the page. Pure, so it can be fuzzed with the extractor.
namespace HtmlInputGuard {

inline constexpr int maxDepth = 512;
inline constexpr int maxAttributes = 256;
inline constexpr int maxElements = 100000;
inline constexpr int maxTotalAttributes = 200000;

struct Limit
{
    qsizetype length = 0; // what may be parsed: the whole input unless reason says why not
    QString reason; // empty when nothing was cut
};

Limit check(QByteArrayView html, int depthLimit = maxDepth, int attributeLimit = maxAttributes);

} // namespace HtmlInputGuard
