"""Step: multipliers are not amounts ("rose 30-fold", "eight times that of Earth", "a fourfold
rise", "subscribed 67.4 times": occasions are whole); "stabbed 17 times" counts occasions."""

from __future__ import annotations

from ..numbers import HYPHENS
from .draft import Draft, Rejection, SentenceContext
from .lexicon import Lexicon


def multiplier(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Rejection | None:
    r, tokens, end_tok, n = lx.rules, ctx.tokens, d.end_tok, d.n
    if d.unit is None and end_tok + 1 < n and tokens[end_tok].text in HYPHENS and tokens[end_tok].glued \
            and tokens[end_tok + 1].glued and tokens[end_tok + 1].lower in r.grammar.multiplier_words:
        return Rejection("multiplier")  # "rose 30-fold"
    if end_tok < n and tokens[end_tok].lower in r.grammar.multiplier_words and d.unit is None:
        nxt = tokens[end_tok + 1].lower if end_tok + 1 < n else ""
        if nxt in r.grammar.comparison_words or nxt.endswith("er") or tokens[end_tok].glued:
            return Rejection("multiplier")  # "eight times that of Earth", "four times larger", "fourfold"
        if d.value is not None and not float(d.value).is_integer():
            return Rejection("multiplier")  # "subscribed 67.4 times", "1.6 times Earth's radius": no count of occasions
        d.entity = tokens[end_tok].lower  # "stabbed 17 times": a count of occasions
    return None
