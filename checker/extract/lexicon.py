"""The word tables and compiled cues the extractor derives from a rule set, built once and frozen."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ..numbers import TOKEN_RE, NumberCue, NumberGrammar
from ..rules import Rules
from .formats import LocalFormats
from .local_dollar import compile_rules as compile_local_dollars
from .patterns import DURATIONS


def _first_tokens(table: Mapping, exact: bool) -> frozenset:
    """The first token of every phrase of a table: a cheap test before trying the phrases."""
    firsts = set()
    for key in table:
        m = TOKEN_RE.match(key[0])
        first = m.group() if m else key[0]
        firsts.add(first if exact else first.lower())
    return frozenset(firsts)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the steps read besides the tokens: the rules, the number grammar and the tables
    derived from them. Nothing in it changes after ``Lexicon.build``."""

    rules: Rules
    grammar: NumberGrammar
    numberish: NumberCue            # does a sentence hold anything that may be a number?
    qual_max: int                   # longest qualifier phrase before a number, in words
    qual_after_max: int             # ... and after it
    qual_after_firsts: frozenset    # first words of the qualifier phrases after a number
    cur_word_max: int               # longest currency word phrase
    measure_max: int                # longest unit phrase (measures, percent words, subunits)
    symbols: tuple                  # currency symbols, longest first
    qualifier_words: frozenset      # every word of a qualifier phrase
    qualifier_ends: frozenset       # last words of qualifier phrases: "than" of "more than", "over"
    money: frozenset                # currency codes
    trigger_words: frozenset        # words that may start a number phrase or an ordinal
    measures: frozenset             # units of measure: not counts, money, percentages, dates or ages
    symbol_ends: frozenset          # the last token of each currency symbol ("$" of "US$")
    symbols_ending: Mapping         # token text -> currency symbols that end with it, longest first
    firsts: Mapping                 # (id(table), exact) -> first tokens of the unit table's phrases
    unit_firsts: frozenset          # first tokens (lower case) of every unit table unit_after reads
    unit_firsts_exact: frozenset    # ... of the exact spellings
    formats: object = None          # formats.LocalFormats: European digit formats, set by build
    local_dollars: object = None    # local_dollar.LocalDollarRules: the cues of a page's own dollar, set by build

    @classmethod
    def build(cls, rules: Rules) -> Lexicon:
        grammar = NumberGrammar(rules)
        words = (
            set(rules.numbers.cardinals) | set(rules.numbers.scales) | set(rules.numbers.plural_scales)
            | set(rules.numbers.fractions) | set(rules.numbers.vague_multipliers) | set(rules.numbers.approximate_numbers)
            | set(rules.numbers.ordinals)
        )
        # "less than an inch", "more than a year": a qualifier then "a"/"an" may be one unit
        qual_ends = sorted({k[-1] for k in rules.qualifiers.qualifiers_before if k[-1].isalpha()}, key=len, reverse=True)
        measure_max = max(
            [len(k) for k in rules.units.measure_words] + [len(k) for k in rules.units.measure_words_exact]
            + [len(k) for k in rules.units.percent_words] + [1]
        )
        measure_max = max(measure_max, max((len(k) for k in rules.units.subunits), default=1))
        symbols = tuple(sorted(rules.units.currency_symbols, key=len, reverse=True))
        symbol_ends = frozenset([m.group() for m in TOKEN_RE.finditer(sym)][-1] for sym in rules.units.currency_symbols)
        tables = [(rules.units.currency_words, False), (rules.units.subunits, False), (rules.units.percent_words, False),
                  (rules.units.measure_words, False), (rules.units.measure_words_exact, True)]
        firsts = {(id(table), exact): _first_tokens(table, exact) for table, exact in tables}
        lexicon = cls(
            rules=rules,
            grammar=grammar,
            numberish=NumberCue(words, qualifier_ends=qual_ends),
            qual_max=max((len(k) for k in rules.qualifiers.qualifiers_before), default=1),
            qual_after_max=max((len(k) for k in rules.qualifiers.qualifiers_after), default=1),
            qual_after_firsts=frozenset(k[0] for k in rules.qualifiers.qualifiers_after if k),
            cur_word_max=max((len(k) for k in rules.units.currency_words), default=1),
            measure_max=measure_max,
            symbols=symbols,
            qualifier_words=frozenset(w for phrase in rules.qualifiers.qualifiers_before for w in phrase),
            qualifier_ends=frozenset(phrase[-1] for phrase in rules.qualifiers.qualifiers_before),
            money=frozenset(rules.units.currency_symbols.values()),
            trigger_words=frozenset(
                grammar.number_words | set(rules.numbers.plural_scales) | set(rules.numbers.fractions)
                | set(rules.numbers.vague_multipliers) | set(rules.numbers.ordinals) | set(rules.numbers.approximate_numbers)
                | {"a", "an", "half", "another"}),
            measures=frozenset(set(rules.units.measure_words.values()) | set(rules.units.measure_words_exact.values()))
            - {"percent", "percentage_point", "age"} - DURATIONS,
            symbol_ends=symbol_ends,
            symbols_ending=MappingProxyType(
                {end: tuple(sym for sym in symbols if sym.endswith(end)) for end in symbol_ends}),
            firsts=MappingProxyType(firsts),
            unit_firsts=frozenset().union(*(firsts[(id(t), False)] for t in (
                rules.units.currency_words, rules.units.subunits, rules.units.percent_words, rules.units.measure_words))),
            unit_firsts_exact=firsts[(id(rules.units.measure_words_exact), True)],
        )
        object.__setattr__(lexicon, "formats", LocalFormats(
            rules, lexicon.unit_firsts, lexicon.unit_firsts_exact, lexicon.symbol_ends, lexicon.money))
        object.__setattr__(lexicon, "local_dollars", compile_local_dollars(rules.units.local_dollars,
                                                                             rules.units.local_replaces))
        return lexicon
