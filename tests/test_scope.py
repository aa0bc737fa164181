"""Event and period scoping (checker/scope.py), on rule sets edited for the purpose."""

from __future__ import annotations

import pytest

from checker.extract import Extractor
from checker.load import parse_article
from checker.rules import load_rules

COP = """  - id: cop
    name: UN Climate Change Conference
    aliases: ["COP{edition}", "UN Climate Change Conference"]
    kinds: [conference, summit, talks]
    annual: true
"""


@pytest.fixture
def cop_rules(rules_copy):
    path = rules_copy / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("events:\n", "events:\n" + COP, 1), encoding="utf-8")
    return load_rules(rules_copy)


def _claims(rules, text):
    return [c for c in Extractor(rules).extract(parse_article("a.txt", "a.txt", text, ".txt"))
            if c.unit == "count"]


def test_edition_placeholder_and_back_reference(cop_rules):
    text = " date 2023-12-13\nCountries at COP28 agreed on a deal. The summit drew 97,000 delegates.\n"
    (claim,) = _claims(cop_rules, text)
    assert (claim.value, claim.entity, claim.event, claim.period) == (97000, "delegates", "cop-28", 2023)


def test_ordinal_before_a_name_is_the_edition(cop_rules):
    text = " date 2023-12-13\nThe 28th UN Climate Change Conference drew 97,000 delegates.\n"
    (claim,) = _claims(cop_rules, text)
    assert claim.event == "cop-28"


def test_last_year_shifts_the_edition_of_an_annual_event(cop_rules):
    text = (" date 2023-12-13\nCOP28 drew 97,000 delegates, while last year the conference drew 35,000 "
            "delegates.\n")
    this_year, last_year = _claims(cop_rules, text)
    assert (this_year.event, this_year.period) == ("cop-28", 2023)
    assert (last_year.event, last_year.period) == ("cop-27", 2022)


def test_a_description_with_no_event_before_it_names_nothing(rules):
    (claim,) = _claims(rules, " date 2023-12-13\nThe summit drew 97,000 delegates.\n")
    assert claim.event is None and claim.period == 2023


def test_explicit_year_in_the_clause_wins_over_the_article_date(rules):
    (claim,) = _claims(rules, " date 2024-01-05\nIn 2004, a tsunami killed 230,000 people.\n")
    assert claim.period == 2004


def test_unknown_placeholder_is_a_rules_error(rules_copy):
    from checker.errors import RulesError

    path = rules_copy / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("events:\n", "events:\n" + COP.replace(
        "COP{edition}", "COP{number}"), 1), encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    assert "events.yaml" in str(err.value) and "{edition}" in str(err.value)
