#include "LinkSource.h"

#include "net/NameTable.h"

namespace {
constexpr NameTable<LinkSource, 13> linkSourceNames{{
    {LinkSource::Start, "start"},
    {LinkSource::Sitemap, "sitemap"},
    {LinkSource::Redirect, "redirect"},
    {LinkSource::Anchor, "a"},
    {LinkSource::Area, "area"},
    {LinkSource::Link, "link"},
    {LinkSource::Image, "img"},
    {LinkSource::Script, "script"},
    {LinkSource::Frame, "iframe"},
    {LinkSource::Media, "media"},
    {LinkSource::Srcset, "srcset"},
    {LinkSource::Refresh, "refresh"},
    {LinkSource::Css, "css"},
}};
} // namespace

QString linkSourceName(LinkSource source)
{
    return nameIn(linkSourceNames, source);
}

bool isNavigation(LinkSource source)
{
    switch (source) {
    case LinkSource::Start:
    case LinkSource::Sitemap:
    case LinkSource::Redirect:
    case LinkSource::Anchor:
    case LinkSource::Area:
    case LinkSource::Frame:
    case LinkSource::Refresh:
        return true;
    default:
        return false;
    }
}
