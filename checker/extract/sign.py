"""Step: the sign ("-3.2%", "minus 5 degrees") and the currency symbol before the number ("$5",
"US $5", "R5,000"); the amount the phrase states, signed."""

from __future__ import annotations

from ..numbers import HYPHENS, MINUS
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .units import currency_before, weak_symbol


def _sign(tokens, i: int, tok) -> tuple[int, int]:
    """(sign, first token of the signed number)."""
    # a hyphen glued between two words/numbers is no sign
    if tok.kind == "num" and i > 0 and tokens[i - 1].text in MINUS and tok.glued \
            and (i == 1 or not tokens[i - 1].glued or tokens[i - 2].text in "([:"):
        return -1, i - 1
    if i > 0 and tokens[i - 1].lower == "minus":
        if not (i > 2 and tokens[i - 3].lower == "plus" and tokens[i - 2].lower == "or"):
            return -1, i - 1  # not "plus or minus 3.1 points": a margin, not a sign
        return 1, i
    if i > 1 and tokens[i - 1].text in HYPHENS and tok.glued and tokens[i - 1].glued \
            and tokens[i - 2].lower == "minus":
        return -1, i - 2  # "minus-20 degree temperatures"
    return 1, i


def sign_and_currency(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    tokens, i, phrase = ctx.tokens, d.i, d.phrase
    d.sign, d.start_tok = _sign(tokens, i, d.tok)
    currency, cur_start = currency_before(lx, tokens, d.start_tok)
    if currency is None and weak_symbol(lx, tokens, i, phrase):
        currency, cur_start = lx.rules.units.weak_currency_symbols[tokens[i - 1].text], i - 1
    if currency is not None:
        d.start_tok = cur_start
    d.currency = currency
    low, high = phrase.low * d.sign, phrase.high * d.sign
    d.low, d.high = min(low, high), max(low, high)
    d.value = phrase.value * d.sign if phrase.value is not None else None
    d.kind, d.resolution, d.end_tok = phrase.kind, phrase.resolution, d.j
    start_tok = d.start_tok
    d.prev_word = tokens[start_tok - 1].lower if start_tok > 0 and tokens[start_tok - 1].kind == "word" else ""
    return None
