"""Dates, times, race times and layout debris (phone numbers, image sizes, codes), found by regular
expression before the number grammar runs, so that their digits are not read as counts."""

from __future__ import annotations

import datetime as _dt
import re

from ..dates import MONTHS
from ..models import Claim
from .draft import SentenceContext
from .patterns import DATE_GROUPS, DATE_HINT, DATE_KINDS, DATE_START, DATES, DEBRIS, DEBRIS_HINT, DEBRIS_START, matches


def _iso(year: int | None, month: int | None, day: int | None, day2: int | None) -> str | None:
    """ISO 8601 form of a date as far as it is written ("--08-14" with no year), or None."""
    try:
        if year and month and day:
            iso = _dt.date(year, month, day).isoformat()
            if day2:
                iso += ".." + _dt.date(year, month, day2).isoformat()
            return iso
        if month and day:
            return f"--{month:02d}-{day:02d}" + (f"..--{month:02d}-{day2:02d}" if day2 else "")
        if year and month:
            return f"{year}-{month:02d}"
        if year:
            return str(year)
    except ValueError:
        return None
    return None


def date_claim(kind: str, a: int, b: int, g: dict) -> Claim:
    """The claim of a date or time pattern's match; ``g``: its named groups that matched."""
    year = None
    iso = None
    if g.get("y"):
        y = int(g["y"])
        year = y + 2000 if y < 100 else y
    if kind == "date":
        month = None
        if g.get("mon"):
            month = MONTHS.get(g["mon"].lower().rstrip("."))
        elif g.get("m"):
            month = int(g["m"])
        day = int(re.match(r"\d+", g["d"]).group()) if g.get("d") else None
        day2 = int(re.match(r"\d+", g["d2"]).group()) if g.get("d2") else None
        iso = _iso(year, month, day, day2)
    return Claim(a, b, None, None, None, "=" if not g.get("d2") else "range", kind, kind=kind, year=year, iso=iso)


def duration_claim(a: int, b: int, g: dict) -> Claim:
    """A race or lap time ("2:09:56", "1:27.097"), in seconds."""
    seconds = round(int(g.get("h") or 0) * 3600 + int(g.get("m") or g.get("m2") or 0) * 60
                    + float(g.get("s") or g.get("s2")), 3)
    return Claim(a, b, seconds, seconds, seconds, "=", "second", resolution=0.001)


def find_spans(view: str, s: int, e: int) -> list[tuple]:
    """Dates, times and debris of the sentence view[s:e], by start: (start, end, kind, groups),
    groups being the named groups of a date or time, the match of debris. Debris overlapping a
    date is left out."""
    spans = []
    dates = matches(DATES, DATE_START, view, s, e) if DATE_HINT.search(view, s, e) else ()
    for m in dates:
        k = int(m.lastgroup[1:])
        groups = {short: m.group(name) for name, short in DATE_GROUPS[k] if m.group(name) is not None}
        spans.append((m.start(), m.end(), DATE_KINDS[k], groups))
    # Dates do not overlap one another, nor debris other debris, and both come by start: one walk
    # along the dates finds the one a debris match could overlap (linear, not dates x debris).
    n_dates, k = len(spans), 0
    for m in (matches(DEBRIS, DEBRIS_START, view, s, e) if DEBRIS_HINT.search(view, s, e) else ()):
        while k < n_dates and spans[k][1] <= m.start():
            k += 1
        if not (k < n_dates and spans[k][0] < m.end()):
            spans.append((m.start(), m.end(), "debris", m))
    spans.sort(key=lambda x: x[0])
    return spans


def read_spans(ctx: SentenceContext, s: int, e: int) -> None:
    """Block the tokens of the sentence's dates, times and debris; add the dates, times and race
    times as claims."""
    tokens, n = ctx.tokens, len(ctx.tokens)
    k = 0
    for a, b, kind, m in find_spans(ctx.view, s, e):
        while k < n and tokens[k].end <= a:
            k += 1
        t = k
        while t < n and tokens[t].start < b:
            t += 1
        ctx.block(k, t)
        if kind in ("date", "time"):
            ctx.add(date_claim(kind, a, b, m))
        elif kind == "duration":
            ctx.add(duration_claim(a, b, m))
