"""resolve_time: a time phrase the grammar found, against the article's date (dateparser on the
phrase alone, with the news conventions of checker/timeref.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.timeref import resolve_time

THURSDAY = dt.date(2024, 3, 14)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize("phrase, start, end", [
    ("on Tuesday", "2024-03-12", "2024-03-12"),
    ("Tuesday", "2024-03-12", "2024-03-12"),
    ("on Thursday", "2024-03-14", "2024-03-14"),   # the article's own weekday is that day
    ("Friday", "2024-03-08", "2024-03-08"),        # never a day after the article
    ("last Tuesday", "2024-03-12", "2024-03-12"),
    ("in 2004", "2004-01-01", "2004-12-31"),
    ("last year", "2023-01-01", "2023-12-31"),
    ("this year", "2024-01-01", "2024-12-31"),
    ("last month", "2024-02-01", "2024-02-29"),
    ("last week", "2024-03-04", "2024-03-10"),
    ("a week earlier", "2024-03-07", "2024-03-07"),
    ("three days later", "2024-03-17", "2024-03-17"),
    ("two years earlier", "2022-01-01", "2022-12-31"),
    ("two weeks ago", "2024-02-26", "2024-03-03"),
    ("yesterday", "2024-03-13", "2024-03-13"),
    ("in March", "2024-03-01", "2024-03-31"),
    ("March 2022", "2022-03-01", "2022-03-31"),
    ("3 March 2022", "2022-03-03", "2022-03-03"),
])
def test_resolve_time(phrase, start, end):
    assert resolve_time(phrase, THURSDAY) == (d(start), d(end))


@pytest.mark.parametrize("phrase", ["May said", "", "  ", "the year before", "the company"])
def test_no_time(phrase):
    assert resolve_time(phrase, THURSDAY) is None


def test_relative_to_each_article():
    assert resolve_time("last year", dt.date(2019, 6, 1)) == (d("2019-01-01") - dt.timedelta(days=365), d("2018-12-31"))
    assert resolve_time("yesterday", dt.datetime(2020, 1, 1, 9, 30)) == (d("2019-12-31"), d("2019-12-31"))
