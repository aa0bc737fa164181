"""Load and validate ``rules/``: the editorial knowledge factcheck runs on.

Every file is read with ``yaml.SafeLoader`` (rules are untrusted input) through the node tree, so
that each value keeps the line it came from and an error can name file, line and key. Validation
is strict: an unknown key, a wrong type or an unknown qualifier stops the run (exit code 2).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml
from babel import numbers as _babel_numbers

from .errors import RulesError, read_text_file

LEVELS = ("suggestion", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
QUALIFIERS = ("=", "~", ">", ">=", "<", "<=", "range", "vague")

RULE_FILES = (
    "numbers.yaml",
    "qualifiers.yaml",
    "units.yaml",
    "entities.yaml",
    "grammar.yaml",
    "events.yaml",
    "checks.yaml",
    "frames.yaml",
    "facts.yaml",
    "exceptions.yaml",
)


def default_rules_dir() -> Path:
    """The rules shipped with the package (``rules/`` in the source tree)."""
    packaged = resources.files("checker") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


# --------------------------------------------------------------------------------------------
# YAML with line numbers


class _Doc:
    """A parsed YAML file: plain Python data plus the line of every key path."""

    def __init__(self, path: Path, data: Any, lines: dict[tuple, int]):
        self.path = path
        self.data = data
        self.lines = lines

    def line(self, *keypath) -> int | None:
        for cut in range(len(keypath), -1, -1):
            if keypath[:cut] in self.lines:
                return self.lines[keypath[:cut]]
        return None

    def error(self, keypath: tuple, problem: str) -> RulesError:
        key = ".".join(str(k) for k in keypath) or None
        return RulesError(self.path, self.line(*keypath), key, problem)


def _construct(node: yaml.Node, path: tuple, lines: dict, file: Path) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RulesError(file, key_node.start_mark.line + 1, None, "keys must be plain scalars")
            key = key_node.value
            if key in out:
                raise RulesError(
                    file, key_node.start_mark.line + 1, ".".join(map(str, path + (key,))), "duplicate key"
                )
            out[key] = _construct(value_node, path + (key,), lines, file)
            # A key's line is where the key is written, not where its block value starts
            # ("befor:" on line 9, its entries from line 10).
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path + (i,), lines, file) for i, item in enumerate(node.value)]
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def read_yaml(path: Path) -> _Doc:
    text = read_text_file(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesError(path, line, None, f"invalid YAML: {problem}") from None
    lines: dict[tuple, int] = {}
    data = _construct(root, (), lines, path) if root is not None else {}
    return _Doc(path, data, lines)


# --------------------------------------------------------------------------------------------
# Validation helpers


def _mapping(doc: _Doc, value: Any, keypath: tuple, allowed: set[str] | None = None) -> dict:
    if not isinstance(value, dict):
        raise doc.error(keypath, f"expected a mapping, got {type(value).__name__}")
    if allowed is not None:
        for key in value:
            if key not in allowed:
                raise doc.error(
                    keypath + (key,), f"unknown key; allowed: {', '.join(sorted(allowed))}"
                )
    return value


def _require(doc: _Doc, mapping: dict, key: str, keypath: tuple) -> Any:
    if key not in mapping:
        raise doc.error(keypath, f"missing required key '{key}'")
    return mapping[key]


def _string_list(doc: _Doc, value: Any, keypath: tuple) -> list[str]:
    if not isinstance(value, list):
        raise doc.error(keypath, "expected a list of strings")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            hint = " (quote words such as on, off, no and yes: YAML reads them as true/false)" \
                if isinstance(item, bool) else ""
            raise doc.error(keypath + (i,), f"expected a non-empty string, got {item!r}{hint}")
    return value


def _number(doc: _Doc, value: Any, keypath: tuple) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise doc.error(keypath, f"expected a number, got {value!r}")
    return value


def _number_map(doc: _Doc, value: Any, keypath: tuple) -> dict[str, float]:
    _mapping(doc, value, keypath)
    for key, number in value.items():
        _number(doc, number, keypath + (key,))
    return {str(k).lower(): v for k, v in value.items()}


def _interval_map(doc: _Doc, value: Any, keypath: tuple) -> dict[str, tuple[float, float]]:
    _mapping(doc, value, keypath)
    out = {}
    for key, pair in value.items():
        if not (isinstance(pair, list) and len(pair) == 2):
            raise doc.error(keypath + (key,), "expected [low, high]")
        low = _number(doc, pair[0], keypath + (key, 0))
        high = _number(doc, pair[1], keypath + (key, 1))
        if low > high:
            raise doc.error(keypath + (key,), "low is greater than high")
        out[str(key).lower()] = (low, high)
    return out


def _words(phrase: str) -> tuple[str, ...]:
    """The tokens of a phrase as the tokenizer sees them: words, and punctuation apart ("zero-day")."""
    return tuple(re.findall(r"[^\W_]+(?:['’][^\W_]+)*|\S", phrase.lower()))


def _date(doc: _Doc, value: Any, keypath: tuple) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise doc.error(keypath, f"expected a date YYYY-MM-DD, got {value!r}")


# --------------------------------------------------------------------------------------------
# The compiled rule set


@dataclass(frozen=True)
class EventRule:
    id: str
    name: str
    aliases: tuple[str, ...]
    kinds: tuple[str, ...]
    annual: bool
    line: int | None = None


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    level: str  # one of LEVELS or "off"
    summary: str
    # {"pass": example, "fail": example}; an example is {"articles": {name: text}, "facts": [...],
    # "exceptions": [...]} (facts and exceptions as in facts.yaml and exceptions.yaml).
    examples: dict | None = None


@dataclass(frozen=True)
class Fact:
    event: str
    period: int | None
    entity: str
    unit: str
    low: float
    high: float
    value_text: str
    verified_by: str
    verified_on: _dt.date
    source: str
    where: str  # "file:line", for reports


@dataclass(frozen=True)
class Exception_:
    event: str
    entity: str
    values: tuple[float, ...]
    reason: str
    accepted_by: str
    expires: _dt.date | None
    where: str


@dataclass(frozen=True)
class Predicate:
    name: str
    words: tuple[tuple[str, ...], ...]   # each word or phrase as the tokenizer splits it
    rising: bool = False
    classes: frozenset[str] = frozenset()  # counted classes it is restricted to (empty: any)


@dataclass(frozen=True)
class CountedClass:
    name: str
    nouns: frozenset[str]
    part_of: str | None = None


@dataclass(frozen=True)
class FrameRules:
    """rules/frames.yaml: the lexicons of claim frames (predicate, counted class, part, place)."""

    predicates: tuple[Predicate, ...] = ()
    classes: tuple[CountedClass, ...] = ()
    part_markers: tuple[tuple[str, ...], ...] = ()
    place_prepositions: frozenset[str] = frozenset()
    speech_words: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    window_before: int = 6
    window_after: int = 8
    window_who: int = 12


_EMPTY: Mapping = MappingProxyType({})


def _frozen_map(mapping: dict) -> Mapping:
    """A read-only view of a table built by a loader (the loader drops its own reference)."""
    return MappingProxyType(mapping)


def _word_table(mapping: dict) -> dict:
    """A word table the extractor looks up for every token: left a plain dict, typed Mapping on the
    records and never changed after loading. A MappingProxyType would make it read-only, but each
    lookup through it costs 1.2-2x a dict's (``in``, ``[]``, ``.get``): measured ~5% of extraction."""
    return mapping


@dataclass(frozen=True)
class NumberRules:
    """rules/numbers.yaml: number words and their values."""

    cardinals: Mapping[str, float] = field(default_factory=dict)
    scales: Mapping[str, float] = field(default_factory=dict)
    scale_abbreviations: Mapping[str, float] = field(default_factory=dict)
    ambiguous_scale_abbreviations: frozenset[str] = frozenset()
    fractions: Mapping[str, float] = field(default_factory=dict)
    unicode_fractions: Mapping[str, float] = field(default_factory=dict)
    vague_multipliers: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    plural_scales: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    approximate_numbers: Mapping[str, float] = field(default_factory=dict)
    article_numbers: Mapping[str, float] = field(default_factory=dict)
    vague_alone: frozenset[str] = frozenset()
    fraction_lead_words: frozenset[str] = frozenset()
    ordinals: Mapping[str, int] = field(default_factory=dict)
    roman_exceptions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QualifierRules:
    """rules/qualifiers.yaml: qualifier phrases (tokenized), range words and change words."""

    qualifiers_before: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    qualifiers_after: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    from_below: frozenset[tuple[str, ...]] = frozenset()
    spatial_qualifiers: frozenset[tuple[str, ...]] = frozenset()
    range_openers: frozenset[str] = frozenset()
    range_joiners: frozenset[str] = frozenset()
    change_words: Mapping[str, str] = field(default_factory=dict)
    change_window_before: int = 4
    change_window_after: int = 2


@dataclass(frozen=True)
class UnitRules:
    """rules/units.yaml: currencies, percent words and units of measure."""

    currency_symbols: Mapping[str, str] = field(default_factory=dict)
    currency_words: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    ambiguous_currency_words: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    money_context: frozenset[str] = frozenset()
    weak_currency_symbols: Mapping[str, str] = field(default_factory=dict)
    percent_words: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    measure_words: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    measure_words_exact: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    subunits: Mapping[tuple[str, ...], tuple[str, float]] = field(default_factory=dict)
    glued_only_units: frozenset[str] = frozenset()
    measures_before: Mapping[str, str] = field(default_factory=dict)
    count_units: frozenset[str] = frozenset()  # glued to a count: "120Hz", "5,050mAh" (no code like "5G")
    pint_names: Mapping[str, str] = field(default_factory=dict)  # unit name -> pint's spelling ("sq_km": "km ** 2")
    spaced_units: frozenset[str] = frozenset()  # glued-only spellings that may stand apart where plausible: "2.5 t"
    measure_enders: frozenset[str] = frozenset()  # words that may follow such a unit: "46 L of water", "181 m high"
    # currency code -> (outlet endings, cues in the text) that make a bare "$" that local dollar
    local_dollars: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    local_replaces: Mapping[str, str] = field(default_factory=dict)  # local code -> the code it replaces (default USD)


@dataclass(frozen=True)
class EntityRules:
    """rules/entities.yaml: entity aliases (normalized variant -> canonical) and modifiers."""

    entity_aliases: Mapping[str, str] = field(default_factory=dict)
    ignored_modifiers: frozenset[str] = frozenset()
    increment_modifiers: frozenset[str] = frozenset()


# grammar.yaml word lists that must be present, and those that may be absent
GRAMMAR_REQUIRED = (
    "stop_words", "nouns_ending_ed_ing", "calendar_words", "street_words", "score_words", "label_words",
    "anaphors", "multiplier_words", "strength_words", "determiners", "person_nouns", "year_words",
    "participle_counts", "comparison_words", "designation_words", "phone_words", "vote_words",
    "bound_prepositions", "rate_periods", "poll_words", "unit_fillers", "magnitude_nouns",
)
GRAMMAR_OPTIONAL = (
    "number_adverbs", "vote_bodies", "calibre_nouns", "half_unit_nouns", "half_unit_leads",
    "ordinal_time_nouns", "subject_prepositions", "relative_time_words", "np_lead_modifiers", "link_verbs",
    "rank_words", "code_abbreviations",
)


@dataclass(frozen=True)
class GrammarRules:
    """rules/grammar.yaml: the word lists of the extractor's grammar (all lower case)."""

    stop_words: frozenset[str] = frozenset()
    nouns_ending_ed_ing: frozenset[str] = frozenset()
    calendar_words: frozenset[str] = frozenset()
    street_words: frozenset[str] = frozenset()
    score_words: frozenset[str] = frozenset()
    label_words: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    multiplier_words: frozenset[str] = frozenset()
    strength_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()
    participle_counts: frozenset[str] = frozenset()
    comparison_words: frozenset[str] = frozenset()
    designation_words: frozenset[str] = frozenset()
    phone_words: frozenset[str] = frozenset()
    vote_words: frozenset[str] = frozenset()
    bound_prepositions: frozenset[str] = frozenset()
    rate_periods: frozenset[str] = frozenset()
    poll_words: frozenset[str] = frozenset()
    unit_fillers: frozenset[str] = frozenset()
    magnitude_nouns: frozenset[str] = frozenset()
    number_idioms: tuple[tuple[str, ...], ...] = ()
    number_adverbs: frozenset[str] = frozenset()
    vote_bodies: frozenset[str] = frozenset()
    calibre_nouns: frozenset[str] = frozenset()
    half_unit_nouns: frozenset[str] = frozenset()
    half_unit_leads: frozenset[str] = frozenset()
    ordinal_time_nouns: frozenset[str] = frozenset()
    subject_prepositions: frozenset[str] = frozenset()
    relative_time_words: frozenset[str] = frozenset()
    np_lead_modifiers: frozenset[str] = frozenset()
    link_verbs: frozenset[str] = frozenset()
    rank_words: frozenset[str] = frozenset()
    code_abbreviations: frozenset[str] = frozenset()
    statistics: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EventRules:
    """rules/events.yaml: the known events and the nouns that name an event."""

    events: tuple[EventRule, ...] = ()
    event_nouns: frozenset[str] = frozenset()
    generic_references: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CheckRules:
    """rules/checks.yaml: the checks and their levels, tolerances, entity matching, rising entities."""

    checks: Mapping[str, Check] = field(default_factory=lambda: _EMPTY)
    tolerances: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    matching: Mapping[str, float] = field(default_factory=lambda: _EMPTY)
    rising_entities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rules:
    """A validated rule set: one record per rules file, plus where it was read from."""

    directory: Path
    numbers: NumberRules = NumberRules()
    qualifiers: QualifierRules = QualifierRules()
    units: UnitRules = UnitRules()
    entities: EntityRules = EntityRules()
    grammar: GrammarRules = GrammarRules()
    events: EventRules = EventRules()
    checks: CheckRules = CheckRules()
    frames: FrameRules = FrameRules()
    facts: tuple[Fact, ...] = ()            # facts.yaml
    exceptions: tuple[Exception_, ...] = ()  # exceptions.yaml
    files: Mapping[str, Path] = field(default_factory=lambda: _EMPTY)  # rules file name -> the path it was read from

    def level_of(self, code: str) -> str:
        return self.checks.checks[code].level


def max_phrase(table: Mapping) -> int:
    """Longest phrase length (in words) of a phrase table."""
    return max((len(k) for k in table), default=1)


def _load_numbers(doc: _Doc) -> NumberRules:
    allowed = {
        "cardinals", "scales", "scale_abbreviations", "ambiguous_scale_abbreviations", "fractions",
        "unicode_fractions", "vague_multipliers", "plural_scales", "approximate_numbers",
        "ordinals", "roman_numeral_exceptions", "article_numbers", "vague_alone", "fraction_lead_words",
    }
    data = _mapping(doc, doc.data, (), allowed)
    cardinals = _number_map(doc, _require(doc, data, "cardinals", ()), ("cardinals",))
    scales = _number_map(doc, _require(doc, data, "scales", ()), ("scales",))
    scale_abbreviations = _number_map(doc, data.get("scale_abbreviations", {}), ("scale_abbreviations",))
    amb = _string_list(doc, data.get("ambiguous_scale_abbreviations", []), ("ambiguous_scale_abbreviations",))
    fractions = _number_map(doc, data.get("fractions", {}), ("fractions",))
    uf = _mapping(doc, data.get("unicode_fractions", {}), ("unicode_fractions",))
    unicode_fractions = {k: _number(doc, v, ("unicode_fractions", k)) for k, v in uf.items()}
    vague_multipliers = _interval_map(doc, data.get("vague_multipliers", {}), ("vague_multipliers",))
    plural_scales = _interval_map(doc, data.get("plural_scales", {}), ("plural_scales",))
    approximate_numbers = _number_map(doc, data.get("approximate_numbers", {}), ("approximate_numbers",))
    article_numbers = _number_map(doc, data.get("article_numbers", {}), ("article_numbers",))
    alone = _string_list(doc, data.get("vague_alone", []), ("vague_alone",))
    for k, word in enumerate(alone):
        if word.lower() not in vague_multipliers:
            raise doc.error(("vague_alone", k), f"'{word}' is not one of vague_multipliers")
    lead = _string_list(doc, data.get("fraction_lead_words", []), ("fraction_lead_words",))
    ordinals = {k: int(v) for k, v in _number_map(doc, data.get("ordinals", {}), ("ordinals",)).items()}
    exc = _string_list(doc, data.get("roman_numeral_exceptions", []), ("roman_numeral_exceptions",))
    return NumberRules(
        cardinals=_word_table(cardinals),
        scales=_word_table(scales),
        scale_abbreviations=_word_table(scale_abbreviations),
        ambiguous_scale_abbreviations=frozenset(w.lower() for w in amb),
        fractions=_word_table(fractions),
        unicode_fractions=_word_table(unicode_fractions),
        vague_multipliers=_word_table(vague_multipliers),
        plural_scales=_word_table(plural_scales),
        approximate_numbers=_word_table(approximate_numbers),
        article_numbers=_word_table(article_numbers),
        vague_alone=frozenset(w.lower() for w in alone),
        fraction_lead_words=frozenset(w.lower() for w in lead),
        ordinals=_word_table(ordinals),
        roman_exceptions=frozenset(exc),
    )


def _qualifier_table(doc: _Doc, value: Any, keypath: tuple) -> dict[tuple[str, ...], str]:
    _mapping(doc, value, keypath)
    out = {}
    for phrase, op in value.items():
        if op not in QUALIFIERS:
            raise doc.error(keypath + (phrase,), f"unknown qualifier {op!r}; allowed: {', '.join(QUALIFIERS)}")
        out[_words(str(phrase))] = op
    return out


def _load_qualifiers(doc: _Doc) -> QualifierRules:
    allowed = {
        "before", "after", "from_below", "spatial", "range_openers", "range_joiners", "changes",
        "change_window_before", "change_window_after",
    }
    data = _mapping(doc, doc.data, (), allowed)
    before = _qualifier_table(doc, _require(doc, data, "before", ()), ("before",))
    after = _qualifier_table(doc, data.get("after", {}), ("after",))
    from_below = frozenset(_words(p) for p in _string_list(doc, data.get("from_below", []), ("from_below",)))
    spatial = frozenset(_words(p) for p in _string_list(doc, data.get("spatial", []), ("spatial",)))
    openers = frozenset(w.lower() for w in _string_list(doc, data.get("range_openers", []), ("range_openers",)))
    joiners = frozenset(w.lower() for w in _string_list(doc, data.get("range_joiners", []), ("range_joiners",)))
    change_words: dict[str, str] = {}
    changes = _mapping(doc, data.get("changes", {}), ("changes",), {"up", "down"})
    for direction, words in changes.items():
        for word in _string_list(doc, words, ("changes", direction)):
            change_words[word.lower()] = direction
    windows = {}
    for key in ("change_window_before", "change_window_after"):
        if key in data:
            n = _number(doc, data[key], (key,))
            if n < 0 or int(n) != n:
                raise doc.error((key,), "expected a whole number >= 0")
            windows[key] = int(n)
    return QualifierRules(
        qualifiers_before=_word_table(before),
        qualifiers_after=_word_table(after),
        from_below=from_below,
        spatial_qualifiers=spatial,
        range_openers=openers,
        range_joiners=joiners,
        change_words=_word_table(change_words),
        **windows,
    )


def _load_units(doc: _Doc) -> UnitRules:
    allowed = {"currencies", "ambiguous_currency_words", "money_context", "weak_symbols", "percent", "subunits",
               "measures", "measures_before", "glued_only", "count_units", "pint_names",
               "spaced_when_plausible", "measure_enders", "local_dollars"}
    data = _mapping(doc, doc.data, (), allowed)
    currency_symbols, currency_words = _currencies(doc, data)
    ambiguous: dict[str, tuple[str, str]] = {}
    amb = _mapping(doc, data.get("ambiguous_currency_words", {}), ("ambiguous_currency_words",))
    for word, entry in amb.items():
        kp = ("ambiguous_currency_words", word)
        _mapping(doc, entry, kp, {"currency", "otherwise"})
        cur = _require(doc, entry, "currency", kp)
        other = _require(doc, entry, "otherwise", kp)
        ambiguous[str(word).lower()] = (str(cur), str(other))
    weak = _mapping(doc, data.get("weak_symbols", {}), ("weak_symbols",))
    money_context = frozenset(
        w.lower() for w in _string_list(doc, data.get("money_context", []), ("money_context",)))
    percent_words: dict[tuple[str, ...], str] = {}
    percent = _mapping(doc, data.get("percent", {}), ("percent",), {"percent", "percentage_point"})
    for unit, words in percent.items():
        for word in _string_list(doc, words, ("percent", unit)):
            percent_words[_words(word)] = unit
    subunit_table: dict[tuple[str, ...], tuple[str, float]] = {}
    subunits = _mapping(doc, data.get("subunits", {}), ("subunits",))
    for spelling, entry in subunits.items():
        kp = ("subunits", spelling)
        _mapping(doc, entry, kp, {"unit", "factor"})
        unit = _require(doc, entry, "unit", kp)
        factor = _number(doc, _require(doc, entry, "factor", kp), kp + ("factor",))
        subunit_table[_words(str(spelling))] = (str(unit), factor)
    measure_words, measure_words_exact = _measures(doc, data)
    glued_only = frozenset(_string_list(doc, data.get("glued_only", []), ("glued_only",)))
    count_units = frozenset(_string_list(doc, data.get("count_units", []), ("count_units",)))
    pint_names = {str(unit): str(spelling)
                  for unit, spelling in _mapping(doc, data.get("pint_names", {}), ("pint_names",)).items()}
    measures_before: dict[str, str] = {}
    before = _mapping(doc, data.get("measures_before", {}), ("measures_before",))
    for unit, words in before.items():
        for word in _string_list(doc, words, ("measures_before", unit)):
            measures_before[word.lower().rstrip("-")] = unit
    return UnitRules(
        local_dollars=_local_dollars(doc, data),
        local_replaces={str(code): str(entry["replaces"]) for code, entry in (data.get("local_dollars") or {}).items()
                        if isinstance(entry, dict) and "replaces" in entry},
        currency_symbols=_word_table(currency_symbols),
        currency_words=_word_table(currency_words),
        ambiguous_currency_words=_word_table(ambiguous),
        money_context=money_context,
        weak_currency_symbols=_word_table({str(sym): str(code) for sym, code in weak.items()}),
        percent_words=_word_table(percent_words),
        measure_words=_word_table(measure_words),
        measure_words_exact=_word_table(measure_words_exact),
        subunits=_word_table(subunit_table),
        glued_only_units=glued_only,
        measures_before=_word_table(measures_before),
        count_units=count_units,
        pint_names=_word_table(pint_names),
        spaced_units=frozenset(_string_list(doc, data.get("spaced_when_plausible", []), ("spaced_when_plausible",))),
        measure_enders=frozenset(w.lower() for w in _string_list(doc, data.get("measure_enders", []),
                                                                   ("measure_enders",))),
    )


def _local_dollars(doc: _Doc, data: dict) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """units.yaml ``local_dollars``: ISO code -> (outlet endings, cues in the text)."""
    table = {}
    for code, entry in _mapping(doc, data.get("local_dollars", {}), ("local_dollars",)).items():
        kp = ("local_dollars", code)
        if not re.fullmatch(r"[A-Z]{3}", str(code)):
            raise doc.error(kp, "local dollar keys are ISO 4217 codes (three capital letters)")
        _mapping(doc, entry, kp, {"sources", "cues", "replaces"})
        if "replaces" in entry and not re.fullmatch(r"[A-Z]{3}", str(entry["replaces"])):
            raise doc.error(kp + ("replaces",), "expected an ISO 4217 code (three capital letters)")
        table[str(code)] = (tuple(_string_list(doc, entry.get("sources", []), kp + ("sources",))),
                            tuple(_string_list(doc, entry.get("cues", []), kp + ("cues",))))
    return table


def _currencies(doc: _Doc, data: dict) -> tuple[dict, dict]:
    """units.yaml ``currencies``: symbol -> ISO code (each code is its own symbol) and word -> code."""
    symbols: dict[str, str] = {}
    words_table: dict[tuple[str, ...], str] = {}
    currencies = _mapping(doc, _require(doc, data, "currencies", ()), ("currencies",))
    for code, entry in currencies.items():
        kp = ("currencies", code)
        if not re.fullmatch(r"[A-Z]{3}", str(code)):
            raise doc.error(kp, "currency keys are ISO 4217 codes (three capital letters)")
        _mapping(doc, entry, kp, {"symbols", "words"})
        for sym in _string_list(doc, entry.get("symbols", []), kp + ("symbols",)):
            symbols[sym] = code
        symbols.setdefault(code, code)
        for word in _string_list(doc, entry.get("words", []), kp + ("words",)):
            words_table[_words(word)] = code
    _add_cldr_currency_names(words_table)
    return symbols, words_table


def _add_cldr_currency_names(words_table: dict[tuple[str, ...], str]) -> None:
    """Every currency's English names from CLDR (Babel's data, shipped in its wheel): "Philippine
    pesos", "Iranian rials", "UAE dirhams" (307 codes, about 590 names against 124 written in
    units.yaml). The names in units.yaml win; codes are not added as symbols ("ALL", "TOP" and
    "CUP" are words)."""
    for code in _babel_numbers.list_currencies():
        for count in (1, 2):
            name = _babel_numbers.get_currency_name(code, count=count, locale="en")
            if name and name != code and " " in name:  # one-word names ("sucre") are ordinary words
                words_table.setdefault(_words(name), code)


def _measures(doc: _Doc, data: dict) -> tuple[dict, dict]:
    """units.yaml ``measures``: the spellings matched in any case, and those matched exactly."""
    words_table: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    measures = _mapping(doc, data.get("measures", {}), ("measures",))
    for unit, words in measures.items():
        for word in _string_list(doc, words, ("measures", unit)):
            # Short spellings are case-sensitive: "5 g" is grams, "5G" a network.
            if any(c.isupper() for c in word[1:]) or len(word) <= 2 or word[:1].isupper():
                exact[tuple(word.split())] = unit
            else:
                words_table[_words(word)] = unit
    return words_table, exact


def _load_entities(doc: _Doc) -> EntityRules:
    from .normalize import normalize_phrase  # local: normalize imports nothing from here

    data = _mapping(doc, doc.data, (), {"aliases", "ignored_modifiers", "increment_modifiers"})
    increment = frozenset(
        w.lower() for w in _string_list(doc, data.get("increment_modifiers", []), ("increment_modifiers",)))
    ignored = frozenset(
        w.lower() for w in _string_list(doc, data.get("ignored_modifiers", []), ("ignored_modifiers",)))
    entity_aliases: dict[str, str] = {}
    aliases = _mapping(doc, data.get("aliases", {}), ("aliases",))
    for canonical, variants in aliases.items():
        kp = ("aliases", canonical)
        canon = normalize_phrase(str(canonical), ignored)
        for variant in _string_list(doc, variants, kp):
            key = normalize_phrase(variant, ignored)
            previous = entity_aliases.get(key)
            if previous and previous != canon:
                raise doc.error(kp, f"'{variant}' is already an alias of '{previous}'")
            entity_aliases[key] = canon
        entity_aliases.setdefault(canon, canon)
    return EntityRules(entity_aliases=_word_table(entity_aliases), ignored_modifiers=ignored,
                       increment_modifiers=increment)


def _load_grammar(doc: _Doc) -> GrammarRules:
    data = _mapping(doc, doc.data, (), set(GRAMMAR_REQUIRED) | {"number_idioms", "statistics", *GRAMMAR_OPTIONAL})
    lists = {}
    for key in GRAMMAR_REQUIRED:
        words = _string_list(doc, _require(doc, data, key, ()), (key,))
        lists[key] = frozenset(w.lower() for w in words)
    idioms = _string_list(doc, data.get("number_idioms", []), ("number_idioms",))
    for key in GRAMMAR_OPTIONAL:
        lists[key] = frozenset(w.lower() for w in _string_list(doc, data.get(key, []), (key,)))
    statistics = _mapping(doc, data.get("statistics", {}), ("statistics",))  # may be absent too
    for abbreviation, name in statistics.items():
        if not isinstance(name, str) or not name.strip():
            raise doc.error(("statistics", abbreviation), f"expected the statistic's name, got {name!r}")
    return GrammarRules(
        **lists,
        number_idioms=tuple(_words(idiom) for idiom in idioms),
        statistics=_word_table({str(k): v.strip() for k, v in statistics.items()}),
    )


def _load_events(doc: _Doc) -> EventRules:
    data = _mapping(doc, doc.data, (), {"events", "event_nouns", "generic_references"})
    events = data.get("events", [])
    if not isinstance(events, list):
        raise doc.error(("events",), "expected a list of events")
    seen = set()
    out = []
    for i, entry in enumerate(events):
        kp = ("events", i)
        _mapping(doc, entry, kp, {"id", "name", "aliases", "kinds", "annual"})
        event_id = _require(doc, entry, "id", kp)
        if not isinstance(event_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", event_id):
            raise doc.error(kp + ("id",), "expected lower-case letters, digits and '-'")
        if event_id in seen:
            raise doc.error(kp + ("id",), f"duplicate event id '{event_id}'")
        seen.add(event_id)
        aliases = _string_list(doc, _require(doc, entry, "aliases", kp), kp + ("aliases",))
        if not aliases:
            raise doc.error(kp + ("aliases",), "at least one alias is required")
        for j, alias in enumerate(aliases):
            if alias.count("{") != alias.count("}") or re.search(r"\{(?!year\}|edition\})", alias):
                raise doc.error(kp + ("aliases", j), "the placeholders allowed are {year} and {edition}")
        name = entry.get("name", aliases[0])
        annual = entry.get("annual", False)
        if not isinstance(annual, bool):
            raise doc.error(kp + ("annual",), "expected true or false")
        kinds = [k.lower() for k in _string_list(doc, entry.get("kinds", []), kp + ("kinds",))]
        out.append(EventRule(event_id, str(name), tuple(aliases), tuple(kinds), annual, doc.line(*kp)))
    nouns = frozenset(w.lower() for w in _string_list(doc, data.get("event_nouns", []), ("event_nouns",)))
    generic = frozenset(
        w.lower() for w in _string_list(doc, data.get("generic_references", []), ("generic_references",)))
    return EventRules(events=tuple(out), event_nouns=nouns, generic_references=generic)


def _load_checks(doc: _Doc) -> CheckRules:
    data = _mapping(doc, doc.data, (), {"checks", "tolerances", "matching", "rising_entities"})
    rising = frozenset(_string_list(doc, data.get("rising_entities", []), ("rising_entities",)))
    checks = _checks(doc, data)
    tolerances = {}
    tol = _mapping(doc, data.get("tolerances", {}), ("tolerances",),
                   {"approximate", "rounding", "rounding_min_trailing_zeros", "relative", "age_years"})
    defaults = {"approximate": 0.10, "rounding": True, "rounding_min_trailing_zeros": 1, "relative": 0.02,
                "age_years": 1}
    for key, default in defaults.items():
        value = tol.get(key, default)
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise doc.error(("tolerances", key), "expected true or false")
        else:
            _number(doc, value, ("tolerances", key))
            if value < 0:
                raise doc.error(("tolerances", key), "expected a number >= 0")
        tolerances[key] = value
    matching = {}
    match = _mapping(doc, data.get("matching", {}), ("matching",), {"same_entity", "related_entity"})
    for key, default in {"same_entity": 90, "related_entity": 60}.items():
        value = _number(doc, match.get(key, default), ("matching", key))
        if not 0 <= value <= 100:
            raise doc.error(("matching", key), "expected a score from 0 to 100")
        matching[key] = value
    return CheckRules(checks=_frozen_map(checks), tolerances=_frozen_map(tolerances),
                      matching=_frozen_map(matching), rising_entities=rising)


def _checks(doc: _Doc, data: dict) -> dict[str, Check]:
    """checks.yaml ``checks``: code -> Check; every built-in check must be there."""
    out: dict[str, Check] = {}
    checks = _mapping(doc, _require(doc, data, "checks", ()), ("checks",))
    for code, entry in checks.items():
        kp = ("checks", code)
        if not re.fullmatch(r"FC\d{3}", str(code)):
            raise doc.error(kp, "check codes look like FC101")
        _mapping(doc, entry, kp, {"name", "level", "summary", "examples"})
        level = _require(doc, entry, "level", kp)
        if level not in LEVELS + ("off",):
            raise doc.error(kp + ("level",), f"unknown level {level!r}; allowed: {', '.join(LEVELS + ('off',))}")
        name = _require(doc, entry, "name", kp)
        summary = _require(doc, entry, "summary", kp)
        examples = _examples(doc, entry["examples"], kp + ("examples",)) if "examples" in entry else None
        out[str(code)] = Check(str(code), str(name), level, str(summary), examples)
    for required in BUILTIN_CHECKS:
        if required not in out:
            raise doc.error(("checks",), f"check {required} is missing (set its level to 'off' to disable it)")
    return out


# Checks the code relies on; rules/checks.yaml sets their names and levels.
BUILTIN_CHECKS = ("FC101", "FC102", "FC103", "FC104", "FC105", "FC106", "FC201", "FC202", "FC301", "FC302", "FC303", "FC304",
                  "FC305")

EXAMPLE_SUFFIXES = (".txt", ".md", ".html")


def _examples(doc: _Doc, value: Any, kp: tuple) -> dict:
    """A check's passing and failing example: the articles (file name -> text) and the facts and
    exceptions in force. The facts and exceptions are validated in full when an example runs."""
    _mapping(doc, value, kp, {"pass", "fail"})
    out = {}
    for which in ("pass", "fail"):
        example = _mapping(doc, _require(doc, value, which, kp), kp + (which,), {"articles", "facts", "exceptions"})
        articles = _mapping(doc, _require(doc, example, "articles", kp + (which,)), kp + (which, "articles"))
        if not articles:
            raise doc.error(kp + (which, "articles"), "expected at least one article (file name: text)")
        for name, text in articles.items():
            akp = kp + (which, "articles", name)
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", str(name)) or not str(name).endswith(EXAMPLE_SUFFIXES):
                raise doc.error(akp, f"expected a plain file name ending in {', '.join(EXAMPLE_SUFFIXES)}")
            if not isinstance(text, str) or not text.strip():
                raise doc.error(akp, "expected the article's text")
        for key in ("facts", "exceptions"):
            entries = example.get(key, [])
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                raise doc.error(kp + (which, key), f"expected a list of {key} (as in {key}.yaml)")
        out[which] = {"articles": {str(k): v for k, v in articles.items()},
                      "facts": example.get("facts", []), "exceptions": example.get("exceptions", [])}
    return out


def _interval_of(doc: _Doc, entry: dict, kp: tuple) -> tuple[float, float, str]:
    if "value" in entry:
        if "low" in entry or "high" in entry:
            raise doc.error(kp, "give either value or low/high, not both")
        v = _number(doc, entry["value"], kp + ("value",))
        return v, v, _fmt(v)
    if "low" in entry and "high" in entry:
        low = _number(doc, entry["low"], kp + ("low",))
        high = _number(doc, entry["high"], kp + ("high",))
        if low > high:
            raise doc.error(kp, "low is greater than high")
        return low, high, f"{_fmt(low)}-{_fmt(high)}"
    raise doc.error(kp, "missing required key 'value' (or 'low' and 'high')")


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _text(doc: _Doc, entry: dict, key: str, kp: tuple, required: bool = True) -> str:
    if key not in entry:
        if required:
            raise doc.error(kp, f"missing required key '{key}'")
        return ""
    value = entry[key]
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        raise doc.error(kp + (key,), "expected a non-empty string")
    return str(value)


def _window(doc: _Doc, data: dict, key: str, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 50:
        raise doc.error((key,), f"expected a whole number of words from 0 to 50, got {value!r}")
    return value


def _predicates(doc: _Doc, value: Any) -> tuple[Predicate, ...]:
    out = []
    for name, entry in _mapping(doc, value, ("predicates",)).items():
        at = ("predicates", name)
        entry = _mapping(doc, entry, at, {"words", "rising", "classes"})
        rising = entry.get("rising", False)
        if not isinstance(rising, bool):
            raise doc.error(at + ("rising",), f"expected true or false, got {rising!r}")
        words = _string_list(doc, _require(doc, entry, "words", at), at + ("words",))
        classes = frozenset(_string_list(doc, entry.get("classes", []), at + ("classes",)))
        out.append(Predicate(str(name), tuple(_words(w) for w in words), rising, classes))
    return tuple(out)


def _classes(doc: _Doc, value: Any) -> tuple[CountedClass, ...]:
    from .normalize import singular  # local: normalize imports nothing from here

    entries = _mapping(doc, value, ("classes",))
    out = []
    for name, entry in entries.items():
        at = ("classes", name)
        entry = _mapping(doc, entry, at, {"nouns", "part_of"})
        part_of = entry.get("part_of")
        if part_of is not None and part_of not in entries:
            raise doc.error(at + ("part_of",), f"'{part_of}' is not a class; classes: {', '.join(entries)}")
        nouns = _string_list(doc, _require(doc, entry, "nouns", at), at + ("nouns",))
        out.append(CountedClass(str(name), frozenset(singular(n.lower()) for n in nouns), part_of))
    return tuple(out)


def _load_frames(doc: _Doc) -> FrameRules:
    allowed = {"predicates", "classes", "part_markers", "place_prepositions", "speech_words", "clause_breaks",
               "window_before", "window_after", "window_who"}
    data = _mapping(doc, doc.data, (), allowed)
    classes = _classes(doc, data.get("classes", {}))
    predicates = _predicates(doc, data.get("predicates", {}))
    known = {c.name for c in classes}
    for predicate in predicates:
        for name in sorted(predicate.classes - known):
            raise doc.error(("predicates", predicate.name, "classes"),
                            f"'{name}' is not a class; classes: {', '.join(sorted(known))}")
    markers = _string_list(doc, data.get("part_markers", []), ("part_markers",))
    places = _string_list(doc, data.get("place_prepositions", []), ("place_prepositions",))
    speech = _string_list(doc, data.get("speech_words", []), ("speech_words",))
    breaks = _string_list(doc, data.get("clause_breaks", []), ("clause_breaks",))
    return FrameRules(
        predicates=predicates,
        classes=classes,
        part_markers=tuple(_words(m) for m in markers),
        place_prepositions=frozenset(w.lower() for w in places),
        speech_words=frozenset(w.lower() for w in speech),
        clause_breaks=frozenset(w.lower() for w in breaks),
        window_before=_window(doc, data, "window_before", 6),
        window_after=_window(doc, data, "window_after", 8),
        window_who=_window(doc, data, "window_who", 12),
    )


def _load_facts(doc: _Doc) -> tuple[Fact, ...]:
    data = _mapping(doc, doc.data, (), {"facts"})
    facts = data.get("facts", [])
    if not isinstance(facts, list):
        raise doc.error(("facts",), "expected a list of facts")
    allowed = {"event", "period", "entity", "unit", "value", "low", "high", "verified_by", "verified_on", "source"}
    out = []
    for i, entry in enumerate(facts):
        kp = ("facts", i)
        _mapping(doc, entry, kp, allowed)
        low, high, text = _interval_of(doc, entry, kp)
        period = entry.get("period")
        if period is not None and (isinstance(period, bool) or not isinstance(period, int)):
            raise doc.error(kp + ("period",), "expected a year such as 2023")
        out.append(Fact(
            event=_text(doc, entry, "event", kp),
            period=period,
            entity=_text(doc, entry, "entity", kp),
            unit=_text(doc, entry, "unit", kp, required=False) or "count",
            low=low, high=high, value_text=text,
            verified_by=_text(doc, entry, "verified_by", kp),
            verified_on=_date(doc, _require(doc, entry, "verified_on", kp), kp + ("verified_on",)),
            source=_text(doc, entry, "source", kp),
            where=f"{doc.path.name}:{doc.line(*kp)}",
        ))
    return tuple(out)


def _load_exceptions(doc: _Doc) -> tuple[Exception_, ...]:
    data = _mapping(doc, doc.data, (), {"exceptions"})
    entries = data.get("exceptions", [])
    if not isinstance(entries, list):
        raise doc.error(("exceptions",), "expected a list of exceptions")
    allowed = {"event", "entity", "values", "reason", "accepted_by", "expires"}
    out = []
    for i, entry in enumerate(entries):
        kp = ("exceptions", i)
        _mapping(doc, entry, kp, allowed)
        values = _require(doc, entry, "values", kp)
        if not isinstance(values, list) or len(values) < 2:
            raise doc.error(kp + ("values",), "expected a list of at least two values")
        nums = [_number(doc, v, kp + ("values", j)) for j, v in enumerate(values)]
        expires = entry.get("expires")
        out.append(Exception_(
            event=_text(doc, entry, "event", kp),
            entity=_text(doc, entry, "entity", kp),
            values=tuple(sorted(nums)),
            reason=_text(doc, entry, "reason", kp),
            accepted_by=_text(doc, entry, "accepted_by", kp),
            expires=_date(doc, expires, kp + ("expires",)) if expires is not None else None,
            where=f"{doc.path.name}:{doc.line(*kp)}",
        ))
    return tuple(out)


# rules file -> (the Rules field it fills, its loader)
_LOADERS = {
    "numbers.yaml": ("numbers", _load_numbers),
    "qualifiers.yaml": ("qualifiers", _load_qualifiers),
    "units.yaml": ("units", _load_units),
    "entities.yaml": ("entities", _load_entities),
    "grammar.yaml": ("grammar", _load_grammar),
    "events.yaml": ("events", _load_events),
    "checks.yaml": ("checks", _load_checks),
    "frames.yaml": ("frames", _load_frames),
    "facts.yaml": ("facts", _load_facts),
    "exceptions.yaml": ("exceptions", _load_exceptions),
}


_CACHE: dict[Path, tuple[tuple, Rules]] = {}


def load_rules_file(path: Path, rules: Rules) -> Rules:
    """RULES with the rules file PATH read and validated in place of the file of the same name (one
    of RULE_FILES); RULES itself is left as it is."""
    if path.name not in _LOADERS:
        raise RulesError(path, None, None, f"not a rules file; rules files: {', '.join(RULE_FILES)}")
    attr, loader = _LOADERS[path.name]
    return replace(rules, **{attr: loader(read_yaml(path))}, files=_frozen_map({**rules.files, path.name: path}))


def load_rules(directory: Path | str | None = None) -> Rules:
    """Read and validate every rules file of ``directory`` (default: the bundled rules)."""
    directory = Path(directory) if directory is not None else default_rules_dir()
    if not directory.is_dir():
        raise RulesError(directory, None, None, "rules folder not found")
    stamp = tuple(
        (name, (directory / name).stat().st_mtime_ns if (directory / name).exists() else None)
        for name in RULE_FILES
    )
    cached = _CACHE.get(directory.resolve())
    if cached and cached[0] == stamp:
        return cached[1]
    records: dict[str, Any] = {}
    files: dict[str, Path] = {}
    for name in RULE_FILES:
        path = directory / name
        doc = read_yaml(path)
        if doc.data in ({}, None):
            doc.data = {}
        attr, loader = _LOADERS[name]
        records[attr] = loader(doc)
        files[name] = path
    rules = Rules(directory=directory, **records, files=_frozen_map(files))
    _CACHE[directory.resolve()] = (stamp, rules)
    return rules
