"""Findings about what the desk wrote (rules entries, suppression comments, verified facts):
how they are made, where they point and how files are named in them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .compare import FINDING_CLAIM_FIELDS, Finding
from .rules import Rules


def file_id(path: Path | str, root: Path | None = None) -> str:
    """How a file is named in reports: relative to ``root`` (default: the working directory)
    when inside it, else its absolute path; always with forward slashes."""
    path = Path(path).resolve()
    root = (root or Path.cwd()).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def make_finding(code: str, rules: Rules, **kwargs) -> Finding | None:
    """A finding of rule ``code`` at its configured level; None when the rule is off."""
    check = rules.checks.checks[code]
    if check.level == "off":
        return None
    return Finding(rule=code, name=check.name, level=check.level, **kwargs)


def location_claim(article: str, line: int | None, column: int | None, text: str, sentence: str,
                   source: str = "", start: int | None = None, end: int | None = None,
                   published: str | None = None) -> dict:
    """Where a finding about a rules entry or a comment points (same fields as a claim)."""
    claim = {k: None for k in FINDING_CLAIM_FIELDS}
    claim.update(article=article, source=source, text=text, sentence=sentence, line=line, column=column,
                 start=start, end=end, published=published)
    return claim


def short_digest(*parts: str) -> str:
    """The fingerprint of a finding about a rules entry or a comment."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def where_line(where: str) -> int | None:
    """The line of a rules entry's ``file:line``."""
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None
