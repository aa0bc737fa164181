"""Read articles and their metadata: plain text, Markdown, saved pages (``text``, ``page``) and
newsroom exports (JSON Lines, JSON arrays, ninjs: ``records``).

An article's text is kept exactly as stored, so that offsets, lines and columns in reports point
at the file (for a JSON record: inside its body field). Metadata and markup are not cut out but
masked in a same-length *view*.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

from ..errors import ArticleError
from .records import Fields, load_records, parse_field_options
from .text import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    RECORD_SUFFIXES,
    SUPPRESSION_SUFFIXES,
    Loaded,
    comment_body,
    dates_in_text,
    discover,
    mask_html,
    parse_article,
    read_text,
    text_lines,
)

__all__ = [
    "ARTICLE_SUFFIXES", "HTML_SUFFIXES", "RECORD_SUFFIXES", "SUPPRESSION_SUFFIXES", "Fields", "Loaded",
    "article_files", "comment_body", "dates_in_text", "discover", "load_articles", "load_file", "load_stdin",
    "mask_html", "parse_article", "parse_field_options", "read_text", "text_lines",
]


def load_file(article_id: str, path: Path, fields: Fields | None = None) -> tuple[list[Loaded], list[ArticleError]]:
    """The articles of one file: one for a text, Markdown or HTML file, one per record of an export."""
    if path.suffix.lower() in RECORD_SUFFIXES:
        return load_records(article_id, path, fields)
    try:
        return [parse_article(article_id, str(path), read_text(path), path.suffix.lower())], []
    except ArticleError as exc:
        return [], [exc]


def load_stdin(article_id: str, stdin=None) -> tuple[list[Loaded], list[ArticleError]]:
    """The article read from standard input (plain text)."""
    try:
        return [parse_article(article_id, "-", (stdin or sys.stdin).read(), ".txt")], []
    except ArticleError as exc:
        return [], [exc]


def article_files(paths: Iterable[str], problems: list[ArticleError], notes: list | None = None
                  ) -> list[tuple[str, Path | None]]:
    """(article id, path) of every article file under PATHS, ids unique (None: stdin). With NOTES,
    the files of other types skipped in folders are listed there."""
    out = []
    ids: set[str] = set()
    for article_id, path in discover(paths, problems, notes):
        if article_id in ids:
            # Two folders may hold the same relative name; keep ids unique and readable.
            article_id = str(path) if path is not None else article_id
        ids.add(article_id)
        out.append((article_id, path))
    return out


def load_articles(paths: Iterable[str], stdin=None, fields: Fields | None = None
                  ) -> tuple[list[Loaded], list[ArticleError]]:
    """Read every article; an unreadable one (or a bad record) is reported and the others still load."""
    loaded: list[Loaded] = []
    problems: list[ArticleError] = []
    for article_id, path in article_files(paths, problems):
        found, bad = load_stdin(article_id, stdin) if path is None else load_file(article_id, path, fields)
        loaded.extend(found)
        problems.extend(bad)
    return loaded, problems
