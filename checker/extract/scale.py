"""Step: a scale abbreviation that may be a unit ("80m" is 80 metres unless money is involved)."""

from __future__ import annotations

import dataclasses

from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .tokens import plural_noun_at
from .units import unit_after


def ambiguous_scale(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    phrase, tokens, j = d.phrase, ctx.tokens, d.j
    if not (phrase.ambiguous_scale and d.currency is None and (
            phrase.scale_word == "mm" or not plural_noun_at(lx, tokens, j))):  # "$120MM", never "155mm shells"
        return None
    follow, _, _ = unit_after(lx, tokens, j, phrase, None)
    if follow not in lx.money:
        factor = lx.rules.numbers.scale_abbreviations.get(phrase.scale_word or "", 1)
        d.low, d.high = d.low / factor, d.high / factor
        d.value = d.value / factor if d.value is not None else None
        d.resolution /= factor
        d.end_tok = j - 1
        # the grammar's phrase stays as parsed: the draft holds a copy without the scale
        d.phrase = dataclasses.replace(phrase, scaled=False)
    return None
