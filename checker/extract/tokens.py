"""Shapes of words and tokens the steps ask about: plurals, participles, capitals, sentence starts,
headlines in title case, idioms ("at one point"), statistics ("n=", "p<"), plural nouns."""

from __future__ import annotations

from ..normalize import singular
from ..numbers import Token
from .lexicon import Lexicon


def is_plural(w: str) -> bool:
    return w in ("people", "police", "staff", "personnel", "children", "men", "women") or \
        (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and singular(w) != w)


def is_verbish(lx: Lexicon, tokens: list[Token], k: int) -> bool:
    w = tokens[k].lower
    if w in lx.rules.grammar.nouns_ending_ed_ing:
        return False
    return (w.endswith("ed") and len(w) > 4) or (w.endswith("ing") and len(w) > 5)


def capitals_at(tokens: list[Token], k: int) -> bool:
    """Token k is a word in capitals of two letters or more ("MAX", "NATO", "US")."""
    return k < len(tokens) and tokens[k].kind == "word" and len(tokens[k].text) > 1 and tokens[k].text.isupper()


def at_sentence_start(tokens: list[Token], i: int) -> bool:
    k = i - 1
    while k >= 0 and tokens[k].kind == "sym" and tokens[k].text in "\"“”'‘’([":
        k -= 1
    return k < 0 or (tokens[k].kind == "sym" and tokens[k].text in ".!?…>:;—–-")


def title_case(tokens: list[Token]) -> bool:
    """A headline in title case ("FTSE 100 Closes at Record 8,445 as Miners Rally"): there a
    capitalized word before a number is no sign of a name. Only asked when a capitalized word
    stands right before a number, so not worth caching per sentence."""
    long_words = [t.text for t in tokens if t.kind == "word" and len(t.text) > 3]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.8 * len(long_words)


def in_idiom(lx: Lexicon, tokens: list[Token], i: int) -> bool:
    """Token i is the number word of an idiom of rules/grammar.yaml (number_idioms)."""
    w = tokens[i].lower
    for idiom in lx.rules.grammar.number_idioms:
        for pos, word in enumerate(idiom):
            if word != w or i - pos < 0 or i - pos + len(idiom) > len(tokens):
                continue
            if all(tokens[i - pos + k].lower == idiom[k] for k in range(len(idiom))):
                return True
    return False


def statistic_before(lx: Lexicon, tokens: list[Token], k: int) -> str:
    """The statistic a bare number at token k reports (rules/grammar.yaml statistics):
    "n=1,204", "p<0.001", "95% CI 1.32-2.11", "95% CI, 0.74 to 0.91", "HR 0.77"."""
    stats = lx.rules.grammar.statistics
    signs = ("=", "<", ">", "≤", "≥")
    if k >= 2 and tokens[k - 1].text in signs and tokens[k - 2].text in stats:
        return stats[tokens[k - 2].text]
    if 1 <= k < len(tokens) and tokens[k].text in signs and tokens[k - 1].text in stats:
        return stats[tokens[k - 1].text]  # "p<0.001": k is the sign, read as the qualifier
    j = k - 2 if k >= 2 and tokens[k - 1].text in (",", ":") else k - 1
    if j >= 0 and len(tokens[j].text) > 1 and tokens[j].text in stats:
        return stats[tokens[j].text]
    return ""


def plural_noun_at(lx: Lexicon, tokens: list[Token], k: int) -> bool:
    """'2m users', '6.1m people': a plural noun (not a unit) stands at k."""
    if k >= len(tokens) or tokens[k].kind != "word" or tokens[k].glued:
        return False
    w = tokens[k].lower
    if w in lx.rules.grammar.stop_words or (w,) in lx.rules.units.measure_words:
        return False
    return singular(w) != w or w in ("people", "police", "staff", "personnel")
