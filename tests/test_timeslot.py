"""The time of a clause (checker/timeslot.py): read, resolved against the article's date, compared."""

from __future__ import annotations

import datetime as _dt

import pytest

from checker.timeslot import clause_time, time_span, times_differ

WED = _dt.date(2011, 3, 2)  # a Wednesday


def words(text: str) -> list[str]:
    return text.lower().replace(",", " , ").split()


@pytest.mark.parametrize("text, published, expected", [
    ("killed on tuesday", WED, "2011-03-01"),
    ("killed on wednesday", WED, "2011-03-02"),
    ("killed last wednesday", WED, "2011-02-23"),
    ("killed next tuesday", WED, None),
    ("killed on tuesday", None, "tuesday"),
    ("killed yesterday", WED, "2011-03-01"),
    ("killed yesterday", None, None),
    ("killed last night", WED, "2011-03-01"),
    ("killed last week", WED, "2011-02-21/2011-02-27"),
    ("killed last month", WED, "2011-02"),
    ("killed last year", WED, "2010"),
    ("killed this year", WED, "2011"),
    ("killed in 2004", None, "2004"),
    ("killed since 2004", None, None),
    ("killed in may 2008", None, "2008-05"),
    ("killed on june 24 , 2005", None, "2005-06-24"),
    ("killed on 16 september 2013", None, "2013-09-16"),
    ("killed in may", _dt.date(2008, 12, 11), "2008-05"),
    ("killed in december", _dt.date(2008, 3, 11), "2007-12"),
    ("it may rain", WED, None),
    ("killed on february 30 , 2011", None, None),
    ("killed two weeks ago", WED, "2011-02-14/2011-02-20"),
    ("killed two weeks ago", None, None),
    ("killed a week earlier", WED, None),
])
def test_clause_time(text, published, expected):
    assert clause_time(words(text), 0, published) == expected


def test_a_time_beside_a_speech_word_dates_the_statement():
    assert clause_time(words("police said tuesday that 12 were killed"), 4, WED, frozenset({"said"})) is None
    assert clause_time(words("12 were killed tuesday , police said"), 0, WED, frozenset({"said"})) == "2011-03-01"


def test_the_nearest_time_wins():
    assert clause_time(words("a toll of 12 on tuesday against 40 in 2004"), 3, WED) == "2011-03-01"
    assert clause_time(words("a toll of 12 on tuesday against 40 in 2004"), 7, WED) == "2004"


def test_spans():
    assert time_span("2008-02") == (_dt.date(2008, 2, 1), _dt.date(2008, 2, 29))
    assert time_span("2008-12") == (_dt.date(2008, 12, 1), _dt.date(2008, 12, 31))
    assert time_span("2004") == (_dt.date(2004, 1, 1), _dt.date(2004, 12, 31))
    assert time_span("friday") is None


@pytest.mark.parametrize("a, b, differ", [
    ("2013-09-13", "2013-09-14", True),
    ("2013-09-13", "2013-09", False),
    ("2013", "2012", True),
    ("friday", "saturday", True),
    ("friday", "2013-09-13", False),   # 13 September 2013 was a Friday
    ("saturday", "2013-09-13", True),
    ("friday", "2013-09", False),       # a month holds Fridays
    ("2011-02-21/2011-02-27", "2011-02-23", False),
    ("2011-02-21/2011-02-27", "2011-03-01", True),
    (None, "2013", False),
])
def test_times_differ(a, b, differ):
    assert times_differ(a, b) is differ
    assert times_differ(b, a) is differ
