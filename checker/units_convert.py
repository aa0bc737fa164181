"""Units compared after conversion, on pint's unit registry: a claim's unit -> its dimension and
the factor (and offset) to that dimension's base unit, so that "930,000 miles" and "1.5 million
km" can be compared.

pint's registry takes about half a second to import and build, so it is built once per process,
on the first unit asked about (an article with no measure never pays for it), and every answer is
cached per unit name. The names factcheck gives units (``rules/units.yaml``: "sq_km", "celsius",
"barrel") are mapped to pint's spellings by ``units.yaml`` ``pint_names``; a name pint does not know
(counts, currencies, percent, ages) has no base and is never converted.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Mapping

# Units that pint knows but whose claims are no measure to convert: money and shares are compared
# as they are, ages grow, an angle and a temperature share the word "degree". Durations stay in
# their calendar units: a story's "eight-year deal" and "two years" are compared as years, and
# "eight years" against "10 months" are rarely one fact (converting them made every duration of a
# story a finding in seconds, measured on ecbplus-dev).
NOT_CONVERTED = frozenset({"count", "percent", "percentage_point", "age", "fraction", "date", "time", "ordinal",
                           "degree", "magnitude", "year", "month", "week", "day", "hour", "minute", "second"})


@dataclass(frozen=True)
class BaseUnit:
    """Where a unit lies in its dimension: ``value * factor + offset`` is the value in ``base``
    (pint's base unit of the dimension, "meter", "kilogram", "kelvin", ...). ``dimension`` names
    the dimension ("[length]", "[mass] * [length] ** 2 / [time] ** 2"; dimensionless units such as
    bytes by their root unit: "bit")."""

    dimension: str
    base: str
    factor: float
    offset: float = 0.0

    def convert(self, value: float) -> float:
        """VALUE in this unit -> the same amount in the base unit (infinite ends stay infinite)."""
        if math.isinf(value):
            return value
        return value * self.factor + self.offset


@functools.cache
def registry():
    """pint's default registry, built once per process on first use."""
    import pint  # late: half a second of import and registry build, paid only when a unit is converted

    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@functools.cache
def _base_of(spelling: str) -> BaseUnit | None:
    """The base of one pint spelling ("mile", "km**2", "degF"), or None when pint does not know it."""
    ureg = registry()
    try:
        unit = ureg.parse_units(spelling)
    except Exception:  # pint raises several error types for an unknown or malformed spelling
        return None
    zero, one = ureg.Quantity(0.0, unit).to_base_units(), ureg.Quantity(1.0, unit).to_base_units()
    offset = float(zero.magnitude)
    base_units = one.units
    if one.dimensionless:
        root = ureg.Quantity(1.0, unit).to_root_units()
        return BaseUnit(str(root.units), str(root.units), float(root.magnitude))
    return BaseUnit(str(one.dimensionality), str(base_units), float(one.magnitude) - offset, offset)


def base_unit(unit: str, pint_names: Mapping[str, str]) -> BaseUnit | None:
    """The base of a claim's unit as factcheck names it ("mile", "sq_km", "celsius"), or None for
    a unit that is no convertible measure (counts, money, percent, ages, names pint lacks)."""
    if not _candidate(unit, pint_names):
        return None  # ISO 4217 codes ("USD", "GBP") are money; "kWh", "MW" are mixed case
    return _base_of(pint_names.get(unit, unit))


def in_base_units(claims, pint_names: Mapping[str, str]):
    """CLAIMS (a claim table) with the measures of one story written in two or more units of one
    dimension converted to that dimension's base unit: value, low, high and resolution converted,
    ``unit`` the base unit ("930,000 miles" and "1.5 million km" both become metres). Claims whose
    story uses one unit of a dimension are left as written, so reports name the unit the articles
    used. Returns a new table; the claims' ``text`` keeps what the articles wrote."""
    if claims.empty or "unit" not in claims or not _two_measures_in_a_story(claims, pint_names):
        return claims  # nothing to convert: pint's registry is not even built
    bases = {u: base_unit(u, pint_names) for u in claims["unit"].dropna().unique() if isinstance(u, str)}
    bases = {u: b for u, b in bases.items() if b is not None}
    if len(bases) < 2:
        return claims
    mixed = _mixed_rows(claims, bases)
    if not mixed.any():
        return claims
    out = claims.copy()
    units = out.loc[mixed, "unit"]
    factor = units.map(lambda u: bases[u].factor).astype("float64")
    offset = units.map(lambda u: bases[u].offset).astype("float64")
    for column in ("value", "low", "high"):
        numbers = out.loc[mixed, column].astype("float64")
        out[column] = out[column].astype(object)
        out.loc[mixed, column] = (numbers * factor + offset).astype(object)
    if "resolution" in out:
        out.loc[mixed, "resolution"] = out.loc[mixed, "resolution"].astype("float64") * factor
    out.loc[mixed, "unit"] = units.map(lambda u: bases[u].base)
    return out


def _candidate(unit, pint_names: Mapping[str, str]) -> bool:
    """A unit that may be a convertible measure, told without pint (see base_unit)."""
    return isinstance(unit, str) and bool(unit) and unit not in NOT_CONVERTED \
        and not (unit.isupper() and len(unit) == 3 and unit not in pint_names)


def _two_measures_in_a_story(claims, pint_names: Mapping[str, str]) -> bool:
    """Some story writes two or more units that may be measures: only then can two units of one
    dimension need converting (most inputs have none, and never pay for pint's registry)."""
    story = claims["story"] if "story" in claims else [None] * len(claims)
    seen: dict = {}
    for s, unit in zip(story, claims["unit"], strict=True):
        if _candidate(unit, pint_names):
            units = seen.setdefault(s if isinstance(s, str) else None, set())
            units.add(unit)
            if len(units) > 1:
                return True
    return False


def _mixed_rows(claims, bases: dict[str, BaseUnit]):
    """Rows (a boolean Series) whose story writes their dimension in more than one unit."""
    story = claims["story"].astype("string").fillna("") if "story" in claims else claims["unit"].map(lambda _: "")
    dimension = claims["unit"].map(lambda u: bases[u].dimension if u in bases else "")
    keyed = claims.assign(_dim=dimension, _story=story)
    units_per = keyed.groupby(["_story", "_dim"])["unit"].transform("nunique")
    return (dimension != "") & (units_per > 1)
