"""Saved news pages: the article's main text and the page's own metadata.

A saved page carries menus, cookie banners, teasers of other stories and a footer, and their
numbers are no claims of the article. trafilatura picks the article's paragraphs; each is then
located, in order, in the masked view of the file (whitespace and entity padding ignored), and
everything outside the located paragraphs (and the page's <h1> headline) is blanked too. Offsets
stay those of the file as stored. When trafilatura finds no main text, or none of its paragraphs
can be located, the whole page is read, as before.

Metadata comes from the page itself: JSON-LD (schema.org NewsArticle and kin), then meta tags
(Open Graph, article:published_time, Dublin Core...), then <link rel=canonical> and <title>.
"""

from __future__ import annotations

import bisect
import html
import json
import re

_RUN = re.compile(r"[^\s\u2060]+")
_BULLET = re.compile(r"^[-*•]\s+")
_H1 = re.compile(r"<h1\b[^>]{0,2000}>(.{0,2000}?)</h1\s*>", re.I | re.S)
_JSON_LD = re.compile(r"<script\b[^>]{0,400}application/ld\+json[^>]{0,400}>(.*?)</script\s*>", re.I | re.S)
_META = re.compile(r"<meta\b[^>]{0,2000}>", re.I)
_LINK = re.compile(r"<link\b[^>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TITLE = re.compile(r"<title[^>]{0,400}>(.{0,2000}?)</title", re.I | re.S)

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                           "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report"})
# meta tag name or property -> metadata slot, first listed wins
_META_SLOTS = {
    "title": ("og:title", "twitter:title", "dc.title", "headline"),
    "published": ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
                  "publish-date", "dc.date", "dcterms.date", "dc.date.issued", "sailthru.date", "parsely-pub-date"),
    "source": ("og:site_name", "publisher", "dc.publisher", "application-name"),
    "url": ("og:url",),
}


# --------------------------------------------------------------------------------------------
# Main text

def _compact(view: str) -> tuple[str, list[int], list[int]]:
    """VIEW without whitespace and padding, with the compact and file offsets of each run of text."""
    parts, compact_at, file_at = [], [], []
    size = 0
    for m in _RUN.finditer(view):
        compact_at.append(size)
        file_at.append(m.start())
        parts.append(m.group())
        size += m.end() - m.start()
    return "".join(parts), compact_at, file_at


def _to_file(index: int, compact_at: list[int], file_at: list[int]) -> int:
    run = bisect.bisect_right(compact_at, index) - 1
    return file_at[run] + index - compact_at[run]


def _pieces(paragraph: str) -> list[str]:
    """What to look for of one line of trafilatura's text: list bullets dropped, table cells apart."""
    paragraph = _BULLET.sub("", paragraph.strip())
    return [p for p in paragraph.split(" | ") if p.strip()]


def _extracted_text(html_text: str) -> str | None:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency; without it the whole page is read
        return None
    try:
        return trafilatura.extract(html_text, output_format="txt", include_comments=False, include_tables=True,
                                   include_images=False, deduplicate=False, with_metadata=False)
    except Exception:  # a page trafilatura cannot parse is read whole, never lost
        return None


def main_text_ranges(html_text: str, view: str) -> list[tuple[int, int]] | None:
    """File offsets (start, end) of the article's paragraphs, in order; None when the main text
    cannot be told from the rest of the page."""
    extracted = _extracted_text(html_text)
    if not extracted:
        return None
    compact, compact_at, file_at = _compact(view)
    ranges: list[tuple[int, int]] = []
    cursor = 0
    for line in extracted.split("\n"):
        for piece in _pieces(line):
            key = "".join(_RUN.findall(piece))
            at = compact.find(key, cursor)
            if at < 0:
                at = compact.find(key)
            if not key or at < 0:
                continue
            end = at + len(key)
            ranges.append((_to_file(at, compact_at, file_at), _to_file(end - 1, compact_at, file_at) + 1))
            cursor = max(cursor, end)
    if not ranges:
        return None
    h1 = _H1.search(html_text)
    if h1:
        ranges.append((h1.start(1), h1.end(1)))
    return sorted(ranges)


def keep_main_text(html_text: str, view: str) -> str:
    """VIEW with everything outside the article's main text blanked (line breaks kept)."""
    ranges = main_text_ranges(html_text, view)
    if ranges is None:
        return view
    out, pos = [], 0
    for start, end in ranges:
        if start > pos:
            out.append(_blank(view[pos:start]))
        if end > pos:
            out.append(view[max(start, pos):end])
            pos = end
    out.append(_blank(view[pos:]))
    return "".join(out)


def _blank(text: str) -> str:
    return re.sub(r"[^\r\n]", " ", text)


# --------------------------------------------------------------------------------------------
# Metadata

def _attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(next(g for g in m.groups()[1:] if g is not None))
            for m in _ATTR.finditer(tag)}


def _name_of(value) -> str | None:
    """A publisher as JSON-LD gives it: a string, {"name": ...} or a list of those."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ld_items(data):
    """Every object of a JSON-LD document (lists and @graph flattened)."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph"))


def _is_article(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k in ARTICLE_TYPES for k in kinds)


def _json_ld(html_text: str) -> dict:
    for m in _JSON_LD.finditer(html_text):
        try:
            data = json.loads(html.unescape(m.group(1)) if "&quot;" in m.group(1) else m.group(1), strict=False)
        except ValueError:
            continue
        for item in _ld_items(data):
            if not _is_article(item):
                continue
            page = item.get("mainEntityOfPage")
            url = item.get("url") or (page.get("@id") if isinstance(page, dict) else page)
            return {"title": _name_of(item.get("headline") or item.get("name")),
                    "published": _name_of(item.get("datePublished") or item.get("dateCreated")),
                    "source": _name_of(item.get("publisher")), "url": url if isinstance(url, str) else None}
    return {}


def _meta_tags(html_text: str) -> dict:
    found: dict[str, str] = {}
    for m in _META.finditer(html_text):
        attrs = _attributes(m.group())
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content", "").strip():
            found.setdefault(key, attrs["content"].strip())
    out = {}
    for slot, names in _META_SLOTS.items():
        out[slot] = next((found[n] for n in names if n in found), None)
    for m in _LINK.finditer(html_text):
        attrs = _attributes(m.group())
        if attrs.get("rel", "").lower() == "canonical" and attrs.get("href"):
            out["url"] = out["url"] or attrs["href"].strip()
            break
    return out


def page_metadata(html_text: str) -> dict[str, str | None]:
    """title, published (as written), source and url of a saved page, from its own metadata."""
    out = {"title": None, "published": None, "source": None, "url": None}
    for found in (_json_ld(html_text), _meta_tags(html_text)):
        for slot, value in found.items():
            if out.get(slot) is None and value:
                out[slot] = value
    if out["title"] is None:
        m = _TITLE.search(html_text)
        if m:
            out["title"] = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip() or None
    return out
