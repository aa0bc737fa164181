"""Steps that reject numbers that are no claims before anything else is read: numbers inside names
and codes, street numbers, capitalized number words, a rate's denominator; and, once the unit is
known, calibres and confidence levels."""

from __future__ import annotations

from .draft import Draft, Rejection, SentenceContext
from .lexicon import Lexicon
from .names import is_name_number, is_street
from .tokens import at_sentence_start


def reject_names(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Rejection | None:
    tokens, i, tok = ctx.tokens, d.i, d.tok
    if is_name_number(lx, tokens, i, d.phrase):
        return Rejection("name")
    if tok.kind == "num" and is_street(lx, tokens, d.j):
        return Rejection("street")
    if tok.kind == "word" and tok.text[:1].isupper() and not at_sentence_start(tokens, i):
        return Rejection("capitalized")  # "The Three Musketeers", "ONE News", "the Big Ten": a name
    return None


def reject_per(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Rejection | None:
    if d.i > 0 and ctx.tokens[d.i - 1].lower == "per":
        return Rejection("per")  # "per 10 grams", "per 100,000 people": a rate's denominator
    return None


def reject_calibre_and_level(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Rejection | None:
    r, tokens, end_tok = lx.rules, ctx.tokens, d.end_tok
    if d.unit in ("mm", "cm", "inch") and end_tok < d.n and tokens[end_tok].lower in r.grammar.calibre_nouns:
        return Rejection("calibre")  # "155mm artillery rounds", "a 120mm mortar": a calibre, a weapon's name
    if d.unit == "percent" and end_tok < d.n and (r.grammar.statistics.get(tokens[end_tok].text, "").endswith("interval")
                                                  or tokens[end_tok].lower == "confidence"):
        return Rejection("confidence level")  # "95% CI": the confidence level names the interval that follows
    return None
