"""One sentence -> its claims: dates, times and debris first (spans.py), then tallies
(tallies.py), then every number phrase the grammar finds, read by the steps of claim.py; last,
conversions ("85 million euros ($108 million)") and the context words of each claim."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from typing import NamedTuple, Sequence

from ..models import Claim
from ..numbers import Token, tokenize
from .changes import link_changes
from .claim import read_claim
from .context import ContextWords
from .draft import Rejection, SentenceContext
from .formats import MAYBE_LOCAL
from .lexicon import Lexicon
from .qualifiers import bounds
from .spans import read_spans
from .tallies import read_tallies
from .tokens import in_idiom

_CONVERSION_GAP = re.compile(
    r"[\s,(]*(?:or|about|around|roughly|some|approximately)?[\s(]*"
    r"(?:nearly|about|around|roughly|some|approximately|almost)?[\s(]*")
_MEASURE_GAP = re.compile(r"[ \t\n]*\([ \t]*")
# The largest amount read as a claim: a thousand times the largest figure of world news (the world's
# GDP is about 1e14 dollars; the national debt of a hyperinflation a few 1e18s). Beyond it, a number
# is debris ("9" a thousand times).
MAX_QUANTITY = 1e24


def _ordinal(lx: Lexicon, tokens: list[Token], i: int) -> tuple[Claim | None, int] | None:
    """An ordinal at token i ("3rd", "Second"): (its claim, or None when it is not one, and the
    token after it), or None when no ordinal starts there."""
    tok = tokens[i]
    ordinal = lx.grammar.ordinal_at(tokens, i)
    if ordinal is None or (tok.kind == "word" and tok.lower in lx.rules.numbers.fractions and lx.grammar.parse_at(tokens, i)):
        return None
    value, j = ordinal
    if tok.kind == "num" or tok.text.isupper() or (j < len(tokens) and tokens[j].text[:1].isupper()):
        return Claim(tok.start, tokens[j - 1].end, value, value, value, "=", "ordinal", kind="ordinal"), j
    return None, j  # "21st-century": the ordinal and what it modifies are one word


def _read_number(lx: Lexicon, ctx: SentenceContext, i: int) -> int:
    """Read the number (if any) starting at token i; the token to go on from."""
    tokens = ctx.tokens
    ordinal = _ordinal(lx, tokens, i)
    if ordinal is not None:
        claim, j = ordinal
        if claim is not None:
            ctx.add(claim)
        return j
    phrase = lx.grammar.parse_at(tokens, i)
    if phrase is None:
        return i + 1
    if not all(v is None or math.isfinite(v) and abs(v) <= MAX_QUANTITY for v in (phrase.value, phrase.low, phrase.high)):
        return max(phrase.j, i + 1)  # debris of digits or number words, no quantity of news
    if phrase.words and any(in_idiom(lx, tokens, k) for k in range(phrase.i, max(phrase.j, phrase.i + 1))):
        return max(phrase.j, i + 1)  # "at one point", "a zero-day flaw", "zero tolerance"
    claim = read_claim(lx, ctx, phrase)
    i = max(phrase.j, i + 1)
    if isinstance(claim, Rejection):
        if claim.block is not None:
            ctx.block(*claim.block)
        return i
    ctx.add(claim, refer_back=True)
    return max(i, claim.next_token if claim.next_token is not None else i)


def _converted(lx: Lexicon, view: str, a: Claim, b: Claim) -> Claim:
    """'85 million euros ($108 million)', '500 billion rubles, or nearly $8 billion': b converts a;
    it takes a's entity. 'as much as 610 km (379 miles)': it shares a's qualifier."""
    if a.unit in lx.money and b.unit in lx.money and a.unit != b.unit:
        between = view[a.end:b.start]
        if len(between) <= 20 and _CONVERSION_GAP.fullmatch(between) and not b.entity:
            return dataclasses.replace(b, entity=a.entity)
    elif a.unit in lx.measures and b.unit in lx.measures and a.unit != b.unit \
            and _MEASURE_GAP.fullmatch(view[a.end:b.start]):
        if b.qualifier == "=" and a.qualifier in ("~", ">", ">=", "<", "<=") and b.value is not None:
            low, high = bounds(lx, b.value, a.qualifier, b.unit)
            return dataclasses.replace(b, qualifier=a.qualifier, low=low, high=high)
    return b


def link_conversions(lx: Lexicon, view: str, claims: list[Claim]) -> list[Claim]:
    """The claims, each amount that converts the one before it completed from it."""
    out = claims[:1]
    for b in itertools.islice(claims, 1, None):
        a = out[-1]
        out.append(_converted(lx, view, a, b) if a.unit in lx.money or a.unit in lx.measures else b)
    return out


# The most numbers read in one sentence (of at most segment.MAX_SENTENCE characters). Wire copy
# stays below (no sentence of ecbplus-dev or of the labelled sets makes more than 30 tries); beyond it a sentence is a table or
# a list of figures ("1,1,1,...", "$1 $1 $1 ..."), whose remaining numbers are left unread, and
# the article gets a note saying where, so that no text is dropped in silence.
MAX_NUMBERS_PER_SENTENCE = 64


class SentenceClaims(NamedTuple):
    claims: list[Claim]      # the sentence's claims, by start
    referable: list[Claim]   # its count claims with an entity, in the order read ("that number" may refer to them)
    unread_from: int | None = None  # where reading stopped (MAX_NUMBERS_PER_SENTENCE reached), else None


def sentence_claims(lx: Lexicon, words: ContextWords, view: str, s: int, e: int,
                    previous: Sequence[Claim], decimal_comma: bool = False) -> SentenceClaims:
    """The claims of the sentence view[s:e]. ``previous``: the article's count claims with an
    entity before this sentence, which "that number" may refer back to (not changed: the
    sentence's own come back as ``referable``). ``decimal_comma``: the article writes "1,5"
    for one and a half (formats.article_cues)."""
    tokens = tokenize(view, s, e)
    if MAYBE_LOCAL.search(view, s, e):
        tokens = lx.formats.merge(tokens, decimal_comma)
    if not tokens:
        return SentenceClaims([], [])
    n = len(tokens)
    ctx = SentenceContext(view, tokens, [False] * n, [], list(previous))
    read_spans(ctx, s, e)
    read_tallies(lx, ctx)
    blocked, fractions, triggers = ctx.blocked, lx.rules.numbers.unicode_fractions, lx.trigger_words
    i = 0
    read = 0
    unread_from = None
    while i < n:
        tok = tokens[i]
        # no number starts at a blocked token, a symbol or a word no number starts with
        if blocked[i] or tok.kind == "sym" and tok.text not in fractions \
                or tok.kind == "word" and tok.lower not in triggers and not tok.text.isupper():
            i += 1
        elif read == MAX_NUMBERS_PER_SENTENCE:
            unread_from = tok.start
            break
        else:
            read += 1
            i = _read_number(lx, ctx, i)
    claims = sorted(ctx.claims, key=lambda c: c.start)
    claims = link_changes(view, link_conversions(lx, view, claims))
    # Context words matter only for one-word entities (see compare._same_predicate).
    starts = None
    for c in claims:
        if c.unit not in ("date", "time", "ordinal") and len(c.entity.split()) <= 1:
            starts = starts or [t.start for t in tokens]
            c.context = words.around(tokens, starts, c)  # (the claims are this sentence's, made above)
    return SentenceClaims(claims, ctx.previous[len(previous):], unread_from)
