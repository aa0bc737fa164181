"""Articles as newsroom systems export them: JSON Lines, JSON arrays and IPTC ninjs.

One file holds many records; each record becomes one article whose id is ``file#id`` (the
record's id field) or ``file#N`` (its line in the file, when it has no id or shares it). The
article's text is the record's body field exactly as decoded from the JSON string, so a claim's
``start``/``end`` are character offsets inside that field, and its line and column count inside
it too; the article's ``record`` is the line of the file where the record starts, and ``field``
names the body field. HTML bodies (ninjs ``body_html``, or a body that is markup) are masked as
saved pages are.

Which field holds what is configurable (``--field body=story_text``, or ``[fields]`` in
factcheck.toml); the defaults cover common exports and ninjs 1.x/2.x. A bad record is reported
with the file and its line; the others load.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from ..errors import ArticleError, UsageError
from ..models import Article
from .text import Loaded, finish_article, mask_html, parse_date

MAX_EXPORT_BYTES = 4 * 1024 ** 3
MAX_RECORD_CHARS = 20 * 1024 * 1024
_LOOKS_HTML = re.compile(r"<(?:p|div|br|span|a|h[1-6]|ul|li|em|strong|b|i|figure|img)\b[^>]{0,400}>", re.I)


@dataclass(frozen=True)
class Fields:
    """The record fields read for each slot, first present wins."""

    headline: tuple[str, ...] = ("headline", "title", "headlines")
    body: tuple[str, ...] = ("body", "text", "content", "body_text", "body_html", "articleBody", "bodies")
    date: tuple[str, ...] = ("date", "published", "datePublished", "versioncreated", "firstcreated",
                             "published_at", "pubdate")
    source: tuple[str, ...] = ("source", "publisher", "copyrightholder", "by", "outlet")
    url: tuple[str, ...] = ("url", "uri", "link", "canonical_url")
    id: tuple[str, ...] = ("id", "guid", "uri")

    def override(self, given: dict[str, str | list[str]] | None) -> "Fields":
        """These fields with the slots named in GIVEN replaced ("body" -> "story_text" or a list)."""
        if not given:
            return self
        changes = {}
        for slot, names in given.items():
            if slot not in self.__dataclass_fields__:
                raise UsageError(f"unknown field slot {slot!r}; allowed: {', '.join(self.__dataclass_fields__)}")
            names = [names] if isinstance(names, str) else list(names)
            if not names or not all(isinstance(n, str) and n.strip() for n in names):
                raise UsageError(f"field slot {slot!r}: expected a field name or a list of names")
            changes[slot] = tuple(n.strip() for n in names)
        return replace(self, **changes)


def parse_field_options(options) -> dict[str, list[str]]:
    """``--field body=story_text`` (repeatable; ``body=text,content`` lists fallbacks)."""
    out: dict[str, list[str]] = {}
    for option in options or ():
        slot, sep, names = option.partition("=")
        if not sep or not slot.strip() or not names.strip():
            raise UsageError(f"--field {option!r}: expected SLOT=FIELD, e.g. --field body=story_text")
        out[slot.strip()] = [n for n in names.split(",") if n.strip()]
    return out


def _first(record: dict, names: tuple[str, ...]):
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _plain(value) -> str | None:
    """A string of a field that may be a string, a number, {"name"|"value": ...} or a list of them."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name", value.get("value"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _body(record: dict, fields: Fields) -> tuple[str, str, bool]:
    """(field name, text, is HTML) of the record's body."""
    name, value = _first(record, fields.body)
    if name is None:
        raise ValueError(f"no body field (looked for {', '.join(fields.body)}; choose one with --field body=NAME)")
    html_body = name.endswith("html")
    if isinstance(value, list):  # ninjs 2: bodies [{"value": ..., "contenttype": "text/plain"}]
        index, value = next(((i, b) for i, b in enumerate(value) if isinstance(b, dict) and "value" in b), (0, None))
        html_body = "html" in str((value or {}).get("contenttype", ""))
        name, value = f"{name}[{index}].value", (value or {}).get("value")
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is {type(value).__name__}, not text")
    if len(value) > MAX_RECORD_CHARS:
        raise ValueError(f"field {name!r} holds {len(value)} characters; bodies over {MAX_RECORD_CHARS} are not read")
    return name, value, html_body or bool(_LOOKS_HTML.search(value[:5000]))


def record_article(file_id: str, path: str, record, line: int, fields: Fields, record_id: str) -> Loaded:
    """One record as an article (raises ValueError with what is wrong with it)."""
    if not isinstance(record, dict):
        raise ValueError(f"a record must be a JSON object, not {type(record).__name__}")
    field, text, is_html = _body(record, fields)
    view = mask_html(text) if is_html else text
    _, date = _first(record, fields.date)
    published = parse_date(_plain(date)) if date is not None else None
    if date is not None and published is None:
        raise ValueError(f"date {date!r} is not an ISO date (YYYY-MM-DD...)")
    source = _plain(_first(record, fields.source)[1])
    article = Article(
        id=f"{file_id}#{record_id}", path=path, text=text, source=source or "",
        source_origin="metadata" if source else "", published=published,
        date_origin="metadata" if published else "none", title=_plain(_first(record, fields.headline)[1]),
        url=_plain(_first(record, fields.url)[1]), record=line, field=field,
    )
    return finish_article(article, view, ".html" if is_html else ".txt")


def _jsonl_records(path: Path) -> Iterator[tuple[int, object]]:
    """(line, record or exception) of every non-blank line."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                yield number, json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield number, ValueError(f"not UTF-8 text (byte {exc.start}: {exc.reason})")
            except ValueError as exc:
                yield number, ValueError(f"invalid JSON ({exc})")


def _json_records(path: Path) -> Iterator[tuple[int, object]]:
    """(line, record) of a JSON array's elements, or of one JSON object (a ninjs document)."""
    text = path.read_bytes().decode("utf-8")
    decoder = json.JSONDecoder()
    lines = [0] + [m.end() for m in re.finditer(r"\n", text)]
    at = _skip(text, 0)
    if text.startswith("[", at):
        at = _skip(text, at + 1)
        while at < len(text) and text[at] != "]":
            record, end = decoder.raw_decode(text, at)
            yield bisect.bisect_right(lines, at), record
            at = _skip(text, end)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
            elif not text.startswith("]", at):
                raise ValueError(f"expected ',' or ']' at line {bisect.bisect_right(lines, at)}")
        return
    record, _ = decoder.raw_decode(text, at)
    yield bisect.bisect_right(lines, at), record


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n\ufeff":
        at += 1
    return at


def _record_ids(items: list[tuple[int, object]], fields: Fields) -> list[str]:
    """The id of each record: its id field when present and unique in the file, else its line."""
    ids = [_plain(_first(r, fields.id)[1]) if isinstance(r, dict) else None for _, r in items]
    seen: dict[str, int] = {}
    for rid in ids:
        if rid is not None:
            seen[rid] = seen.get(rid, 0) + 1
    return [rid if rid is not None and seen[rid] == 1 else str(line) for rid, (line, _) in zip(ids, items, strict=True)]


def load_records(file_id: str, path: Path, fields: Fields | None = None
                 ) -> tuple[list[Loaded], list[ArticleError]]:
    """Every record of a .jsonl/.ndjson/.json export; a bad record is a problem, the rest load."""
    fields = fields or Fields()
    problems: list[ArticleError] = []
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise ArticleError(path, f"file is {size} bytes; exports over {MAX_EXPORT_BYTES} bytes are not read")
        reader = _jsonl_records if path.suffix.lower() in (".jsonl", ".ndjson") else _json_records
        items = list(reader(path))
    except ArticleError as exc:
        return [], [exc]
    except OSError as exc:
        return [], [ArticleError(path, f"cannot read file ({exc.strerror or exc})")]
    except UnicodeDecodeError as exc:
        return [], [ArticleError(path, f"not UTF-8 text (byte {exc.start}: {exc.reason})")]
    except ValueError as exc:
        return [], [ArticleError(path, f"invalid JSON ({exc})")]
    loaded = []
    for (line, record), record_id in zip(items, _record_ids(items, fields), strict=True):
        try:
            if isinstance(record, Exception):
                raise record
            loaded.append(record_article(file_id, str(path), record, line, fields, record_id))
        except ValueError as exc:
            problems.append(ArticleError(f"{path}:{line}", f"record {record_id}: {exc}"))
    if not items:
        problems.append(ArticleError(path, "no records found"))
    return loaded, problems
