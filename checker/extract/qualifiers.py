"""Qualifiers ("over", "nearly", "or more", "in the $75 million range") and the direction of a
change ("rose 5%"): the phrase readers and the steps that set a claim's qualifier."""

from __future__ import annotations

import math

from ..normalize import singular
from ..numbers import HYPHENS, Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .patterns import DURATIONS


def qualifier_before(lx: Lexicon, tokens: list[Token], i: int) -> tuple[str | None, int, tuple]:
    """Longest qualifier phrase ending just before token i (a currency sign or article may
    stand between). Returns (qualifier, index where it starts, phrase)."""
    k = i
    # skip a currency sign / code and "a"/"the" ("over a dozen", "more than $5")
    while k > 0 and (tokens[k - 1].text in lx.rules.units.currency_symbols or tokens[k - 1].lower in ("a", "an", "us")) \
            and k > i - 3:
        k -= 1
    # ("above the 50% threshold", "shy of the 1.5C": a reference value, not a bound)
    if k == 0 or tokens[k - 1].lower not in lx.qualifier_ends:
        return None, i, ()  # every qualifier phrase ends with one of these words
    for size in range(lx.qual_max, 0, -1):
        if k - size < 0:
            continue
        window = tokens[k - size:k]
        if any(t.kind != "word" for t in window) and not (size == 1 and tokens[k].glued):
            continue  # words, or one sign glued to the number ("> 6 months" is not glued; ">6" is)
        phrase = tuple(t.lower for t in window)
        if phrase in lx.rules.qualifiers.qualifiers_before:
            return lx.rules.qualifiers.qualifiers_before[phrase], k - size, phrase
    return None, i, ()


def qualifier_after(lx: Lexicon, tokens: list[Token], k: int, end_tok: int,
                     allow_plus: bool = False) -> tuple[str | None, int]:
    """A qualifier phrase starting at token k ("or more"), and the end of the evidence (else
    ``end_tok``). "plus" only right after a number ("500 plus"; "300 yards plus two
    touchdowns" adds)."""
    if 0 <= k < len(tokens) and tokens[k].lower not in lx.qual_after_firsts:
        return None, end_tok  # no qualifier phrase starts with this word
    for size in range(lx.qual_after_max, 0, -1):
        window = tokens[k:k + size]
        if len(window) == size and all(t.kind == "word" for t in window):
            key = tuple(t.lower for t in window)
            if key in lx.rules.qualifiers.qualifiers_after and (allow_plus or key != ("plus",)):
                return lx.rules.qualifiers.qualifiers_after[key], k + size
    return None, end_tok


def bounds(lx: Lexicon, value: float, qualifier: str, unit: str, from_below: bool = False) -> tuple[float, float]:
    """The interval a qualifier allows around a value ("about 800", "more than 800")."""
    if qualifier == "~":
        tol = lx.rules.checks.tolerances.get("approximate", 0.1)
        low, high = sorted((value * (1 - tol), value * (1 + tol)))
        return low, (value if from_below else high)
    if qualifier in (">", ">="):
        return value, math.inf
    return (0.0 if value > 0 and unit not in ("percent", "percentage_point", "celsius", "fahrenheit")
            else -math.inf), value


def change_direction(lx: Lexicon, tokens: list[Token], i: int, j: int) -> str | None:
    """Direction of change said of the number spanning tokens i..j ("rose 5%", "a 12% increase").
    A number after "from" is the starting point of a change, not a change ("up from 30")."""
    r = lx.rules
    if i > 0 and tokens[i - 1].lower == "from":
        return None
    k = i - 1
    seen = 0
    # "cut the risk of death by 20 per cent": "by" ties the number to a change verb further back
    window = r.qualifiers.change_window_before * 2 if i > 0 and tokens[i - 1].lower == "by" else r.qualifiers.change_window_before
    while k >= 0 and seen < window:
        t = tokens[k]
        if t.kind == "num":
            break
        if t.kind == "word":
            if t.lower in r.qualifiers.change_words:
                return r.qualifiers.change_words[t.lower]
            seen += 1
        elif t.text in ",;:":
            break
        k -= 1
    k = j
    seen = 0
    n = len(tokens)
    while k < n and seen < r.qualifiers.change_window_after:
        t = tokens[k]
        if t.kind == "word":
            if t.lower in r.qualifiers.change_words and t.lower not in ("up", "down", "lower", "higher") or \
                    t.lower in ("higher", "lower") and seen == 0:
                return r.qualifiers.change_words[t.lower]
            seen += 1
        elif t.text not in HYPHENS:
            break
        k += 1
    return None


# ------------------------------------------------------------------ steps
def qualifier_first(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """The qualifier phrase before the number ("more than 800"), unless it reads as a place."""
    r, tokens, phrase, j = lx.rules, ctx.tokens, d.phrase, d.j
    qualifier, q_start, q_phrase = qualifier_before(lx, tokens, d.start_tok)
    if q_phrase in r.qualifiers.spatial_qualifiers and phrase.words and not phrase.scaled and (phrase.value or 0) < 10 \
            and phrase.kind != "fraction" \
            and not (q_start > 0 and singular(tokens[q_start - 1].lower) in r.grammar.person_nouns) \
            and not (qualifier in ("<", "<=") and j < len(tokens) and singular(tokens[j].lower) in DURATIONS):
        # (but "children under five" is an age bound, "under three hours" a time limit)
        # "over two defenders", "under three feet of water" reads as a place, not a bound
        qualifier, q_start, q_phrase = None, d.start_tok, ()
    d.qualifier, d.q_start, d.q_phrase = qualifier, q_start, q_phrase
    d.from_below = q_phrase in r.qualifiers.from_below
    return None


def period_not_bound(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"repaid over 25 years", "in the past 24 hours": the period the figure covers, not a bound
    ("jailed for over 20 years", "the first time in over a decade" stay bounds)."""
    tokens, q_phrase, q_start, end_tok = ctx.tokens, d.q_phrase, d.q_start, d.end_tok
    if d.unit in DURATIONS and q_phrase in (("past",), ("over",)) and not (
            q_phrase == ("over",) and q_start > 0 and tokens[q_start - 1].lower in lx.rules.grammar.bound_prepositions) \
            and not (end_tok < d.n and tokens[end_tok].lower == "old"):
        d.qualifier, d.q_start, d.q_phrase = None, d.start_tok, ()
    return None


def qualifier_last(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"in the $75 million range"; a qualifier after the number: "800 or more", "55 or older"."""
    tokens, start_tok, end_tok, n = ctx.tokens, d.start_tok, d.end_tok, d.n
    if d.qualifier is None and start_tok >= 2 and end_tok < n and tokens[end_tok].lower == "range" \
            and tokens[start_tok - 2].lower == "in" and tokens[start_tok - 1].lower == "the":
        d.qualifier, d.q_start, d.end_tok = "~", start_tok - 2, end_tok + 1
    if d.qualifier is not None:
        return None
    k_after = end_tok
    if d.unit is not None and k_after + 1 < n and tokens[k_after].lower in ("a", "an", "per") \
            and tokens[k_after + 1].lower in lx.rules.grammar.rate_periods:
        k_after += 2  # "$250,000 a year or less"
    # "500 or more widgets": the noun follows the qualifier
    d.qualifier, d.end_tok = qualifier_after(lx, tokens, k_after, end_tok, allow_plus=True)
    if d.qualifier is not None and d.unit is None and tokens[d.end_tok - 1].lower in ("older", "younger"):
        d.unit = "age"  # "55 or older"
    return None
