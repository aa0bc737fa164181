"""What is not prose, found in linear time: HTML tags and the elements whose content is never prose
(``<script>``, ``<style>``, ``<code>``, ``<pre>``), and in any article URLs, e-mail addresses, file
paths, hashes and hex strings, Markdown code spans and fenced code blocks.

The loader blanks them in the article's view (spaces of the same length, line breaks kept), so
that offsets still point at the file and no number inside them becomes a claim. Articles are
untrusted input: every scan here looks at each character a bounded number of times (cached
searches, no regular expression that can backtrack over what another part matches), whatever the
text ("<!--" a thousand times unclosed, a megabyte of "a.a.a.").
"""

from __future__ import annotations

import re
from typing import Iterator

# ------------------------------------------------------------------ cached searches


class _Finder:
    """``pattern.search(text, pos)``, remembered: the first match at or after ``pos`` is also the
    first at or after any later ``pos`` up to its start, and no match after ``pos`` means none
    after a later one. Searches from increasing positions then scan the text once in all."""

    def __init__(self, text: str, pattern: re.Pattern):
        self.text, self.pattern = text, pattern
        self.searched_from = -1
        self.found: re.Match | None = None

    def search(self, pos: int) -> re.Match | None:
        if self.searched_from >= 0 and self.searched_from <= pos:
            if self.found is None or self.found.start() >= pos:
                return self.found
        self.searched_from = pos
        self.found = self.pattern.search(self.text, pos)
        return self.found


_GT = re.compile(">")
_COMMENT_END = re.compile("-->")
_RAW_ELEMENTS = ("script", "style", "code", "pre")
_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in _RAW_ELEMENTS}
_TAG_MAX = 2000  # a tag longer than this is no tag ("a < b ... c > d" in prose)


def _raw_element(text: str, p: int) -> str | None:
    """The name of the raw element (script, style, code, pre) whose start tag begins at p."""
    for name in _RAW_ELEMENTS:
        q = p + 1 + len(name)
        if text[p + 1:q].lower() == name and (q >= len(text) or not (text[q].isalnum() or text[q] == "_")):
            return name
    return None


def tag_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every comment, raw element with its content (script, style, code, pre) and
    tag of an HTML text, in order, not overlapping. What
    ``<!--.*?-->|<(script|style|code|pre)\\b[^>]*>.*?</\\1\\s*>|<[^>]{0,2000}>`` (dot-all, case
    insensitive) finds, but linear: an unclosed comment or element is read as a plain tag."""
    gt = _Finder(text, _GT)
    comment_end = _Finder(text, _COMMENT_END)
    closes = {name: _Finder(text, pattern) for name, pattern in _CLOSE.items()}
    pos = 0
    while True:
        p = text.find("<", pos)
        if p < 0:
            return
        end = None
        if text.startswith("<!--", p):
            m = comment_end.search(p + 4)
            end = m.end() if m else None
        else:
            name = _raw_element(text, p)
            if name is not None:
                start_tag = gt.search(p + 1)
                close = closes[name].search(start_tag.end()) if start_tag else None
                end = close.end() if close else None
        if end is None:
            m = gt.search(p + 1)
            end = m.end() if m and m.start() - p - 1 <= _TAG_MAX else None
        if end is None:
            pos = p + 1
            continue
        yield p, end
        pos = end


# ------------------------------------------------------------------ non-prose in any article

# Anchors: each pattern matches a fixed string or a short bounded prefix, then one run of one
# class; the runs are cut by hand (trailing punctuation), so nothing backtracks.
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]{0,15}://|www\d{0,3}\.|mailto:)[^\s<>\"'`“”‘’«»]+", re.I)
# A host name with a path ("example.com/reports/2023/83-killed") is found from its ".com/": the
# host is read back from there, the path forward.
_TLD_SLASH = re.compile(r"\.[a-z]{2,24}/", re.I)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_URL_END = re.compile(r"[\s<>\"'`“”‘’«»]")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_EMAIL_DOMAIN = re.compile(r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}", re.I)
# A path: "/var/log/12/34.log", "C:\\data\\2023\\83.txt", "./build/1", "~/x/2" (two separators at least).
_PATH = re.compile(r"(?<![\w/\\.~])(?:[A-Za-z]:\\|\.{1,2}/|~/|/)[\w.-]{1,255}(?:[/\\][\w.-]{1,255}){1,64}[/\\]?")
# A hash or hex string: 0x-prefixed, a UUID, or 8+ hex digits holding a digit and a letter.
_HEX = re.compile(r"\b0x[0-9a-f]{1,64}\b|\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b[0-9a-f]{8,128}\b", re.I)
_TRAILING = ".,;:!?)]}'\""
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)
_BACKTICKS = re.compile(r"`+")


def _trim_url(text: str, a: int, b: int) -> int:
    """The end of a URL text[a:b] without trailing sentence punctuation ("see example.com/a.")
    and without an unmatched closing bracket ("(at example.com/a)")."""
    while b > a and text[b - 1] in _TRAILING:
        if text[b - 1] == ")" and text.count("(", a, b) >= text.count(")", a, b):
            break
        b -= 1
    return b


def _host_paths(text: str) -> Iterator[tuple[int, int]]:
    """Host names followed by a path, without a scheme: "example.com/reports/2023/83-killed"."""
    pos = 0
    while True:
        m = _TLD_SLASH.search(text, pos)
        if m is None:
            return
        a = m.start()
        while a > 0 and m.start() - a < 253 and text[a - 1] in _HOST_CHARS:
            a -= 1
        while a < m.start() and not text[a].isalnum():
            a += 1
        if a == m.start() or (a > 0 and (text[a - 1].isalnum() or text[a - 1] in "_@/")):
            pos = m.end()  # no host before ".com/", or part of a longer word or address
            continue
        end = _URL_END.search(text, m.end())
        b = _trim_url(text, a, end.start() if end else len(text))
        yield a, b
        pos = max(b, m.end())


def _emails(text: str) -> Iterator[tuple[int, int]]:
    """E-mail addresses, found from their "@" (local part at most 64 characters back)."""
    pos = 0
    while True:
        at = text.find("@", pos)
        if at < 0:
            return
        a = at
        while a > 0 and at - a < 64 and text[a - 1] in _EMAIL_LOCAL:
            a -= 1
        m = _EMAIL_DOMAIN.match(text, at + 1)
        if a < at and m:
            yield a, m.end()
            pos = m.end()
        else:
            pos = at + 1


def _hexes(text: str) -> Iterator[tuple[int, int]]:
    for m in _HEX.finditer(text):
        s = m.group()
        if s[:2].lower() == "0x" or "-" in s or (any(c.isdigit() for c in s) and any(c.isalpha() for c in s)):
            yield m.start(), m.end()


def _fences(text: str) -> Iterator[tuple[int, int]]:
    """Markdown fenced code blocks: from an opening fence line to the closing one (of the same
    character, at least as long), or to the end of the text when it is never closed."""
    pos = 0
    while True:
        m = _FENCE.search(text, pos)
        if m is None:
            return
        mark = m.group(1)
        line_end = text.find("\n", m.end())
        if line_end < 0:
            yield m.start(), len(text)
            return
        close = re.compile(rf"^[ ]{{0,3}}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$", re.M).search(text, line_end + 1)
        end = close.end() if close else len(text)
        yield m.start(), end
        pos = end


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Markdown code spans: a run of backticks up to the next run of the same length on the same
    line (an unmatched run is literal)."""
    pending: dict[int, int] = {}  # run length -> start of the run still open on this line
    last_end = 0
    for m in _BACKTICKS.finditer(text):
        if "\n" in text[last_end:m.start()]:
            pending.clear()
        last_end = m.end()
        n = m.end() - m.start()
        if n in pending:
            yield pending[n], m.end()
            pending.clear()
        else:
            pending[n] = m.start()


def nonprose_spans(text: str, markdown: bool) -> list[tuple[int, int]]:
    """(start, end) of the URLs, e-mail addresses, paths, hashes and hex strings of a text, and
    with ``markdown`` its fenced code blocks and code spans; sorted, may overlap."""
    spans: list[tuple[int, int]] = []
    spans.extend((m.start(), _trim_url(text, m.start(), m.end())) for m in _URL.finditer(text))
    spans.extend(_host_paths(text))
    spans.extend(_emails(text))
    spans.extend((m.start(), _trim_url(text, m.start(), m.end())) for m in _PATH.finditer(text))
    spans.extend(_hexes(text))
    if markdown:
        spans.extend(_fences(text))
        spans.extend(_code_spans(text))
    return sorted(s for s in spans if s[1] > s[0])


def blank_spans(view: str, spans: list[tuple[int, int]]) -> str:
    """The view with text[a:b] of every span (sorted by start) replaced by spaces, line breaks
    kept: one pass, whatever the number of spans."""
    if not spans:
        return view
    out, pos = [], 0
    for a, b in spans:
        a = max(a, pos)
        if b <= a:
            continue
        out.append(view[pos:a])
        out.append("".join(c if c in "\r\n" else " " for c in view[a:b]))
        pos = b
    out.append(view[pos:])
    return "".join(out)


def mask_nonprose(view: str, markdown: bool) -> str:
    """The view with its URLs, e-mail addresses, paths, hashes and hex strings (and with
    ``markdown`` its code) blanked."""
    return blank_spans(view, nonprose_spans(view, markdown))
