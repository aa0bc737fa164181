"""Claim extraction, driven by tests/data/extract.yaml (text -> expected claims)."""

from __future__ import annotations

import math

import pytest

from checker.extract import Extractor
from checker.load import parse_article
from checker.models import ClaimRow

from tables import table_cases

TABLE = "extract.yaml"
COMPARED = ("text", "value", "low", "high", "qualifier", "unit", "change", "entity", "event", "period")


@pytest.fixture(scope="module")
def extractor(rules):
    return Extractor(rules)


def extract(extractor, text: str) -> list[ClaimRow]:
    return extractor.extract(parse_article("t.txt", "t.txt", text, ".txt"))


def _same(expected, got) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) \
            and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(float(expected), float(got), rel_tol=1e-9)
    return expected == got


def _show(claims: list[ClaimRow]) -> str:
    return "\n".join("  " + ", ".join(f"{k}={getattr(c, k)!r}" for k in COMPARED) for c in claims) or "  (none)"


@pytest.mark.parametrize("case", table_cases(TABLE, "claims"))
def test_claims(extractor, case):
    got = extract(extractor, case["input"])
    expected = case["claims"]
    assert len(got) == len(expected), f"expected {len(expected)} claims, got:\n{_show(got)}"
    for n, (exp, claim) in enumerate(zip(expected, got, strict=True)):
        unknown = set(exp) - set(COMPARED)
        assert not unknown, f"unknown keys in the table: {unknown}"
        wrong = {k: (getattr(claim, k), v) for k, v in exp.items() if not _same(v, getattr(claim, k))}
        assert not wrong, f"claim {n + 1} {claim.text!r}: got/expected {wrong}\nall claims:\n{_show(got)}"


@pytest.mark.parametrize("case", table_cases(TABLE, "no_count"))
def test_no_count_claim(extractor, case):
    got = extract(extractor, case["input"])
    counts = [c for c in got if c.unit == "count"]
    assert counts == [], f"count claims:\n{_show(counts)}"
    for text in case.get("absent") or []:
        hits = [c for c in got if text in c.text]
        assert hits == [], f"{text!r} read as a claim:\n{_show(hits)}"


def test_claim_rows_have_the_contract_columns(extractor, rules):
    from checker.models import CLAIM_COLUMNS, INTERNAL_COLUMNS, SCOPE_COLUMNS
    from checker.pipeline import extract_loaded

    text = "date 2023-08-15\nThe forum drew 83 foreign companies."
    rows = extract(extractor, text)
    # the extractor fills every column but the story and the frame, which the scope stage adds
    assert rows and all(set(CLAIM_COLUMNS) - set(SCOPE_COLUMNS) <= set(r._fields) for r in rows)
    table = extract_loaded([parse_article("t.txt", "t.txt", text, ".txt")], rules)
    assert list(table.columns) == CLAIM_COLUMNS + list(INTERNAL_COLUMNS)
    assert table[["predicate", "counted"]].values.tolist() == [["attended", "companies"]]
    assert table["story"].tolist()[0]


def test_offsets_point_into_the_text(extractor):
    text = "date 2023-08-15\nOver 1,500 firms and six agencies came.\r\nNearly $8 billion was spent."
    loaded = parse_article("t.txt", "t.txt", text, ".txt")
    rows = extractor.extract(loaded)
    assert len(rows) == 3
    for r in rows:
        assert text[r.start:r.end] == r.text
        line_start = sum(len(ln) for ln in text.splitlines(keepends=True)[: r.line - 1])
        assert r.start - line_start + 1 == r.column
        assert r.text in r.sentence and r.sentence in text


@pytest.mark.parametrize(("text", "claim", "increment"), [
    ("Another 20 people were killed.", "20", True),
    ("He received two additional life sentences.", "two", True),
    ("Police need 5 more days.", "5 more days", True),
    ("The army sent a further 300 troops.", "300", True),
    ("He is serving three life sentences.", "three", False),
    ("More than 800 delegates came.", "More than 800", False),
    ("They had no more than 12 boats.", "no more than 12", False),
    ("A total of 31 fire trucks came.", "31", False),
])
def test_increments_are_marked_apart_from_totals(extractor, text, claim, increment):
    rows = {r.text: r for r in extract(extractor, text)}
    assert claim in rows, list(rows)
    assert rows[claim].increment is increment
