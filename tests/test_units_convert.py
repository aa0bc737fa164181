"""Units compared after conversion (checker/units_convert.py, pint's registry): the base of a unit,
and the comparison of two articles that give one distance in miles and in kilometres."""

from __future__ import annotations

import pandas as pd
import pytest

from checker.compare import compare_claims
from checker.load import parse_article
from checker.pipeline import extract_loaded
from checker.units_convert import _base_of, base_unit, in_base_units


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
    base = base_unit(unit, names)
    assert base.dimension == dimension
    assert base.convert(value) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("unit", ["count", "USD", "GBP", "percent", "percentage_point", "age", "fraction",
                                  "date", "degree", "year", "month", "day", "hour", "no-such-unit", ""])
def test_no_base_for_what_is_no_measure(names, unit):
    assert base_unit(unit, names) is None


def test_bytes_are_their_own_dimension(names):
    gb, tb, kg, mile = (base_unit(u, names) for u in ("GB", "TB", "kg", "mile"))
    assert gb.dimension == tb.dimension
    assert tb.convert(1) == pytest.approx(1000 * gb.convert(1))
    assert gb.dimension != kg.dimension and mile.dimension != kg.dimension


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
    # each claim as its article wrote it: an evaluator matching values by the JSON contract finds them
    assert sorted((c["article"], c["value"]) for c in found[0].claims) == [("a.txt", 930000), ("c.txt", 2500000)]


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


def _table_unit(units, spelling: str) -> str:
    """The unit a spelling of units.yaml stands for (measures, exact measures or subunits)."""
    for table in (units.measure_words_exact, units.measure_words):
        if (spelling,) in table:
            return table[(spelling,)]
    return units.subunits[(spelling.lower(),)][0]


def test_spaced_units_are_pint_units_of_their_dimension(rules):
    """The guard's list of short units allowed apart from the number ("2.5 t", "46 L") holds only
    spellings pint's registry reads as a unit of the same dimension as the table says."""
    units = rules.units
    assert units.spaced_units
    for spelling in sorted(units.spaced_units):
        pint_base = _base_of(spelling)  # pint's own reading, durations included ("ms")
        table_unit = _table_unit(units, spelling)
        table_base = _base_of(units.pint_names.get(table_unit, table_unit))
        assert pint_base is not None and table_base is not None, spelling
        assert pint_base.dimension == table_base.dimension, spelling


@pytest.mark.parametrize("sentence, text, unit", [
    ("The washer used 46 L of water.", "46 L", "litre"),
    ("It emits about 2.5 t of CO2.", "about 2.5 t", "tonne"),
    ("The asteroid is roughly 340 m wide.", "roughly 340 m", "m"),
    ("It flies 5 mi, then lands.", "5 mi", "mile"),
    ("Take 200 mg a day.", "200 mg", "g"),
    ("The earbuds weigh 5.3 g each.", "5.3 g", "g"),
    ("He scored 3 points in the game.", "3", "count"),
    ("Some 12 are missing.", "Some 12", "count"),
    ("The 5 t truck was late.", "5", "count"),
])
def test_spaced_short_units_where_plausible(rules, sentence, text, unit):
    claims = _articles(rules, {"a.txt": sentence})
    assert [(c.text, c.unit) for c in claims.itertuples()] == [(text, unit)]


@pytest.mark.parametrize("sentence", ["The meeting starts at 4 pm today.", "Killed 5 in the attack.",
                                      "Grade 5 C students were tested."])
def test_no_spaced_unit_where_implausible(rules, sentence):
    claims = _articles(rules, {"a.txt": sentence})
    assert not [c for c in claims.itertuples() if c.unit not in ("count", "time")]
