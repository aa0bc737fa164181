"""Units compared after conversion (checker/units_convert.py, pint's registry): the base of a unit,
and the comparison of two articles that give one distance in miles and in kilometres."""

from __future__ import annotations

import pandas as pd
import pytest

from checker.compare import compare_claims
from checker.load import parse_article
from checker.pipeline import extract_loaded
from checker.units_convert import base_unit, in_base_units, same_dimension, to_base


@pytest.fixture(scope="module")
def names(rules):
    return rules.units.pint_names


@pytest.mark.parametrize("unit, value, dimension, expected", [
    ("mile", 930_000, "[length]", 1_496_689_920),
    ("km", 1.5e6, "[length]", 1.5e9),
    ("sq_km", 2, "[length] ** 2", 2e6),
    ("acre", 1, "[length] ** 2", 4046.873),
    ("lb", 1, "[mass]", 0.4535924),
    ("tonne", 1, "[mass]", 1000),
    ("celsius", 100, "[temperature]", 373.15),
    ("fahrenheit", 212, "[temperature]", 373.15),
    ("barrel", 1, "[length] ** 3", 0.1589873),
    ("litre", 1000, "[length] ** 3", 1),
])
def test_to_base(names, unit, value, dimension, expected):
    got_dimension, got = to_base(value, unit, names)
    assert got_dimension == dimension
    assert got == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("unit", ["count", "USD", "GBP", "percent", "percentage_point", "age", "fraction",
                                  "date", "degree", "no-such-unit", ""])
def test_no_base_for_what_is_no_measure(names, unit):
    assert base_unit(unit, names) is None


def test_bytes_are_their_own_dimension(names):
    assert same_dimension("GB", "TB", names)
    assert to_base(1, "TB", names)[1] == pytest.approx(1000 * to_base(1, "GB", names)[1])
    assert not same_dimension("GB", "kg", names)
    assert not same_dimension("mile", "kg", names)


def _articles(rules, texts: dict[str, str]):
    loaded = [parse_article(name, name, text, ".txt") for name, text in texts.items()]
    return extract_loaded(loaded, rules, one_story=True)


PROBE = "The Parker Solar Probe came {} of the Sun's surface on Tuesday, NASA said.\n"


def test_miles_and_km_are_compared_after_conversion(rules):
    agree = _articles(rules, {"a.txt": PROBE.format("930,000 miles"), "b.txt": PROBE.format("1.5 million km")})
    assert sorted(agree["unit"]) == ["km", "mile"]  # the claims keep the units the articles wrote
    findings = compare_claims(agree, rules)
    assert [f.rule for f in findings] == ["FC102"]  # compared: the same distance, within rounding
    conflict = _articles(rules, {"a.txt": PROBE.format("930,000 miles"), "c.txt": PROBE.format("2.5 million km")})
    found = compare_claims(conflict, rules)
    assert [f.rule for f in found] == ["FC105"] and found[0].unit == "meter"


def test_one_unit_per_story_is_left_as_written(rules):
    claims = _articles(rules, {"a.txt": PROBE.format("930,000 miles"), "b.txt": PROBE.format("950,000 miles")})
    assert in_base_units(claims, rules.units.pint_names) is claims


def test_only_the_story_with_two_units_is_converted(rules):
    claims = _articles(rules, {"a.txt": PROBE.format("930,000 miles"), "b.txt": PROBE.format("1.5 million km")})
    other = claims.assign(story="other", unit="mile")
    both = in_base_units(pd.concat([claims, other], ignore_index=True), rules.units.pint_names)
    assert list(both["unit"]) == ["meter", "meter", "mile", "mile"]
    assert both["value"].iloc[0] == pytest.approx(1_496_689_920, rel=1e-6)
    assert both["value"].iloc[2] == 930_000
