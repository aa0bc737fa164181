"""Comparison of claims across sources, driven by tests/data/compare.yaml.

The claims compared are those the extractor finds in small articles (``extract_loaded``), never
rows built by hand: a case tests a comparison that the extractor really feeds to compare.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pandas as pd
import pytest

from checker import compare
from checker.compare import comparable, compare_claims, intervals_overlap, rounding_tolerance
from checker.load import parse_article
from checker.pipeline import extract_loaded

from tables import table_cases

TABLE = "compare.yaml"
FORUM = "{} foreign companies took part in the Army-2023 forum."


def claims_of(rules, articles: dict[str, str]) -> pd.DataFrame:
    """The claim table of small articles (name -> text), in the order given."""
    loaded = [parse_article(name, name, text, Path(name).suffix.lower()) for name, text in articles.items()]
    return extract_loaded(loaded, rules)


def rules_with(rules, tolerances: dict | None):
    if not tolerances:
        return rules
    checks = dataclasses.replace(rules.checks, tolerances={**rules.checks.tolerances, **tolerances})
    return dataclasses.replace(rules, checks=checks)


def pair_articles(case: dict, swapped: bool = False) -> dict[str, str]:
    if case.get("same_article"):
        return {"a.txt": case["a"] + "\n" + case["b"]}
    articles = [("a.txt", case["a"]), ("b.txt", case["b"])]
    return dict(reversed(articles) if swapped else articles)


@pytest.mark.parametrize("case", table_cases(TABLE, "pairs"))
def test_pair(rules, case):
    r = rules_with(rules, case.get("tolerances"))
    claims = claims_of(rules, pair_articles(case))
    # each text states its figure: the case compares what it says it compares
    assert set(claims["article"]) == set(pair_articles(case)), claims[["article", "text"]]
    findings = compare_claims(claims, r)
    got = [f.rule for f in findings]
    expected = [] if case["expect"] == "consistent" else [case["expect"]]
    assert got == expected, [f.message for f in findings]
    for f in findings:
        assert f.level == rules.checks.checks[f.rule].level
        assert sorted(c["article"] for c in f.claims) == ["a.txt", "b.txt"]
    # the order of the articles does not change the verdict
    swapped = compare_claims(claims_of(rules, pair_articles(case, swapped=True)), r)
    assert [f.rule for f in swapped] == got


@pytest.mark.parametrize("case", table_cases(TABLE, "overlap"))
def test_intervals_overlap(case):
    a, b = tuple(case["a"]), tuple(case["b"])
    assert intervals_overlap(a, b) is case["expect"]
    assert intervals_overlap(b, a) is case["expect"]


@pytest.mark.parametrize("case", table_cases(TABLE, "tolerance"))
def test_rounding_tolerance(rules, case):
    rows = comparable(claims_of(rules, {"a.txt": case["claim"]})).to_dict("records")
    assert len(rows) == 1, rows
    assert rounding_tolerance(rows[0], rules) == pytest.approx(case["expect"])


def test_finding_record(rules):
    claims = claims_of(rules, {"a.txt": FORUM.format(83), "b.txt": "Organizers said " + FORUM.format(82)})
    (finding,) = compare_claims(claims, rules)
    d = finding.to_dict()
    for key in ("rule", "name", "level", "event", "period", "entity", "unit", "message", "claims", "fingerprint"):
        assert key in d
    assert (d["rule"], d["level"], d["event"], d["period"], d["entity"], d["unit"]) == \
        ("FC101", "error", "army-2023", 2023, "foreign companies", "count")
    assert [c["article"] for c in d["claims"]] == ["a.txt", "b.txt"]
    assert [(c["text"], c["start"], c["line"], c["column"]) for c in d["claims"]] == \
        [("83", 0, 1, 1), ("82", 16, 1, 17)]
    assert set(d["claims"][0]) == set(compare.FINDING_CLAIM_FIELDS)
    # the message is the headline (with what made the claims one fact) and the claims, each with
    # its source and place
    assert d["message"] == ("sources disagree on foreign companies at army-2023 in 2023 (attended): "
                            "83 (a, a.txt:1); 82 (b, b.txt:1)")
    assert d["story"] == finding.story and finding.story
    assert d["message"] == f"{finding.headline}: {compare.claim_list(finding.claims)}"


def test_fingerprint_ignores_lines_and_order(rules):
    a, b = FORUM.format(83), FORUM.format(82)
    (first,) = compare_claims(claims_of(rules, {"a.txt": a, "b.txt": b}), rules)
    moved = "The forum closed on Sunday.\n\nIn the end,\n" + a
    (second,) = compare_claims(claims_of(rules, {"b.txt": b, "a.txt": moved}), rules)
    assert [c["line"] for c in second.claims] != [c["line"] for c in first.claims]
    assert first.fingerprint == second.fingerprint
    (other,) = compare_claims(claims_of(rules, {"a.txt": a, "b.txt": FORUM.format(81)}), rules)
    assert other.fingerprint != first.fingerprint


def test_findings_are_ordered_by_level(rules):
    claims = claims_of(rules, {
        "a.txt": "800 delegates took part in the Army-2023 forum.\n\n" + FORUM.format(83),
        "b.txt": "More than 800 delegates took part in the Army-2023 forum.\n\n" + FORUM.format(82),
    })
    findings = compare_claims(claims, rules)
    assert [f.rule for f in findings] == ["FC101", "FC102"]


def test_three_sources_one_outlier(rules):
    claims = claims_of(rules, {"a.txt": FORUM.format(83), "b.txt": FORUM.format(83), "c.txt": FORUM.format(82)})
    (finding,) = compare_claims(claims, rules)
    assert finding.rule == "FC101" and finding.outlier == "c.txt"
    assert sorted(c["article"] for c in finding.claims) == ["a.txt", "b.txt", "c.txt"]


TOLL = "date {}\n{} people died in the earthquake in 2023."


def test_a_later_source_repeating_an_older_toll_is_behind_not_in_contradiction(rules):
    claims = claims_of(rules, {"a.txt": TOLL.format("2023-02-06", "1,200"), "b.txt": TOLL.format("2023-02-07", "3,400"),
                               "new.txt": TOLL.format("2023-02-08", "1,200")})
    (finding,) = compare_claims(claims, rules)
    assert (finding.rule, finding.level) == ("FC104", "warning")
    assert finding.headline.startswith("a later source repeats an older figure for")
    assert finding.headline.endswith("the latest figure is 3,400, reported by b on 2023-02-07")


def test_a_later_lower_toll_nobody_gave_before_is_a_contradiction(rules):
    claims = claims_of(rules, {"a.txt": TOLL.format("2023-02-06", "1,200"), "b.txt": TOLL.format("2023-02-07", "3,400"),
                               "new.txt": TOLL.format("2023-02-08", "1,000")})
    (finding,) = compare_claims(claims, rules)
    assert finding.rule == "FC101"


def test_a_rising_toll_names_its_latest_figure(rules):
    claims = claims_of(rules, {"a.txt": TOLL.format("2023-02-06", "10"), "b.txt": TOLL.format("2023-02-07", "24")})
    (finding,) = compare_claims(claims, rules)
    assert finding.rule == "FC104"
    assert finding.headline.startswith("the figure rises from earlier to later sources for")
    assert finding.headline.endswith("the latest figure is 24, reported by b on 2023-02-07")


def test_no_claims_no_findings(rules):
    assert compare_claims(claims_of(rules, {"a.txt": "Nothing was counted."}), rules) == []


# "a trade fair" first: no event named before it, so its claims have none.
BLOCKING_EVENTS = ["a trade fair", "the Army-{year} forum", "the {year} Moscow Conference on International Security"]
BLOCKING_ENTITIES = ["foreign companies", "countries", "companies"]


def _blocking_article(values: list[int]) -> str:
    """One paragraph per (event, year, unit, entity): a count or an amount paid."""
    paragraphs = []
    specs = itertools.product(BLOCKING_EVENTS, [2022, 2023], ["count", "USD"], BLOCKING_ENTITIES)
    for (event, year, unit, entity), value in zip(specs, values, strict=True):
        where = event.format(year=year) + ("" if "{year}" in event else f" in {year}")
        if unit == "count":
            paragraphs.append(f"{value} {entity} took part in {where}.")
        else:
            paragraphs.append(f"The {entity} paid ${value} at {where}.")
    return "\n\n".join(paragraphs)


def test_blocking_never_compares_across_blocks(rules, monkeypatch):
    """Claims are compared only inside a block (story, unit, counted class or head noun, or the
    predicate of an amount); inside it, a known event or year that differs keeps two claims apart."""
    n = len(BLOCKING_EVENTS) * 2 * 2 * len(BLOCKING_ENTITIES)
    data = claims_of(rules, {"a.txt": _blocking_article([10 + i for i in range(n)]),
                             "b.txt": _blocking_article([500 + i for i in range(n)])})
    rows = data.to_dict("records")
    assert len(comparable(data)) >= n  # the articles state what they are meant to
    block_of = dict(zip(((r["article"], r["start"]) for r in rows), compare.block_keys(data), strict=True))
    keys = {(r["article"], r["start"]): (r["series"], r["period"], r["unit"], block_of[(r["article"], r["start"])])
            for r in rows}
    by_place = {(r["article"], r["start"]): r for r in rows}
    compared = []
    real = compare.entity_relation

    def spy(a, b, r):
        compared.append((a, b))
        return real(a, b, r)

    monkeypatch.setattr(compare, "entity_relation", spy)
    real_block = compare._compare_block
    blocks = []

    def block_spy(block, *args, **kwargs):
        blocks.append({block_of[(r["article"], r["start"])] for r in block})
        return real_block(block, *args, **kwargs)

    monkeypatch.setattr(compare, "_compare_block", block_spy)
    findings = compare_claims(data, rules)
    assert blocks, "no block was compared"
    assert all(len(keys_in_block) == 1 for keys_in_block in blocks), blocks
    # all pairs across articles would be n**2; blocking compares far fewer
    assert 0 < len(compared) < n ** 2 / 4
    assert findings
    for f in findings:
        members = [by_place[(c["article"], c["start"])] for c in f.claims]
        # the claims of a finding share their block, period and unit, and never know two events;
        # the finding names their event, period and unit
        found = [keys[(c["article"], c["start"])] for c in f.claims]
        assert len({(period, unit, block) for _, period, unit, block in found}) == 1
        assert len({series for series, *_ in found if series}) <= 1
        if len({bool(series) for series, *_ in found}) > 1:
            assert f.rule != "FC101"  # an event one claim leaves open matches, at a lower level
        assert {(m["period"], m["unit"]) for m in members} == {(f.period, f.unit)}
        assert f.event in {m["event"] if isinstance(m["event"], str) else None for m in members}
