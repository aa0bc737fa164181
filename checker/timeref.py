"""When a time phrase says, against the article's date: ``resolve_time("last Tuesday", date(2024,
3, 14))`` -> (2024-03-12, 2024-03-12); "in 2004" -> the whole year; "last year", "last month",
"last week" -> that period; "a week earlier", "two weeks ago", "yesterday" -> the day or week.

Only for phrases the grammar has already found (a date or a relative-time phrase of a claim's
clause): dateparser reads the phrase alone, never running text, where it takes "May said" for a
date. News conventions applied before dateparser: a weekday is the most recent one on or before
the article's date ("said on Thursday" in a Thursday paper is that day), and "N days earlier" /
"N weeks later" count from the article's date (dateparser knows "ago" and "in", not "earlier").
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

_WEEKDAYS = {name.lower(): k for k, name in enumerate(calendar.day_name)}
_LEAD = re.compile(r"^(?:on|in|during|by|from|of)\s+", re.IGNORECASE)
_SHIFTED = re.compile(r"^(?P<n>\S+(?:\s+\S+)?)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>earlier|before|later|after)$",
                      re.IGNORECASE)
_NO_DATE = re.compile(r"^\W*$")


def _span(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The period ("day", "week", "month", "year") that holds DAY, as first and last day."""
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    return day, day


def _weekday(text: str, article_date: dt.date) -> tuple[dt.date, dt.date] | None:
    """"Tuesday", "on Tuesday": the most recent such day on or before the article's date."""
    k = _WEEKDAYS.get(text.lower())
    if k is None:
        return None
    day = article_date - dt.timedelta(days=(article_date.weekday() - k) % 7)
    return day, day


@functools.lru_cache(maxsize=4096)
def _parse(text: str, article_date: dt.date, direction: str = "past") -> tuple[dt.date, str] | None:
    """dateparser's reading of TEXT alone, relative to the article's date: (the day, its period)."""
    from dateparser.date import DateDataParser  # late: dateparser loads its language data on first use

    base = dt.datetime(article_date.year, article_date.month, article_date.day, 12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": direction, "RETURN_TIME_AS_PERIOD": True}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _shifted(text: str, article_date: dt.date) -> tuple[dt.date, dt.date] | None:
    """"a week earlier", "three days later": "ago"/"in" for dateparser, from the article's date."""
    m = _SHIFTED.match(text)
    if m is None:
        return None
    amount, unit, later = m.group("n"), m.group("unit"), m.group("dir").lower() in ("later", "after")
    phrase = f"in {amount} {unit}" if later else f"{amount} {unit} ago"
    found = _parse(phrase, article_date, "future" if later else "past")
    if found is None:
        return None
    day, period = found
    # "a week earlier" is a day; "two months earlier" the month, "a year later" the year
    return _span(day, "day" if unit.lower().startswith(("day", "week")) else period)


def resolve_time(phrase: str, article_date: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day PHRASE (a time phrase the grammar found: "on Tuesday", "in 2004",
    "last year", "a week earlier", "two weeks ago") means in an article dated ARTICLE_DATE, or None
    when it names no time dateparser or the conventions above can place."""
    if isinstance(article_date, dt.datetime):
        article_date = article_date.date()
    text = " ".join(phrase.split())
    text = _LEAD.sub("", text)
    if _NO_DATE.match(text):
        return None
    found = _weekday(text, article_date) or _shifted(text, article_date)
    if found is not None:
        return found
    parsed = _parse(text, article_date)
    return _span(*parsed) if parsed is not None else None
