"""Read articles and their metadata.

An article's text is kept exactly as on disk, so that offsets, lines and columns in reports point
at the file. Metadata and markup are not cut out but *masked*: replaced by spaces of the same
length (newlines kept), which the extractor reads past. HTML entities are decoded in place and
padded to their original width for the same reason.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from ..dates import MONTHS
from ..errors import ArticleError, ArticleNote, UsageError
from ..masking import blank_spans, mask_nonprose, tag_spans
from ..models import Article
from .page import keep_main_text, page_metadata

# Newsroom exports (checker.load.records): one article per record.
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm") + RECORD_SUFFIXES
HTML_SUFFIXES = (".html", ".htm")
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

# A byte-order mark may precede the metadata; it stays in the text (offsets match the file).
_DATE_HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b")
_URL_HEADER = re.compile(r"\A\ufeff?[ \t]*URL:[ \t]*(\S+)[ \t]*(?:\r?\n|\Z)")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# Datelines and credits that name the outlet: "MOSCOW, September 5. /TASS/.", "(Reuters) -",
# "© Sputnik".
_DATELINE_SLASH = re.compile(r"/([A-Z][A-Za-z-]{1,24}(?: [A-Z][A-Za-z-]{1,24}){0,2})/\.")
_DATELINE_PAREN = re.compile(r"\(([A-Z][A-Za-z.&-]{1,24}(?: [A-Z][A-Za-z.&-]{1,24}){0,2})\)[ \t]*[-–—]")
_CREDIT = re.compile(r"©[ \t]*([A-Z][A-Za-z-]{1,24}(?: [A-Z][A-Za-z-]{1,24})?)")

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# Full dates in running text, for articles without a date in their metadata.
_TEXT_DATES = re.compile(
    r"\b(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>(?:19|20)\d{2})\b"
    r"|\b(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{2})-(?P<d2>\d{2})\b"
    rf"|\b(?P<mon3>{_MONTH_RE})[ \t]+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y3>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<mon4>{_MONTH_RE}),?[ \t]+(?P<y4>(?:19|20)\d{{2}})\b",
    re.I,
)
# What is never prose in HTML: comments, tags, and script, style, code and pre elements with their
# content (found by masking.tag_spans in linear time, as this pattern would find them).
_TAG = re.compile(r"<!--.*?-->|<(script|style|code|pre)\b[^>]*>.*?</\1\s*>|<[^>]{0,2000}>", re.S | re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_TAGS = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|title|blockquote)\b", re.I)


def _mask(text: str, start: int, end: int) -> str:
    """Blank text[start:end] with spaces, keeping line breaks."""
    blank = "".join(c if c in "\r\n" else " " for c in text[start:end])
    return text[:start] + blank + text[end:]


def parse_date(value) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def dates_in_text(text: str) -> list[tuple[_dt.date, int, int]]:
    found = []
    for m in _TEXT_DATES.finditer(text):
        g = m.groupdict()
        try:
            if g["y1"]:
                d = _dt.date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
            elif g["y2"]:
                d = _dt.date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
            elif g["y3"]:
                d = _dt.date(int(g["y3"]), MONTHS[g["mon3"].lower().rstrip(".")], int(g["d3"]))
            else:
                d = _dt.date(int(g["y4"]), MONTHS[g["mon4"].lower().rstrip(".")], int(g["d4"]))
        except (ValueError, KeyError):
            continue
        found.append((d, m.start(), m.end()))
    return found


def mask_html(text: str) -> str:
    """Same-length view of an HTML document: tags blanked, entities decoded in place."""
    out = []
    pos = 0
    for a, b in tag_spans(text):  # what _TAG finds, in linear time (no rescans of unclosed comments)
        out.append(text[pos:a])
        # A block-level tag ends a sentence; keep that as a line break where there is room.
        chunk = _mask(text[a:b], 0, b - a)
        if _BLOCK_TAGS.match(text, a) and "\n" not in chunk and chunk:
            chunk = "\n" + chunk[1:]
        out.append(chunk)
        pos = b
    out.append(text[pos:])
    masked = "".join(out)

    def entity(m: re.Match) -> str:
        decoded = html.unescape(m.group(0))
        if len(decoded) > len(m.group(0)):
            return m.group(0)
        # A letter is padded with word joiners (U+2060), which the tokenizer keeps inside the
        # word and drops from its text: "caf&eacute;s" stays one word, "cafés", at the same
        # offsets. Anything else is padded with spaces.
        pad = "\u2060" if decoded.isalpha() else " "
        return decoded + pad * (len(m.group(0)) - len(decoded))

    return _ENTITY.sub(entity, masked)


@dataclass
class Loaded:
    article: Article
    view: str  # same length as article.text; metadata and markup blanked


def _source_from_text(view: str) -> str | None:
    head = view[:3000]
    for pattern in (_DATELINE_SLASH, _DATELINE_PAREN, _CREDIT):
        m = pattern.search(head)
        if m:
            return m.group(1).strip()
    return None


def _host(url: str) -> str | None:
    m = re.match(r"[a-z][a-z0-9+.-]*://(?:www\d?\.)?([^/:?#\s]+)", url.strip(), re.I)
    return m.group(1).lower() if m else None


@dataclass
class _Metadata:
    """What the loader learns about an article besides its text."""
    source: str | None = None
    source_origin: str | None = None
    published: _dt.date | None = None
    date_origin: str = "none"
    title: str | None = None
    url: str | None = None
    body_start: int = 0


def _html_metadata(text: str, meta: _Metadata) -> None:
    """Title, date, outlet and address of a saved page, from its JSON-LD and meta tags."""
    found = page_metadata(text)
    meta.title = found["title"]
    if found["published"]:
        meta.published = parse_date(found["published"])
        meta.date_origin = "metadata" if meta.published else meta.date_origin
    if found["source"]:
        meta.source, meta.source_origin = found["source"], "metadata"
    if found["url"]:
        meta.url = found["url"]


def _front_matter(path: str, fm: re.Match, meta: _Metadata) -> None:
    """Title, date, outlet and address from YAML front matter (``---`` ... ``---``)."""
    try:
        doc = yaml.safe_load(fm.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark else ""
        raise ArticleError(path, f"invalid front matter{line}: {getattr(exc, 'problem', exc)}") from None
    if doc is not None and not isinstance(doc, dict):
        raise ArticleError(path, "front matter must be a mapping of keys (title, date, source, url)")
    doc = doc or {}
    if doc.get("date") is not None:
        meta.published = parse_date(doc["date"])
        if meta.published is None:
            raise ArticleError(path, f"front matter date {doc['date']!r} is not YYYY-MM-DD")
        meta.date_origin = "metadata"
    if doc.get("source"):
        meta.source, meta.source_origin = str(doc["source"]).strip(), "metadata"
    if doc.get("title"):
        meta.title = str(doc["title"]).strip()
    if doc.get("url"):
        meta.url = str(doc["url"]).strip()
    meta.body_start = fm.end()


def _header_lines(path: str, text: str, view: str, meta: _Metadata) -> str:
    """Date and URL header lines ("date 2023-08-15", "URL: ..."): read and masked in the view."""
    m = _DATE_HEADER.match(text)
    if m:
        meta.published = parse_date(m.group(1))
        if meta.published is None:
            raise ArticleError(path, f"date line {m.group(1)!r} is not a valid date")
        meta.date_origin = "metadata"
        meta.body_start = m.end()
        view = _mask(view, 0, m.end())
    m = _URL_HEADER.match(text)
    if m:
        meta.url = m.group(1)
        meta.body_start = m.end()
        view = _mask(view, 0, m.end())
    return view


def _find_source(path: str, view: str, meta: _Metadata) -> None:
    """The outlet when no metadata names it: a dateline or credit, the URL's host, the file name."""
    if not meta.source:
        found = _source_from_text(view)
        if found:
            meta.source, meta.source_origin = found, "dateline"
    if not meta.source and meta.url and _host(meta.url):
        meta.source, meta.source_origin = _host(meta.url), "url"
    if not meta.source:
        # stdin has no file name: call the outlet "stdin" rather than "-"
        meta.source, meta.source_origin = (Path(path).stem if path != "-" else "stdin"), "filename"


_HEADER_LINES = 5        # lines at the top of an article that may be its date line
# words beside the date on a date line: "Wednesday, 04 April 2012 10:30", "Updated: May 24, 2005, 3:23 PM ET"
_HEADER_LINE_WORDS = 3


def _header_date(view: str, body_start: int, dates: list[tuple[_dt.date, int, int]]) -> _dt.date | None:
    """The date of a short line among the first lines of the article (its date line, as a saved page
    or a wire story writes it), which beats any date of the body ("a November 22, 2013 release")."""
    lines_end = body_start
    for _ in range(_HEADER_LINES):
        nl = view.find("\n", lines_end + 1)
        lines_end = len(view) if nl < 0 else nl
        if nl < 0:
            break
    for d, start, end in sorted(dates, key=lambda t: t[1]):
        if body_start <= start < lines_end:
            line_start = view.rfind("\n", 0, start) + 1
            line_end = view.find("\n", start)
            rest = view[line_start:start] + " " + view[end:len(view) if line_end < 0 else line_end]
            if sum(any(ch.isalpha() for ch in word) for word in rest.split()) <= _HEADER_LINE_WORDS:
                return d
    return None


def _find_date_and_title(view: str, meta: _Metadata) -> None:
    """The date of the article's date line, else the latest full date in the text, when no
    metadata dates the article; the first line that reads as words when nothing titles it."""
    if meta.published is None:
        dates = dates_in_text(view)
        if dates:
            meta.published = _header_date(view, meta.body_start, dates) or max(d for d, _, _ in dates)
            meta.date_origin = "text"
    if meta.title is None:
        # The first line that reads as words (seed 003's date line ends in a stray "0").
        for line in view[meta.body_start:meta.body_start + 5000].split("\n"):
            line = line.strip()
            if sum(ch.isalpha() for ch in line) >= 3:
                meta.title = line[:200]
                break


def parse_article(article_id: str, path: str, text: str, suffix: str) -> Loaded:
    """Build an Article (and its masked view) from the raw text of one file."""
    meta = _Metadata()
    view = text
    if suffix in HTML_SUFFIXES:
        view = keep_main_text(text, mask_html(text))
        _html_metadata(text, meta)
    fm = _FRONT_MATTER.match(text)
    if fm and suffix in (".md", ".markdown", ".txt"):
        _front_matter(path, fm, meta)
        view = _mask(view, 0, fm.end())
    else:
        view = _header_lines(path, text, view, meta)
    article = Article(
        id=article_id, path=path, text=text, source=meta.source, source_origin=meta.source_origin,
        published=meta.published, date_origin=meta.date_origin, title=meta.title, url=meta.url,
        body_start=meta.body_start,
    )
    return finish_article(article, view, suffix)


def finish_article(article: Article, view: str, suffix: str) -> Loaded:
    """What every format shares once its own metadata is read: the outlet from a dateline, the
    URL's host or the file name; a date from the text; a title; line starts; suppression
    comments blanked (Markdown and HTML)."""
    meta = _Metadata(source=article.source or None, source_origin=article.source_origin or None,
                     published=article.published, date_origin=article.date_origin, title=article.title,
                     url=article.url, body_start=article.body_start)
    _find_source(article.path, view, meta)
    _find_date_and_title(view, meta)
    text = article.text
    article.source, article.source_origin = meta.source, meta.source_origin
    article.published, article.date_origin, article.title = meta.published, meta.date_origin, meta.title
    article.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    # URLs, e-mail addresses, paths, hashes and code hold numbers that are no claims.
    view = mask_nonprose(view, markdown=suffix in (".md", ".markdown"))
    if suffix in SUPPRESSION_SUFFIXES:
        view = mask_suppression_comments(text, view, article.line_starts)
    return Loaded(article, view)


# --------------------------------------------------------------------------------------------
# Suppression comments: <!-- factcheck: ignore[FC101] reason="..." --> on a line of its own, in
# Markdown and HTML articles. The loader blanks them out of the view, so that no command reads
# their reasons as claims; checker.suppress reads what they suppress from the article's text.

SUPPRESSION_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def text_lines(text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """(start offset, end offset without the line break, text) of every line."""
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        line = text[start:end].rstrip("\r\n")
        out.append((start, start + len(line), line))
    return out


def comment_body(line: str) -> str | None:
    """The text after 'factcheck:' of a comment that is alone on its line, "" for one that is not
    closed on it, None for any other line (no regex: untrusted text)."""
    stripped = line.strip()
    if not stripped.startswith("<!--"):
        return None
    inner = stripped[4:].lstrip()
    if not inner.lower().startswith("factcheck:"):
        return None
    if not stripped.endswith("-->"):
        return ""  # opened but not closed on the same line
    return stripped[4:-3].strip()[len("factcheck:"):].strip()


def mask_suppression_comments(text: str, view: str, line_starts: list[int]) -> str:
    """The view with every factcheck comment line blanked, so their reasons are never read as
    claims. (In HTML the tag masking has blanked them already.)"""
    if "factcheck:" not in text:
        return view
    # blanked in one pass (not one copy of the view per comment line)
    return blank_spans(view, [(start, end) for start, end, line in text_lines(text, line_starts or [0])
                              if comment_body(line) is not None])


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(path, f"file is {size} bytes; articles over {MAX_ARTICLE_BYTES} bytes are not read")
        data = path.read_bytes()
    except ArticleError:
        raise
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror or exc})") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "binary file (contains NUL bytes), not an article")
    try:
        # A byte-order mark stays in the text as one character, so offsets match the file.
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(path, f"not UTF-8 text (byte {exc.start}: {exc.reason})") from None


def _article_files(root: Path, problems: list | None, notes: list | None = None) -> list[Path]:
    """Article files under ``root``, recursively, sorted; hidden files and folders skipped.

    A folder that cannot be listed is reported (in ``problems``, when given) instead of being
    skipped in silence, as ``Path.rglob`` would; so is a file of another type (in ``notes``).
    """
    def unreadable(exc: OSError) -> None:
        if problems is not None:
            where = exc.filename or root
            problems.append(ArticleError(where, f"cannot read folder ({exc.strerror or exc})"))

    files, skipped = [], []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            p = Path(folder) / name
            if not name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file():
                files.append(p)
            elif not name.startswith("."):
                skipped.append(p)
    if notes is not None and skipped:
        notes.extend(_skipped_notes(sorted(skipped)))
    return sorted(files)


def _skipped_notes(skipped: list[Path], shown: int = 20) -> list[ArticleNote]:
    """Notes for the files of other types in a folder: each of the first ``shown``, then a count."""
    why = f"skipped: not an article ({', '.join(ARTICLE_SUFFIXES)})"
    out = [ArticleNote(str(p), why) for p in skipped[:shown]]
    if len(skipped) > shown:
        suffixes = sorted({p.suffix.lower() or "no suffix" for p in skipped[shown:]})
        out.append(ArticleNote(str(skipped[shown].parent), f"and {len(skipped) - shown} more files skipped "
                                                           f"({', '.join(suffixes[:10])})"))
    return out


def discover(paths: Iterable[str], problems: list | None = None,
             notes: list | None = None) -> Iterator[tuple[str, Path | None]]:
    """Yield (article id, path) for every article under the given files and folders.

    ``-`` yields ("<stdin>", None). A folder contributes its article files, recursively, in
    sorted order, with ids relative to it; a file given by name is read whatever its suffix.
    Folders that cannot be read are added to ``problems`` (when given).
    """
    seen: set[Path] = set()
    for given in paths:
        if given == "-":
            yield "<stdin>", None
            continue
        root = Path(given)
        if root.is_dir():
            before = len(problems) if problems is not None else 0
            files = _article_files(root, problems, notes)
            if not files and (problems is None or len(problems) == before):
                raise UsageError(f"{given}: no articles found (looked for {', '.join(ARTICLE_SUFFIXES)} files)")
            for p in files:
                resolved = p.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    yield p.relative_to(root).as_posix(), p
        elif root.exists():
            if root.resolve() not in seen:
                seen.add(root.resolve())
                yield root.name, root
        else:
            raise UsageError(f"{given}: no such file or directory")
