"""Ranges: "between 5 and 7", "5 to 7 million", "5-7%", "38C to 40C", "8- to 16-meter". "from X to
Y" is not a range (a change from one level to another: two claims), nor is "by X to Y" (a change
and the new level), nor are two ends in different units."""

from __future__ import annotations

from ..numbers import HYPHENS, NumberPhrase, Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .units import currency_before, unit_after


def _joiner(lx: Lexicon, tokens: list[Token], start_tok: int, q_start: int, k: int):
    """The word joining the two ends at token k, and the range's opener before the first end:
    (k, joiner, hyphen, opener, before, before_num), or None when no end can follow."""
    r = lx.rules
    n = len(tokens)
    if k < n and tokens[k].text in HYPHENS and k + 1 < n and tokens[k + 1].lower == "to":
        k += 1  # "8- to 16-meter"
    if k >= n:
        return None
    joiner = tokens[k].lower
    hyphen = tokens[k].text in HYPHENS and tokens[k].glued
    before = tokens[q_start - 1].lower if q_start > 0 else ""
    before_num = tokens[start_tok - 1].lower if start_tok > 0 else ""
    opener = before if before in r.qualifiers.range_openers else (before_num if before_num in r.qualifiers.range_openers else "")
    if opener == "from" and joiner == "up" and k + 1 < n and tokens[k + 1].lower == "to":
        k, joiner = k + 1, "to"  # "will cost from $999 up to $1,099"
    return k, joiner, hyphen, opener, before, before_num


def _change_before(lx: Lexicon, tokens: list[Token], start_tok: int, q_start: int, hyphen: bool,
                   opener: str, before: str, before_num: str) -> bool:
    """A change word leads to the first end: "rose by 2% to 5%", "rose from 62 to 64", "dropped
    $100 to $1199" (a change and its result, two claims, unless the ends read as a range)."""
    r = lx.rules
    k_before = q_start - (2 if opener == "from" else 1)
    change_before = not hyphen and (
        before_num == "by" or before == "by"
        or (k_before >= 0 and tokens[k_before].lower in r.qualifiers.change_words))
    if opener == "from" and not change_before:
        # "raises the minimum retirement age from 62 to 64": a change word earlier in the clause
        k_from = q_start - 1 if before == "from" else start_tok - 1
        for t in reversed(tokens[max(0, k_from - 8):k_from]):
            if t.kind == "sym" and t.text in ",;:":
                break
            if t.lower in r.qualifiers.change_words:
                return True
    return change_before


def _second_currency(lx: Lexicon, tokens: list[Token], k3: int) -> tuple[str | None, int]:
    """The currency before the second end ("$200 to $1,500", "US$38 billion to US$42 billion") and
    the index of the second end's first token."""
    r = lx.rules
    n = len(tokens)
    if k3 < n and tokens[k3].text in r.units.currency_symbols:
        return r.units.currency_symbols[tokens[k3].text], k3 + 1
    if k3 + 1 < n and tokens[k3].kind != "num" and tokens[k3 + 1].glued:
        m = k3 + 1
        while m < n and m < k3 + 4 and tokens[m].kind != "num" and tokens[m].glued:
            m += 1
        if m < n and tokens[m].kind == "num":
            cur, cur_start = currency_before(lx, tokens, m)
            if cur is not None and cur_start == k3:
                return cur, m
    return None, k3


def _second_end(lx: Lexicon, tokens: list[Token], blocked: list[bool], k: int, hyphen: bool):
    """(second phrase, its currency) after the joiner at token k, or None."""
    cur2, k3 = _second_currency(lx, tokens, k + 1)
    if k3 >= len(tokens) or blocked[k3]:
        return None
    second = lx.grammar.parse_at(tokens, k3)
    if second is None or second.kind in ("vague", "fraction"):
        return None
    if hyphen and (tokens[k3].kind != "num" or not tokens[k3].glued) and not (tokens[k].lower == "to"):
        if tokens[k3].kind == "num" and not tokens[k3].glued:
            return None
    return second, cur2


def _same_units(lx: Lexicon, unit1, currency, cur2, unit2) -> bool:
    if currency is not None and cur2 is not None and currency != cur2:
        return False
    u1 = currency or unit1
    if u1 is not None and unit2 is not None and u1 != unit2:
        return False
    if u1 is not None and unit2 is None and unit1 is not None and unit1 not in lx.money and currency is None:
        # "12% to 2.4 billion": a percent then a bare level is a change and its result
        return False
    return True


def range_end(lx: Lexicon, tokens: list[Token], blocked: list[bool], phrase: NumberPhrase, start_tok: int,
              q_start: int, k: int, unit1, currency, low, high):
    """The second end of a range starting with ``phrase``, or None: (low, high, second phrase,
    its unit, the index after that unit, the unit's factor)."""
    r = lx.rules
    joined = _joiner(lx, tokens, start_tok, q_start, k)
    if joined is None:
        return None
    k, joiner, hyphen, opener, before, before_num = joined
    if not (hyphen or joiner in r.qualifiers.range_joiners):
        return None
    # "range from $200 to $1,500", "sells for from $500 to $550", "cut 1,000-1,500 jobs", "fell
    # by 20 to 30 percent", "lost an estimated $10 million to $15 million": a range (decided
    # below, once the second end is read)
    change_before = _change_before(lx, tokens, start_tok, q_start, hyphen, opener, before, before_num)
    if change_before and opener == "from":
        return None
    if joiner == "and" and opener != "between":
        return None
    ended = _second_end(lx, tokens, blocked, k, hyphen)
    if ended is None:
        return None
    second, cur2 = ended
    unit2, after2, factor2 = unit_after(lx, tokens, second.j, second, currency or cur2)
    if cur2 is not None:
        unit2 = cur2
    if not _same_units(lx, unit1, currency, cur2, unit2):
        return None
    lo1, hi1 = low, high
    lo2, hi2 = second.low, second.high
    # "5 to 7 million": the scale of the second end applies to the first
    if second.scaled and not phrase.scaled and second.scale_word:
        f = lx.grammar.scales.get(second.scale_word) or r.numbers.scale_abbreviations.get(second.scale_word, 1)
        if lo1 * f <= lo2:
            lo1, hi1 = lo1 * f, hi1 * f
    if not lo1 < hi2:
        return None
    if change_before:
        # After a change word the reading is a range only when the ends are close (a change
        # is mostly small beside the level it leads to: "rose 0.2 to 5.4 percent") and either
        # the first end is bare, its unit given once by the second ("fell by 20 to 30
        # percent"), or it is hedged ("lost an estimated $10 million to $15 million").
        bare_first = unit1 is None and currency is None and unit2 is not None
        hedged = q_start < start_tok
        if not (bare_first or hedged) or hi2 > 2.5 * lo1 or lo1 <= 0:
            return None
    return lo1, hi2, second, unit2, after2, factor2


# ------------------------------------------------------------------ step
def range_step(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    rng = range_end(lx, ctx.tokens, ctx.blocked, d.phrase, d.start_tok, d.q_start,
                    d.after_unit if d.unit else d.end_tok, d.unit, d.currency, d.low, d.high)
    if rng is None:
        return None
    d.low, d.high, second, unit2, after2, factor2 = rng
    d.value, d.qualifier, d.kind = None, "range", "range"
    d.resolution = second.resolution
    d.end_tok = second.j
    if unit2 is not None:
        d.unit, d.after_unit, d.factor = unit2, after2, factor2
    elif d.unit is None:
        d.after_unit = d.end_tok
    return None
