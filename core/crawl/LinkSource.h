#pragma once

#include <QString>

// Where a link was found: the element and attribute, or how the crawler came by it otherwise.
enum class LinkSource : quint8 {
    Start, // a start URL
    Sitemap, // a sitemap's <loc>
    Redirect, // the Location of a redirect
    Anchor, // <a href>
    Area, // <area href>
    Link, // <link href>: style sheets, icons, alternates
    Image, // <img src>, <input type=image src>, <video poster>
    Script, // <script src>
    Frame, // <iframe src>, <frame src>
    Media, // <source src>, <video src>, <audio src>, <track src>, <embed src>
    Srcset, // <img srcset>, <source srcset>
    Refresh, // <meta http-equiv="refresh">
    Css, // url() and @import in <style> and style attributes
};

QString linkSourceName(LinkSource source); // "a", "img", "css"…

// A link a person follows to another page (a, area, frames, refresh, and the crawler's own), as
// against one a page loads as part of itself (images, scripts, style sheets…), which is only checked.
bool isNavigation(LinkSource source);
