"""Numbers that are years or ages by decade, read before anything else: "in 2004", "the 2022
season", "in 1994, 1996 and 2002", "nineteen fifty-three" (dates), "in her early 30s" (an age)."""

from __future__ import annotations

from ..models import Claim
from ..normalize import singular
from ..numbers import HYPHENS, NumberPhrase, Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon
from .patterns import YEAR_LIKE
from .phrases import np_after

_TENS = frozenset(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))


def year_claim(lx: Lexicon, tokens: list[Token], phrase: NumberPhrase) -> Claim | None:
    """'in 2004', 'by 2100', 'the 2022 season': a four-digit year is a date, not a count."""
    i, j = phrase.i, phrase.j
    tok = tokens[i]
    if tok.kind != "num" or j != i + 1 or not YEAR_LIKE.fullmatch(tok.text):
        return None
    prev = tokens[i - 1].lower if i > 0 else ""
    nxt = tokens[j] if j < len(tokens) else None
    # "her 1999 role", "a silver 2007 Ford Fusion", "the 2010 season": a year as a modifier
    modifier = nxt is not None and nxt.kind == "word" and not nxt.glued and nxt.lower not in lx.rules.grammar.stop_words \
        and (nxt.text[:1].isupper() or singular(nxt.lower) == nxt.lower and not nxt.lower.endswith("s")
             and nxt.lower not in ("people", "police", "staff"))
    if nxt is not None and nxt.kind == "word" and not nxt.glued and prev in ("a", "an") \
            and nxt.lower not in lx.rules.grammar.stop_words:
        modifier = True  # "a 2008 police raid": no count takes "a"
    if modifier and (prev,) not in lx.rules.qualifiers.qualifiers_before:
        return Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                      year=int(tok.text), iso=tok.text)
    if in_year_list(tokens, i) or (
            nxt is not None and nxt.glued and nxt.lower in ("'s", "’s", "'", "’")):
        # "in 1994, 1996 and 2002"; "2008's sexiest man": a year
        return Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                      year=int(tok.text), iso=tok.text)
    if prev in lx.rules.grammar.year_words or prev.endswith(("'s", "’s")) \
            or (i > 0 and (tokens[i - 1].text in HYPHENS or tokens[i - 1].text == "/")):  # "05 / 03 / 2013"
        if not ((prev,) in lx.rules.qualifiers.qualifiers_before and np_after(lx, tokens, j)[0]):
            return Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                          year=int(tok.text), iso=tok.text)
    return None


def in_year_list(tokens: list[Token], i: int) -> bool:
    """'in 1994, 1996, 1999 and 2002': a number from 1900 to 2099 listed next to another is a year."""
    def year_at(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].kind == "num" and len(tokens[k].text) == 4 \
            and tokens[k].text[:2] in ("19", "20")
    if not year_at(i):
        return False
    for step in (-1, 1):
        k = i + step
        joiners = 0
        while 0 <= k < len(tokens) and joiners < 2 and (tokens[k].text == "," or tokens[k].lower in ("and", "or", "&")):
            k += step  # ", ", " and ", ", and "
            joiners += 1
        if joiners and year_at(k):
            return True
    return False


def year_in_words(lx: Lexicon, tokens: list[Token], phrase: NumberPhrase) -> Claim | None:
    """'Nineteen fifty-three', 'twenty twenty-four': a year said in words, a date."""
    j = phrase.j
    if not (phrase.words and phrase.value in (18, 19, 20) and j < len(tokens)
            and tokens[j].lower in _TENS):
        return None
    rest = lx.grammar.parse_at(tokens, j)
    if rest is None or rest.value is None or not 10 <= rest.value <= 99 or rest.scaled:
        return None
    year = int(phrase.value) * 100 + int(rest.value)
    end = tokens[rest.j - 1].end
    return Claim(tokens[phrase.i].start, end, None, None, None, "=", "date", kind="date",
                  year=year, iso=str(year), next_token=rest.j)


def decade_age(lx: Lexicon, tokens: list[Token], phrase: NumberPhrase) -> Claim | None:
    """'in her 60s', 'in his early 30s': an age given by decade, as a range."""
    i, j = phrase.i, phrase.j
    if not (tokens[i].kind == "num" and j < len(tokens) and tokens[j].glued and tokens[j].lower == "s"):
        return None
    value = phrase.value or 0
    if not (10 <= value <= 90 and value % 10 == 0):
        return None
    prev = tokens[i - 1].lower if i > 0 else ""
    if prev not in ("her", "his", "their", "early", "mid", "late"):
        return None
    low, high = {"early": (value, value + 3), "mid": (value + 3, value + 6),
                 "late": (value + 7, value + 9)}.get(prev, (value, value + 9))
    first = tokens[i - 1] if prev in ("early", "mid", "late") else tokens[i]
    return Claim(first.start, tokens[j].end, None, low, high, "vague", "age", kind="vague",
                  next_token=j + 1)


# ------------------------------------------------------------------ steps
def decade_or_spoken_year(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Claim | None:
    return decade_age(lx, ctx.tokens, d.phrase) or year_in_words(lx, ctx.tokens, d.phrase)


def year(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Claim | None:
    return year_claim(lx, ctx.tokens, d.phrase)
