"""The time a claim's clause speaks of, resolved against the article's date.

"40 killed on Tuesday" in an article of Wednesday 2 March 2011 speaks of 2011-03-01; "yesterday"
there is the same day; "in May 2008" is a month, "in 2004" and "last year" are years. Two claims
whose known times do not overlap state different facts (Friday's fall and Saturday's fall of two
climbers; last year's toll and this year's). A time is written as the claim table shows it:

- a day `2011-03-01`, a month `2008-05`, a year `2004`, a span `2011-02-21/2011-02-27` ("last week");
- a weekday alone (`tuesday`) when the article has no date to resolve it against.

Only what the clause itself says is read, and never a time that dates what a source said ("police
said Tuesday that 12 were killed": Tuesday dates the statement, not the deaths). "Two weeks ago"
is read by dateparser (timeref.resolve_time, on that phrase alone). "A week earlier", "the day
before" and other times relative to another event are left unknown.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from .dates import MONTHS, WEEKDAYS
from .timeref import resolve_time

_YEAR_MARKERS = frozenset({"in", "of", "during", "for"})
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0}
_SPEECH_DISTANCE = 2  # a time this close to a speech word ("said on Tuesday") dates the statement


def _year(word: str) -> int | None:
    return int(word) if len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100 else None


def _day(word: str) -> int | None:
    return int(word) if word.isdigit() and 1 <= int(word) <= 31 else None


def _month_span(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _recent_weekday(published: _dt.date, weekday: int, strictly_before: bool) -> _dt.date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - _dt.timedelta(days=back)


def _last(words: Sequence[str], k: int, published: _dt.date) -> str | None:
    """"last night", "last week", "last month", "last year", "last Tuesday"."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if nxt == "night":
        return (published - _dt.timedelta(days=1)).isoformat()
    if nxt == "week":
        start = published - _dt.timedelta(days=published.weekday() + 7)
        return f"{start.isoformat()}/{(start + _dt.timedelta(days=6)).isoformat()}"
    if nxt == "month":
        first = published.replace(day=1) - _dt.timedelta(days=1)
        return _month_span(first.year, first.month)
    if nxt == "year":
        return str(published.year - 1)
    if nxt in WEEKDAYS:
        return _recent_weekday(published, WEEKDAYS[nxt], strictly_before=True).isoformat()
    return None


def _month_phrase(words: Sequence[str], k: int, published: _dt.date | None) -> str | None:
    """"June 24, 2005", "June 24", "May 2008", "in May" (not the verb "may")."""
    month = MONTHS[words[k]]
    nxt = words[k + 1] if k + 1 < len(words) else ""
    day = _day(nxt)
    year_at = k + 3 if day is not None and k + 2 < len(words) and words[k + 2] == "," else k + 2
    year = _year(words[year_at]) if day is not None and year_at < len(words) else _year(nxt)
    if day is None and k > 0 and _day(words[k - 1]) is not None:
        day = _day(words[k - 1])  # "16 September 2013"
    if year is None and published is not None and (day is not None or k > 0 and words[k - 1] == "in"):
        year = published.year if month <= published.month else published.year - 1
    after_in = k > 0 and words[k - 1] == "in"
    if year is None or words[k] == "may" and day is None and _year(nxt) is None and not after_in:
        return None  # "may" the verb
    if day is None:
        return _month_span(year, month)
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_AGO_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def _ago(words: Sequence[str], k: int, published: _dt.date) -> str | None:
    """"two weeks ago", "three years ago": dateparser reads the phrase (timeref.resolve_time)."""
    if k < 2 or words[k - 1] not in _AGO_UNITS:
        return None
    span = resolve_time(" ".join(words[k - 2:k + 1]), published)
    if span is None:
        return None
    start, end = span
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _time_at(words: Sequence[str], k: int, published: _dt.date | None) -> str | None:
    word = words[k]
    if word == "ago" and published is not None:
        return _ago(words, k, published)
    if word in _DAY_WORDS:
        return (published + _dt.timedelta(days=_DAY_WORDS[word])).isoformat() if published else None
    if word == "last" and published is not None:
        return _last(words, k, published)
    if word == "this" and k + 1 < len(words) and words[k + 1] == "year" and published is not None:
        return str(published.year)
    if word in WEEKDAYS:
        if k > 0 and words[k - 1] in ("next", "last"):
            return None  # "next Tuesday" is no report's time; "last Tuesday" is read at "last"
        return _recent_weekday(published, WEEKDAYS[word], False).isoformat() if published else word
    if word in MONTHS:
        return _month_phrase(words, k, published)
    year = _year(word)
    if year is not None and k > 0 and words[k - 1] in _YEAR_MARKERS:
        return str(year)
    return None


def clause_time(words: Sequence[str], at: int, published: _dt.date | None,
                speech_words: frozenset[str] = frozenset()) -> str | None:
    """The time the clause WORDS (lower-case tokens) speaks of, nearest to the claim at index AT,
    resolved against PUBLISHED (the article's date, or None)."""
    found = []
    for k in range(len(words)):
        near = words[max(0, k - _SPEECH_DISTANCE):k + _SPEECH_DISTANCE + 1]
        if any(w in speech_words for w in near):
            continue
        time = _time_at(words, k, published)
        if time is not None:
            found.append((abs(k - at), -k, time))  # the nearest; at equal distance the one after
    return min(found)[2] if found else None


_OPENING_WORDS = 5  # "On Friday,", "Last year,", "Yesterday afternoon,": a sentence's opening time


def opening_time(words: Sequence[str], published: _dt.date | None,
                 speech_words: frozenset[str] = frozenset()) -> str | None:
    """The time a sentence opens with, before its first comma ("On Friday, 36-year-old Duncan Rait
    died after falling about 200ft"): it dates every clause of the sentence that names none."""
    try:
        comma = list(words[:_OPENING_WORDS + 1]).index(",")
    except ValueError:
        return None
    return clause_time(words[:comma], comma, published, speech_words)


def time_span(time: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day of a resolved time ("2008-05" -> May 1 to May 31); None for a weekday alone."""
    if "/" in time:
        start, end = time.split("/", 1)
        return _dt.date.fromisoformat(start), _dt.date.fromisoformat(end)
    parts = time.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    if len(parts) == 1:
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        following = _dt.date(year + month // 12, month % 12 + 1, 1)
        return _dt.date(year, month, 1), following - _dt.timedelta(days=1)
    day = _dt.date(year, month, int(parts[2]))
    return day, day


def times_differ(a: str | None, b: str | None) -> bool:
    """Two known times that cannot be the same: disjoint spans, or a weekday that the other's day is not."""
    if not a or not b or a == b:
        return False
    span_a, span_b = time_span(a), time_span(b)
    if span_a is None and span_b is None:
        return True  # "tuesday" and "friday"
    if span_a is None or span_b is None:
        weekday, span = (a, span_b) if span_a is None else (b, span_a)
        return span[0] == span[1] and span[0].weekday() != WEEKDAYS[weekday]
    return span_a[1] < span_b[0] or span_b[1] < span_a[0]
