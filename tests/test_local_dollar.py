"""The local dollar (checker/extract/local_dollar.py): a bare "$", "cents" or "75c" is the page's
own dollar when the article's cues name exactly one local dollar; "US$", "$US", "US65.84c" stay USD.
The same rule makes "rials" Omani on a page naming Oman (Iranian otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract.local_dollar import article_dollar, compile_rules, localized
from checker.load import parse_article
from checker.pipeline import extract_loaded


def _units(rules, text: str, source_line: str = "") -> list[tuple[str, str]]:
    head = f"---\nsource: {source_line}\n---\n" if source_line else ""
    loaded = [parse_article("a.md" if head else "a.txt", "a.md" if head else "a.txt", head + text,
                            Path("a.md" if head else "a.txt").suffix)]
    claims = extract_loaded(loaded, rules, one_story=True)
    return [(c.text, c.unit) for c in claims.itertuples() if c.unit not in ("count", "percent")]


@pytest.mark.parametrize("text, expected", [
    ("The S&P/ASX 200 rose 0.7 per cent, with BHP adding 1.9 per cent to $45.12.", [("$45.12", "AUD")]),
    ("The RBA said Westpac declared a 75c dividend and earned $3.5b.", [("75c", "AUD"), ("$3.5b", "AUD")]),
    ("The Australian dollar fell to US65.84c after the RBA kept rates on hold.", [("US65.84c", "USD")]),
    ("The miner, listed on the ASX, flagged $US850m of spending and $1.2bn of buybacks.",
     [("$US850m", "USD"), ("$1.2bn", "AUD")]),
    ("DBS raised its dividend to 60 cents after earning S$2.96 billion.", [("60 cents", "SGD"), ("S$2.96 billion", "SGD")]),
    ("A 4-room HDB flat changed hands for a record $1.5 million.", [("$1.5 million", "SGD")]),
    ("The company earned $3.5 billion and paid a 75c dividend.", [("$3.5 billion", "USD"), ("75c", "USD")]),
    ("Shares rose on the ASX and the SGX; the deal is worth $2 billion.", [("$2 billion", "USD")]),
    ("AMD paid $334 million for the maker of the ASIC.", [("$334 million", "USD")]),  # a chip, not a regulator
])
def test_bare_dollar_on_local_pages(rules, text, expected):
    assert _units(rules, text) == expected


def test_the_outlet_is_a_cue(rules):
    assert _units(rules, "The company earned $3.5 billion.", "www.afr.com.au") == [("$3.5 billion", "AUD")]
    assert _units(rules, "The company earned $3.5 billion.", "www.nytimes.com") == [("$3.5 billion", "USD")]


def test_rules_record():
    dollars = compile_rules({"AUD": ((".com.au",), ("ASX", "A$")), "SGD": ((".sg",), ("SGX",)),
                             "OMR": ((), ("Oman",))}, {"OMR": "IRR"})
    assert article_dollar(dollars, "Listed on the ASX.", None) == {"USD": "AUD"}
    assert article_dollar(dollars, "A$5 million", None) == {"USD": "AUD"}
    assert article_dollar(dollars, "The ASXL index", None) == {}  # a cue is a whole word
    assert article_dollar(dollars, "Nothing here.", "straitstimes.sg") == {"USD": "SGD"}
    assert article_dollar(dollars, "On the ASX and the SGX.", None) == {}
    assert article_dollar(dollars, "Oman and the ASX.", None) == {"USD": "AUD", "IRR": "OMR"}
    aud, omr = {"USD": "AUD"}, {"IRR": "OMR"}
    assert localized("USD", "$5", aud) == "AUD"
    assert localized("USD", "US$5", aud) == "USD"
    assert localized("USD", "5 US dollars", aud) == "USD"
    assert localized("EUR", "€5", aud) == "EUR"
    assert localized("USD", "$5", {}) == "USD"
    assert localized("IRR", "3.5 rials", omr) == "OMR"
    assert localized("IRR", "5,000 Iranian rials", omr) == "IRR"


@pytest.mark.parametrize("text, expected", [
    ("In Muscat the same film is 3.5 rials.", [("3.5 rials", "OMR")]),
    ("Iran's currency fell to 600,000 rials per dollar.", [("600,000 rials", "IRR")]),
    ("In Muscat, the fine was 5,000 Iranian rials.", [("5,000 Iranian rials", "IRR")]),
])
def test_rials_by_the_page(rules, text, expected):
    assert _units(rules, text) == expected


@pytest.mark.parametrize("text, unit", [("Temperatures hit 38C on Monday.", "celsius"),
                                         ("Shares rose 3c to 45.2p.", "USD")])
def test_glued_c_is_cents_but_capital_c_is_celsius(rules, text, unit):
    assert _units(rules, text)[0][1] == unit
