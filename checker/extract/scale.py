"""Step: a scale abbreviation that may be a unit ("80m" is 80 metres unless money is involved).

In business copy "m" is a million far more often than a metre: "35m devices", "2.7m combined
sales", "1.2m tons", "16.96m sq km". It stays a million when money is involved, when it is a
capital glued to the digits ("4.3M units": a metre is never "M"), when another unit follows it
(a million tons, never metre-tons), when a counted plural noun follows within a few modifiers, or
when a rate follows ("9m a year"). Otherwise it is a measure ("the 1500m world record", "181 m
high", "cleared 6.31m").
"""

from __future__ import annotations

import dataclasses

from ..numbers import Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .tokens import plural_noun_at
from .units import unit_after

# Words between a scale and its counted plural noun that say nothing of what is counted
# ("2.1M fewer PCs"); other stop words end the search.
_MODIFIERS_OK = frozenset({"fewer", "more", "new", "additional", "extra"})
# Words after "5k" that make it a race distance, not five thousand.
_RACE_WORDS = frozenset({"run", "runs", "race", "races", "walk", "fun", "road"})
# Races and swimming events: "the 400m hurdles", "the 200m freestyle" are metres.
_EVENT_WORDS = frozenset({"hurdles", "freestyle", "butterfly", "backstroke", "breaststroke", "medley",
                          "relay", "relays", "sprint", "sprints", "dash", "steeplechase", "heats", "final",
                          "finals", "title", "titles", "gold", "record", "records"})
# "9m a year", "3m per month": a rate of a count.
_RATE_WORDS = frozenset({"year", "month", "week", "day", "quarter", "annually", "annual"})


def _counted_noun_follows(lx: Lexicon, tokens: list[Token], j: int) -> bool:
    """A plural noun at j, or after up to two modifiers ("45m retail customers")."""
    stop = lx.rules.grammar.stop_words
    for k in range(j, min(j + 3, len(tokens))):
        if plural_noun_at(lx, tokens, k):
            return True
        t = tokens[k]
        if t.kind != "word" or (t.lower in stop and t.lower not in _MODIFIERS_OK) or k > j and t.glued:
            return False
    return False


def _rate_follows(tokens: list[Token], j: int) -> bool:
    n = len(tokens)
    return j + 1 < n and tokens[j].lower in ("a", "an", "per", "each", "every") \
        and tokens[j + 1].lower in _RATE_WORDS


def _is_scale(lx: Lexicon, tokens: list[Token], j: int, d: Draft) -> bool:
    """Does the ambiguous abbreviation before token j stand for a scale?"""
    phrase = d.phrase
    abbrev = tokens[j - 1]
    if not abbrev.glued and abbrev.text.isupper():
        return _counted_noun_follows(lx, tokens, j)  # "8 B people"; never "grade 5 B" alone
    if abbrev.text.isupper() and abbrev.glued and abbrev.lower != "mm":
        return True  # "4.3M", "$1.57B", "473K": a metre or a gram is never written so
    if phrase.scale_word == "k":
        return not (j < len(tokens) and tokens[j].lower in _RACE_WORDS)
    follow, _, _ = unit_after(lx, tokens, j, phrase, None)
    if follow is not None:
        return follow in lx.money or follow in lx.measures  # "1.2m tons", "16.96m sq km"
    if j < len(tokens) and tokens[j].lower in _EVENT_WORDS:
        return False
    return _counted_noun_follows(lx, tokens, j) or _rate_follows(tokens, j)


def ambiguous_scale(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    phrase, tokens, j = d.phrase, ctx.tokens, d.j
    if not (phrase.ambiguous_scale and d.currency is None):
        return None
    if phrase.scale_word == "mm":
        if unit_after(lx, tokens, j, phrase, None)[0] in lx.money:
            return None  # "120mm dollars"; never "155mm shells"
    elif _is_scale(lx, tokens, j, d):
        return None
    factor = lx.rules.numbers.scale_abbreviations.get(phrase.scale_word or "", 1)
    d.low, d.high = d.low / factor, d.high / factor
    d.value = d.value / factor if d.value is not None else None
    d.resolution /= factor
    d.end_tok = j - 1
    # the grammar's phrase stays as parsed: the draft holds a copy without the scale
    d.phrase = dataclasses.replace(phrase, scaled=False)
    return None
