"""Comparison of claims across sources, driven by tests/data/compare.yaml."""

from __future__ import annotations

import copy
import itertools
import re

import pandas as pd
import pytest

from checker import compare
from checker.compare import compare_claims, intervals_overlap, rounding_tolerance
from checker.normalize import canonical_entity, head_noun
from checker.numbers import resolution_of
from checker.pipeline import INTERNAL_COLUMNS, claims_frame

from tables import table_cases

TABLE = "compare.yaml"
DEFAULT = {
    "unit": "count", "entity": "foreign companies", "event": "army-2023", "period": 2023, "qualifier": "=",
    "published": None, "context": ["took", "part"],
}


def interval(value, qualifier):
    if value is None or isinstance(value, str):
        return None, None
    return {
        "=": (value, value), ">": (value, None), ">=": (value, None), "<": (0, value), "<=": (0, value),
        "~": (value * 0.9, value * 1.1),
    }[qualifier]


def claim_row(rules, spec: dict, article: str, start: int = 0) -> dict:
    """One row of the claim table, as the extractor writes it, from a short spec."""
    c = {**DEFAULT, **spec}
    value = c.get("value")
    low, high = interval(value, c["qualifier"]) if c["qualifier"] not in ("vague", "range") else (None, None)
    low, high = c.get("low", low), c.get("high", high)
    text = str(c.get("text", value))
    words = bool(re.search(r"[a-z]", text)) and c["unit"] != "date"
    resolution = c.get("resolution", 1.0 if words or value is None or isinstance(value, str) else resolution_of(text))
    key = canonical_entity(c["entity"], rules.entity_aliases, rules.ignored_modifiers) if c["entity"] else ""
    event = c["event"]
    row = {
        "article": c.get("article", article), "source": c.get("article", article).split(".")[0],
        "published": c["published"], "value": value, "low": low, "high": high, "qualifier": c["qualifier"],
        "change": None, "unit": c["unit"], "entity": c["entity"], "entity_key": key, "event": event,
        "period": c["period"], "text": text, "sentence": f"... {text} {c['entity']} ...",
        "start": start, "end": start + len(text), "line": 1, "column": start + 1,
    }
    internal = {
        "_resolution": resolution, "_head": head_noun(key) if key else "",
        "_series": c.get("series", re.sub(r"-\d+$", "", event) if event else ""),
        "_context": frozenset(c["context"]),
        "_increment": bool(c.get("increment", False)),
    }
    for col in INTERNAL_COLUMNS:
        row[col] = internal.get(col)
    return row


def frame(rows: list[dict]) -> pd.DataFrame:
    return claims_frame(rows)


def rules_with(rules, tolerances: dict | None):
    if not tolerances:
        return rules
    changed = copy.copy(rules)
    changed.tolerances = {**rules.tolerances, **tolerances}
    return changed


@pytest.mark.parametrize("case", table_cases(TABLE, "pairs"))
def test_pair(rules, case):
    r = rules_with(rules, case.get("tolerances"))
    a = claim_row(rules, case["a"], "a.txt", 0)
    b = claim_row(rules, case["b"], "b.txt", 100)
    findings = compare_claims(frame([a, b]), r)
    got = [f.rule for f in findings]
    expected = [] if case["expect"] == "consistent" else [case["expect"]]
    assert got == expected, [f.message for f in findings]
    for f in findings:
        assert f.level == rules.checks[f.rule].level
        assert sorted(c["article"] for c in f.claims) == sorted({a["article"], b["article"]})
    # the order of the rows does not change the verdict
    swapped = compare_claims(frame([b, a]), r)
    assert [f.rule for f in swapped] == got


@pytest.mark.parametrize("case", table_cases(TABLE, "overlap"))
def test_intervals_overlap(case):
    a, b = tuple(case["a"]), tuple(case["b"])
    assert intervals_overlap(a, b) is case["expect"]
    assert intervals_overlap(b, a) is case["expect"]


@pytest.mark.parametrize("case", table_cases(TABLE, "tolerance"))
def test_rounding_tolerance(rules, case):
    row = claim_row(rules, case["claim"], "a.txt")
    assert rounding_tolerance(row, rules) == pytest.approx(case["expect"])


def test_finding_record(rules):
    rows = [claim_row(rules, {"value": 83}, "a.txt", 10), claim_row(rules, {"value": 82}, "b.txt", 20)]
    (finding,) = compare_claims(frame(rows), rules)
    d = finding.to_dict()
    for key in ("rule", "name", "level", "event", "period", "entity", "unit", "message", "claims", "fingerprint"):
        assert key in d
    assert (d["rule"], d["level"], d["event"], d["period"], d["entity"], d["unit"]) == \
        ("FC101", "error", "army-2023", 2023, "foreign companies", "count")
    assert [c["article"] for c in d["claims"]] == ["a.txt", "b.txt"]
    assert set(d["claims"][0]) == set(compare.FINDING_CLAIM_FIELDS)
    assert "83" in d["message"] and "82" in d["message"]


def test_fingerprint_ignores_lines_and_order(rules):
    a, b = claim_row(rules, {"value": 83}, "a.txt", 10), claim_row(rules, {"value": 82}, "b.txt", 20)
    (first,) = compare_claims(frame([a, b]), rules)
    moved = [{**a, "line": 40, "column": 3, "start": 900, "end": 902}, b]
    (second,) = compare_claims(frame(list(reversed(moved))), rules)
    assert first.fingerprint == second.fingerprint
    (other,) = compare_claims(frame([a, {**b, "value": 81, "low": 81, "high": 81, "text": "81"}]), rules)
    assert other.fingerprint != first.fingerprint


def test_findings_are_ordered_by_level(rules):
    rows = [
        claim_row(rules, {"value": 800, "entity": "delegates"}, "a.txt", 0),
        claim_row(rules, {"value": 800, "qualifier": ">", "entity": "delegates"}, "b.txt", 0),
        claim_row(rules, {"value": 83}, "a.txt", 50),
        claim_row(rules, {"value": 82}, "b.txt", 50),
    ]
    findings = compare_claims(frame(rows), rules)
    assert [f.rule for f in findings] == ["FC101", "FC102"]


def test_three_sources_one_outlier(rules):
    rows = [claim_row(rules, {"value": 83}, "a.txt"), claim_row(rules, {"value": 83}, "b.txt"),
            claim_row(rules, {"value": 82}, "c.txt")]
    (finding,) = compare_claims(frame(rows), rules)
    assert finding.rule == "FC101" and finding.outlier == "c.txt"
    assert sorted(c["article"] for c in finding.claims) == ["a.txt", "b.txt", "c.txt"]


def test_no_claims_no_findings(rules):
    assert compare_claims(frame([]), rules) == []


def test_blocking_never_compares_across_blocks(rules, monkeypatch):
    """Entities are compared only inside a block (event, period, unit, head noun)."""
    specs = []
    for event, period, unit, entity in itertools.product(
            ["army-2023", "mcis-11", None], [2022, 2023], ["count", "USD"], ["foreign companies", "countries", "companies"]):
        specs.append({"event": event, "period": period, "unit": unit, "entity": entity})
    rows = []
    for n, spec in enumerate(specs):
        for art, value in (("a.txt", 10 + n), ("b.txt", 500 + n)):
            rows.append(claim_row(rules, {**spec, "value": value}, art, n))
    data = frame(rows)
    keys = {}
    for row in rows:
        keys[(row["article"], row["start"])] = (row["_series"], row["period"], row["unit"], row["_head"])
    compared = []
    real = compare.entity_relation

    def spy(a, b, r):
        compared.append((a, b))
        return real(a, b, r)

    monkeypatch.setattr(compare, "entity_relation", spy)
    real_block = compare._compare_block
    blocks = []

    def block_spy(block, *args, **kwargs):
        blocks.append({keys[(r["article"], r["start"])] for r in block.to_dict("records")})
        return real_block(block, *args, **kwargs)

    monkeypatch.setattr(compare, "_compare_block", block_spy)
    findings = compare_claims(data, rules)
    assert blocks, "no block was compared"
    assert all(len(keys_in_block) == 1 for keys_in_block in blocks), blocks
    # all pairs across articles would be len(specs)**2; blocking compares far fewer
    assert 0 < len(compared) < len(specs) ** 2 / 4
    for f in findings:
        assert len({(f.event, f.period, f.unit)}) == 1
        assert len({keys[(c["article"], c["start"])] for c in f.claims}) == 1
