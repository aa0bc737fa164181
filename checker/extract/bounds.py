"""Last step: the interval the qualifier allows ("about 800": 720..880, "more than 800": 800..),
the claim's span of text and its direction of change."""

from __future__ import annotations

from ..models import Claim
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .qualifiers import bounds, change_direction


def finish(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Claim:
    tokens, start_tok, q_start, kind = ctx.tokens, d.start_tok, d.q_start, d.kind
    qualifier = d.qualifier
    if qualifier is None:
        qualifier = "vague" if kind == "vague" else ("~" if kind == "approximate" else "=")
    elif kind == "vague":
        qualifier = "vague"
    low, high = d.low, d.high
    if d.value is not None and qualifier in ("~", ">", ">=", "<", "<="):
        low, high = bounds(lx, d.value, qualifier, d.unit, d.from_below)
    first = tokens[q_start].start if qualifier not in ("=", "range", "vague") and q_start < start_tok \
        else tokens[start_tok].start
    if kind == "range" and start_tok > 0 and tokens[start_tok - 1].lower in lx.rules.qualifiers.range_openers:
        first = tokens[start_tok - 1].start  # "between 5 and 7"
    last = max(tokens[d.end_tok - 1].end, tokens[d.j - 1].end)
    return Claim(first, last, d.value, low, high, qualifier, d.unit,
                 change=change_direction(lx, tokens, min(q_start, start_tok), d.end_tok), entity=d.entity,
                 resolution=d.resolution, kind=kind, anaphor=d.anaphor, subject=d.subject,
                 next_token=d.end_tok)
