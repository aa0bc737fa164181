"""Per-step regression tables of the extractor (tests/data/extract/<step>.yaml).

Each file holds sentences that exercise one step of ``checker/extract/`` (rejecting non-claims,
years, sign and currency, scale, unit, range, age, qualifier, multiplier, counted entity,
bounds, date/time/debris spans, tallies), including sentences where the step rejects the number.
Each input, read as a .txt article, yields exactly the claims listed, in text order. The
expected claims were written from the extractor's output before it was split into steps.
"""

from __future__ import annotations

import pytest
from test_extract import COMPARED, _same, _show

from checker.extract import Extractor
from checker.load import parse_article

from tables import DATA, cases, read_table

STEPS = sorted(p.stem for p in (DATA / "extract").glob("*.yaml"))


@pytest.fixture(scope="module")
def extractor(rules):
    return Extractor(rules)


def step_cases() -> list:
    items = []
    for step in STEPS:
        for item in read_table(f"extract/{step}.yaml"):
            items.append({**item, "id": f"{step}/{item['id']}"})
    return cases(items)


def test_every_step_has_a_table():
    assert len(STEPS) >= 10
    for step in STEPS:
        assert 5 <= len(read_table(f"extract/{step}.yaml")) <= 20, step


@pytest.mark.parametrize("case", step_cases())
def test_step_table(extractor, case):
    got = extractor.extract(parse_article("t.txt", "t.txt", case["input"], ".txt"))
    expected = case["claims"]
    assert len(got) == len(expected), f"expected {len(expected)} claims, got:\n{_show(got)}"
    for n, (exp, claim) in enumerate(zip(expected, got, strict=True)):
        unknown = set(exp) - set(COMPARED)
        assert not unknown, f"unknown keys in the table: {unknown}"
        wrong = {k: (claim[k], v) for k, v in exp.items() if not _same(v, claim[k])}
        assert not wrong, f"claim {n + 1} {claim['text']!r}: got/expected {wrong}\nall claims:\n{_show(got)}"
