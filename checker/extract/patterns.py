"""Regular expressions and word sets of the extractor that do not depend on the rules: date and
time patterns, phone numbers and other debris, list numbering, clause breaks."""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d{2}|20\d{2})"
# Dates and times, tried before the number grammar so that their digits are not read as counts.
# Each starts a word with a digit or a capital letter (see DATE_START).
DATE_PATTERNS = [
    ("date", re.compile(rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})\b")),
    ("date", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b")),
    ("date", re.compile(rf"\b(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>{_YEAR}|\d{{2}})\b")),
    # "August 14-20", "Aug. 9, 2023", "Monday, August 14"
    ("date", re.compile(
        rf"\b(?:{_WEEKDAY},?[ \t\n]+)?(?P<mon>{_MONTH})[ \t\n]+(?P<d>{_DAY})(?:[ \t]*[-–][ \t]*(?P<d2>{_DAY}))?"
        rf"(?:,?[ \t\n]+(?P<y>{_YEAR}))?\b(?![.,]\d)")),
    # "14 August 2023", "14-20 August", "the 5th of May"
    ("date", re.compile(
        rf"\b(?P<d>{_DAY})(?:[ \t]*[-–][ \t]*(?P<d2>{_DAY}))?[ \t\n]+(?:of[ \t\n]+)?(?P<mon>{_MONTH})"
        rf"(?:,?[ \t\n]+(?P<y>{_YEAR}))?\b")),
    # "in March 2021", "March 2021"
    ("date", re.compile(rf"\b(?P<mon>{_MONTH})[ \t\n]+(?P<y>{_YEAR})\b")),
    # "2023-24 season", "the 1990s", "mid-2020s"
    ("date", re.compile(rf"\b(?P<y>{_YEAR})[-–/](?:\d{{2}}|{_YEAR})\b(?![-–]\d)")),
    ("date", re.compile(r"\b(?P<y>(?:1[5-9]|20)\d0)['’]?s\b")),
    # race and lap times: "won in 2:09:56", "a lap of 1:27.097", "3:51.29" (hours:minutes:seconds,
    # or minutes:seconds with hundredths), not a clock time after "at" or before "a.m."/"GMT"
    ("duration", re.compile(
        r"(?<![Aa]t[ \t])\b(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d{1,3})?)"
        r"|(?P<m2>\d{1,2}):(?P<s2>[0-5]\d\.\d{1,3}))\b"
        r"(?![ \t\n]*(?:[aApP]\.?[ \t\n]?[mM]\b|GMT|UTC|[A-Z]{2,4}T\b))")),
    # clock times: "3:45 p.m.", "10 a.m.", "15:30 GMT", "10am"
    ("time", re.compile(
        r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \t\n]*(?:[aApP]\.?[mM]\.?|GMT|UTC|[A-Z]{2,4}T)\b\.?)?"
        r"|\b(?:1[0-2]|0?[1-9])\.[0-5]\d[ \t\n]*(?:[aApP]\.[mM]\.|[aApP][mM]\b)"
        r"|(?<![\d.,])\b(?:1[0-2]|0?[1-9])(?:[ \t\n]*(?:[aApP]\.[ \t\n]?[mM]\.|[aApP][mM]\b))"  # not "2.1 pm"
        r"|\b(?:[01]\d|2[0-3])[0-5]\d[ \t]+(?:GMT|UTC|hours|hrs)\b")),
]


def _combine(patterns: list[tuple[str, re.Pattern]]) -> tuple[re.Pattern, list[str]]:
    """One regex for all date/time patterns (one scan per sentence instead of one per pattern).
    Alternative k is group ``_k``; its named groups are renamed ``name_k``. Earlier patterns win
    at the same position, as they did when tried in order."""
    parts = []
    for k, (_, pattern) in enumerate(patterns):
        body = re.sub(r"\(\?P<(\w+)>", lambda m, k=k: f"(?P<{m.group(1)}_{k}>", pattern.pattern)
        parts.append(f"(?P<_{k}>{body})")
    return re.compile("|".join(parts)), [kind for kind, _ in patterns]


DATES, DATE_KINDS = _combine(DATE_PATTERNS)
# For alternative k: its named groups in DATES ("d_3") with their names in the pattern ("d").
DATE_GROUPS = [
    [(name, name[: -len(str(k)) - 1]) for name in DATES.groupindex if name.endswith(f"_{k}") and not name.startswith("_")]
    for k in range(len(DATE_KINDS))
]
# Every date or time pattern holds a month name, a digit next to ":", "/", "." or "-", a year, a
# decade ("1990s") or a.m./p.m./GMT: a cheap test that spares the full scan in most sentences.
DATE_HINT = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t\n]+\d"
    r"|\d[ \t\n]+(?:of[ \t\n]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"|\d[:/.\-–]\d|(?:1[5-9]|20)\d\d|\d0['’]?s\b|\d[ \t\n]*[aApP]\.?[ \t\n]?[mM]\b|\d{4}[ \t\n]+(?:GMT|UTC|hours|hrs)"
)
# Where a date or time can start: at a word that starts with a digit or a capital letter.
DATE_START = re.compile(r"\b[\dA-Z]")
# Likewise for phone numbers, image sizes and codes: digit groups joined by separators or "x".
DEBRIS_HINT = re.compile(r"\d[ \t.\-)]\(?\d|\d[ \t\n]?[x×][ \t\n]?\d|\dpx|\d[pi]\b|\+\d|[A-Z]-?\d")

# Phone numbers, image sizes and other codes whose digits are never amounts.
DEBRIS = re.compile(
    r"\b\d-\d-\d\b|(?:\+\d{1,3}[ \t.-]?|\b1[ \t.-])?\(?\b\d{3}\)?[ \t.-]\d{3}[ \t.-]\d{4}\b"
    r"|\+\d{1,3}(?:[ \t.-]\d{2,4}){2,5}\b"
    r"|\b\d{3}-\d{4}\b"
    r"|\b0\d{2,4}(?:[ \t.-]\d{3,4}){1,2}\b"
    r"|\b\d{2,5}[ \t\n]?[x×][ \t\n]?\d{2,5}(?:[ \t]?px)?\b"
    r"|\b\d{2,5}px\b"
    r"|\b(?:144|240|360|480|576|720|1080|1440|2160|4320)[pi]\b"
    r"|\b[A-Z]{1,5}-?\d+(?:-\d+)+\b"
)
# Where debris can start: "+", "(", or a word that starts with a digit or a capital letter.
DEBRIS_START = re.compile(r"[+(]|\b[\dA-Z]")


def matches(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int, endpos: int) -> list[re.Match]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, trying ``pattern`` only where
    ``starts`` matches. ``starts`` must match at the first character of every match of
    ``pattern`` (which never matches the empty string): the matches are then the same, found
    without trying the long pattern at every character."""
    out = []
    while True:
        c = starts.search(text, pos, endpos)
        if c is None:
            return out
        m = pattern.match(text, c.start(), endpos)
        if m is None:
            pos = c.start() + 1
        else:
            out.append(m)
            pos = max(m.end(), c.start() + 1)


LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(?:\(?\d{1,2}[.)]|\(\d{1,2}\))[ \t]+(?=[A-Z\"“])")
CLAUSE_BREAK = re.compile(
    r",[ \t]+(?:while|whereas|but|although|though|compared with|compared to|against|up from|down from)\b"
    r"|;[ \t]|[ \t]—[ \t]|[ \t]–[ \t]|:[ \t]", re.I)

DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
QUOTES = frozenset("\"'“”‘’«»")
DOUBLE_QUOTES = frozenset("\"”»")
YEAR_LIKE = re.compile(r"(?:1[5-9]|20|21)\d{2}")
