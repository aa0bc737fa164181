"""Tallies: votes ("the court ruled 6-3": two counts of votes), scores ("won 3-1") and names like
"9/11", whose numbers are no amounts on their own."""

from __future__ import annotations

from ..models import Claim
from ..numbers import HYPHENS, Token
from .draft import SentenceContext
from .lexicon import Lexicon


def is_vote(lx: Lexicon, tokens: list[Token], i: int) -> bool:
    """'voted 6-3', 'a 52-48 vote', 'passed 310-118': two numbers joined by a hyphen that tally votes
    (rules/grammar.yaml: vote_words, within three words before or right after)."""
    n = len(tokens)
    if not (i + 2 < n and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued and tokens[i + 2].kind == "num"
            and tokens[i + 2].glued and tokens[i].text.isdigit() and tokens[i + 2].text.isdigit()):
        return False
    if i + 3 < n and tokens[i + 3].glued and tokens[i + 3].text in HYPHENS | {"/"}:
        return False  # "9-1-1", "2-1/2"
    around = [t.lower for t in tokens[max(0, i - 3):i]] + [tokens[i + 3].lower if i + 3 < n else ""]
    if any(w in lx.rules.grammar.vote_words for w in around):
        return True
    # "The Senate passed the $1.2 trillion spending package 74-24": a voting body earlier in
    # the sentence, and no word of a game
    earlier = {t.lower for t in tokens[:i]}
    return bool(earlier & lx.rules.grammar.vote_bodies) and not (earlier & lx.rules.grammar.score_words)


def is_score(lx: Lexicon, tokens: list[Token], i: int, j: int) -> bool:
    """'won 3-1', '2-2', '102-99': two numbers joined by a hyphen that are a result."""
    r = lx.rules
    n = len(tokens)
    if not (j + 1 < n and tokens[j].text in HYPHENS and tokens[j].glued and tokens[j + 1].kind == "num"
            and tokens[j + 1].glued):
        return False
    a, b = tokens[i].text, tokens[j + 1].text
    if not (a.isdigit() and b.isdigit()):
        return False
    if j + 2 < n and tokens[j + 2].text == "/" and tokens[j + 2].glued:
        return False  # "2-1/2 years": a whole number and a fraction
    if int(a) >= int(b):
        return True
    if i > 0 and tokens[i - 1].lower == "the" and j + 2 < n and tokens[j + 2].kind == "word" \
            and tokens[j + 2].text[:1].isupper():
        return True  # "the 0-14 Lions", "the 2-13 Chiefs": a team's record
    window = [t.lower for t in tokens[max(0, i - 6):min(n, j + 6)] if t.kind == "word"]
    return any(w in r.grammar.score_words for w in window)


def _vote_claims(tokens: list[Token], k: int) -> list[Claim]:
    """"the court ruled 6-3", "the Senate voted 52-48": a tally, two counts of votes."""
    a, b = int(tokens[k].text), int(tokens[k + 2].text)
    claims = []
    for t, side in ((tokens[k], a >= b), (tokens[k + 2], b > a)):
        v = float(t.text)
        claims.append(Claim(t.start, t.end, v, v, v, "=", "count",
                            entity="majority votes" if side else "minority votes"))
    return claims


def read_tallies(lx: Lexicon, ctx: SentenceContext) -> None:
    """Scores ("won 3-1", "the 2-2 draw", "122-119"): both numbers are results, not amounts; votes
    are two counts; "9/11", "24/7" are names. Their three tokens are blocked."""
    tokens, blocked = ctx.tokens, ctx.blocked
    for k in range(len(tokens) - 2):
        if tokens[k].kind == "num" and not blocked[k] and is_vote(lx, tokens, k):
            for claim in _vote_claims(tokens, k):
                ctx.add(claim)
            ctx.block(k, k + 3)
        elif tokens[k].kind == "num" and not blocked[k] and is_score(lx, tokens, k, k + 1):
            ctx.block(k, k + 3)
        elif tokens[k].kind == "num" and tokens[k + 1].text == "/" and tokens[k + 1].glued \
                and tokens[k + 2].kind == "num" and tokens[k + 2].glued \
                and lx.grammar.parse_at(tokens, k) is None:
            # "9/11", "24/7": a name, neither of its numbers an amount ("1/2" parses as a fraction)
            ctx.block(k, k + 3)
