"""Issue 14's remaining number forms of web news, each a class: a capital scale letter apart from
the number ("8 B people"), "one out of three" and "one flight in three", the fraction slash
("1⁄32"), multipliers written with a decimal ("subscribed 67.4 times"), and changes written
"from X to Y" (the "to" claim takes the direction and records the "from" claim)."""

from __future__ import annotations

import pytest

from checker.extract import Extractor
from checker.extract.context import ContextWords
from checker.extract.sentence import sentence_claims
from checker.load import parse_article


@pytest.fixture(scope="module")
def extractor(rules):
    return Extractor(rules)


def _claims(extractor, text: str) -> list[tuple]:
    rows = extractor.extract(parse_article("t.txt", "t.txt", text, ".txt"))
    return [(r.text, r.value, r.unit, r.change) for r in rows if r.unit not in ("date", "time")]


@pytest.mark.parametrize("text, expected", [
    ("The world will have 8 B people by then.", [("8 B", 8e9, "count", None)]),
    ("The app has 35 M users in India.", [("35 M", 35e6, "count", None)]),
    ("About one out of three adults uses an e-wallet.", [("About one out of three", 0.333333, "fraction", None)]),
    ("One flight in three was delayed.", [("One flight in three", 0.333333, "fraction", None)]),
    ("The shim is 1\u204432 of an inch thick.", [("1\u204432 of an inch", 0.03125, "inch", None)]),
    ("The IPO was subscribed 67.4 times.", []),
    ("The planet is 1.6 times Earth's radius.", []),
    ("He was stabbed 17 times.", [("17", 17, "count", None)]),
    ("The toll rose from 20 to 35.", [("20", 20, "count", None), ("35", 35, "count", "up")]),
    ("The bank cut rates from 5.25% to 5%.", [("5.25%", 5.25, "percent", None), ("5%", 5, "percent", "down")]),
])
def test_web_forms(extractor, text, expected):
    assert _claims(extractor, text) == expected


@pytest.mark.parametrize("text", ["Students in grade 5 B were sent home.", "Block 4 B residents were evacuated."])
def test_a_letter_apart_is_a_scale_only_before_a_counted_noun(extractor, text):
    assert _claims(extractor, text) == []


def test_one_noun_in_a_measure_is_no_fraction(extractor):
    assert [c[2] for c in _claims(extractor, "He scored one goal in 10 minutes.")] == ["count", "minute"]


@pytest.mark.parametrize("text", ["Tickets range from $200 to $1,500.", "It will cost from $999 up to $1,099."])
def test_a_range_is_no_change(extractor, text):
    assert [c[3] for c in _claims(extractor, text)] == [None]


def test_the_to_claim_records_the_from_claim(extractor):
    text = "Revenue rose from $5 million to $7 million, and staff grew to 40."
    lexicon = extractor.lexicon
    claims = sentence_claims(lexicon, ContextWords(lexicon), text, 0, len(text), []).claims
    first, second, third = claims
    assert (second.change_from, second.change) == (first.start, "up")
    assert first.change_from is None and third.change_from is None
