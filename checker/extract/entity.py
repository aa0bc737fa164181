"""What a number counts: the noun phrase after it ("83 foreign companies", "thousands of
soldiers", "$2 million in damages", "52% of voters"), a statistic's name ("n=9,412"), or, with no
noun after it, the subject it is said of ("the death toll rose to 24") or the earlier count it
refers back to ("that number is 82")."""

from __future__ import annotations

from ..numbers import HYPHENS, Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .patterns import DURATIONS
from .phrases import np_after, np_before
from .qualifiers import qualifier_after
from .tokens import is_plural, statistic_before


def _of_whole(lx: Lexicon, ctx: SentenceContext, d: Draft, k: int) -> int:
    """"thousands of soldiers", "a third of the votes", "nine of the 12 jurors": where the counted
    noun phrase starts after "of" at token k (k itself when it does not)."""
    tokens, n = ctx.tokens, d.n
    k2 = k + 1
    while k2 < n and tokens[k2].lower in lx.rules.grammar.determiners:
        k2 += 1
    total = lx.grammar.parse_at(tokens, k2) if k2 < n and not ctx.blocked[k2] else None
    if total is not None and d.unit is None:
        k2 = total.j
    if d.kind in ("vague", "fraction") or total is not None or d.phrase.kind == "fraction":
        return k2
    return k


def _money_kind(lx: Lexicon, tokens: list[Token], k: int) -> bool:
    """"$2 million in damages", "$281 million in cash", "$5 billion of bonds": the money's kind
    follows at k + 1. Not "in the first quarter", "in Texas", "in total", "in March"."""
    r = lx.rules
    return k + 1 < len(tokens) and tokens[k].lower in ("in", "of") \
        and tokens[k + 1].kind == "word" and not tokens[k + 1].text[:1].isupper() \
        and tokens[k + 1].lower not in r.grammar.determiners and tokens[k + 1].lower not in r.grammar.stop_words \
        and tokens[k + 1].lower not in r.grammar.calendar_words


def counted(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """The noun phrase after a count, an amount of money, an age, a fraction or a vague amount."""
    d.anaphor = d.subject = False
    if not (d.unit is None or d.unit in lx.money or d.unit in ("age", "fraction") or d.kind == "vague"):
        return None
    tokens, n = ctx.tokens, d.n
    k = d.end_tok
    if k + 1 < n and tokens[k].text in HYPHENS and tokens[k].glued and tokens[k + 1].glued \
            and tokens[k + 1].kind == "word" and d.unit is None:
        # "a 3,000-strong contingent", "a 2,800-word statement", "a 1.5 million-share block"
        if tokens[k + 1].lower not in lx.rules.grammar.strength_words:
            # "a 41-yard catch", "a 2,800-word statement": the glued noun is what is counted
            d.entity = d.entity or tokens[k + 1].lower
        k += 2  # (after "a 3,000-strong" what follows is counted)
    if not d.entity and k < n and tokens[k].lower == "of":
        k = _of_whole(lx, ctx, d, k)
    if not d.entity and d.unit in lx.money and _money_kind(lx, tokens, k):
        d.entity = np_after(lx, tokens, k + 1)[0]
    if not d.entity and k < n:
        d.entity, np_end = np_after(lx, tokens, k)
        if d.entity and d.qualifier is None:
            d.qualifier, d.end_tok = qualifier_after(lx, tokens, np_end, d.end_tok)  # "300 yards or more"
    return None


def share_of(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"55 percent of voice traffic", "52% of voters": the whole the share is of."""
    tokens, end_tok, n = ctx.tokens, d.end_tok, d.n
    if not d.entity and d.unit == "percent" and end_tok + 1 < n and tokens[end_tok].lower == "of":
        k2 = end_tok + 1
        while k2 < n and tokens[k2].lower in lx.rules.grammar.determiners:
            k2 += 1
        if k2 < n and tokens[k2].kind == "word" and not tokens[k2].text[:1].isupper():
            d.entity = np_after(lx, tokens, k2)[0]
    return None


def ones(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"83 countries, including 41 high-level ones": "ones" stands for the first plural noun of
    the sentence ("Military delegations from ...")."""
    entity = d.entity
    if entity and entity.split()[-1] in ("ones", "one") and len(entity.split()) > 1:
        for t in ctx.tokens[:d.start_tok]:
            if t.kind == "word" and is_plural(t.lower) and t.lower not in ("ones",):
                d.entity = " ".join(entity.split()[:-1] + [t.lower])
                break
    return None


def statistic(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    if not d.entity and d.unit is None:
        # "n=9,412", "p=0.003", "95% CI 0.61 to 0.85": a statistic's value
        d.entity = statistic_before(lx, ctx.tokens, d.q0())
    return None


def subject(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """The subject said to have the number ("the death toll rose to 24"), or the latest count
    before an anaphor ("that number is 82")."""
    tokens, end_tok = ctx.tokens, d.end_tok
    relative_time = d.unit in DURATIONS and end_tok < d.n and tokens[end_tok].lower in lx.rules.grammar.relative_time_words
    if d.entity or d.unit in ("date", "time") or relative_time:
        return None  # ("four days earlier", "three weeks ago" place an event in time: no subject has them)
    np, anaphor = np_before(lx, tokens, d.q0())
    if anaphor:
        # "that number is 82": what the latest count before it counted
        for c in reversed(ctx.claims + ctx.previous):
            if c.unit == "count" and c.entity and not c.anaphor:
                d.entity = c.entity
                break
        d.anaphor = bool(d.entity)
    elif np:
        d.entity, d.subject = np, True
    return None
