"""Ages: "a 58-year-old", "42 years old", "John Smith, 42,", "At 55, he ...", "dies at 75",
"children under 16": the helpers and the steps that make a claim an age."""

from __future__ import annotations

from ..normalize import singular
from ..numbers import HYPHENS, Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon


def apposed_age_of(lx: Lexicon, tokens, start_tok, end_tok, value) -> int | None:
    """'John Smith, 42, was arrested', 'the suspect, 29,': an age in apposition. Returns the
    index of the word it is the age of, or None."""
    n = len(tokens)
    if value is None or not (0 < value < 120 and float(value).is_integer()):
        return None
    if start_tok >= 1 and tokens[start_tok - 1].lower in ("at", "then", "now", "aged") and end_tok < n \
            and tokens[end_tok].text == "," and 10 <= value <= 110 \
            and (start_tok == 1 or tokens[start_tok - 2].text in ".:;\"“(") \
            and end_tok + 1 < n and tokens[end_tok + 1].kind == "word" \
            and (tokens[end_tok + 1].lower in ("he", "she") or tokens[end_tok + 1].text[:1].isupper()):
        return end_tok + 1  # "At 55, he is ...", "Then 67, Felt celebrated ...": the age of the subject
    if start_tok >= 1 and tokens[start_tok - 1].lower in ("turns", "turned") and 1 <= value <= 110 \
            and (end_tok >= n or tokens[end_tok].kind != "word"
                 or tokens[end_tok].lower in ("on", "in", "this", "next", "last", "when", "and")):
        return age_subject(lx, tokens, start_tok - 1)  # "Teixeira, who turns 29 on April 11"
    if start_tok >= 2 and tokens[start_tok - 1].lower == "at" \
            and tokens[start_tok - 2].lower in ("died", "dies", "dead", "death") and 1 <= value <= 120 \
            and (end_tok >= n or tokens[end_tok].kind != "word"
                 or tokens[end_tok].lower in ("on", "in", "after", "of", "from")):
        return age_subject(lx, tokens, start_tok - 2)  # "Fred LaRue dies at 75", "died at 75 of cancer"
    if start_tok >= 2 and tokens[start_tok - 1].lower in ("was", "is", "turned", "turns") \
            and tokens[start_tok - 2].lower in ("he", "she") \
            and (end_tok >= n or tokens[end_tok].text in ".,;)" or tokens[end_tok].lower in ("when", "at")):
        return start_tok - 2  # "He was 95.", "when she was 14,": the age of the person
    if start_tok < 2 or tokens[start_tok - 1].text != "," or value is None:
        return None
    pair = end_tok + 2 < n and tokens[end_tok].lower in ("and", "or") and tokens[end_tok + 1].kind == "num" \
        and (end_tok + 2 == n or tokens[end_tok + 2].text in ",).")  # "the two girls, 12 and 15,"
    if end_tok < n and tokens[end_tok].text not in ",)" and not pair and not (
            tokens[end_tok].text == "." and end_tok + 1 == n):
        return None  # "..., said farmer Joseph Banda, 54." ends the sentence
    k = start_tok - 2
    if k > 0 and tokens[k].text == "." and tokens[k].glued and tokens[k - 1].lower in ("jr", "sr"):
        k -= 2  # "Arcade Joseph Comeaux Jr., 49,": the age of Comeaux
    prev = tokens[k]
    if prev.kind == "word" and (prev.text[:1].isupper() and prev.lower not in lx.rules.grammar.stop_words and not pair
                                or singular(prev.lower) in lx.rules.grammar.person_nouns):
        return k
    return None


def age_subject(lx: Lexicon, tokens: list[Token], verb: int) -> int:
    """The person an age verb speaks of ("Teixeira, who turns 29", "Fred LaRue dies at 75"):
    the last word of the name or person noun just before it, else the verb itself."""
    k = verb - 1
    while k >= 0 and (tokens[k].lower in ("who", "has", "had", "will", "would", "just") or tokens[k].text == ","):
        k -= 1
    if k >= 0 and tokens[k].kind == "word" and (
            tokens[k].text[:1].isupper() or singular(tokens[k].lower) in lx.rules.grammar.person_nouns):
        return k
    return verb


# ------------------------------------------------------------------ steps
def age(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    tokens, end_tok, n = ctx.tokens, d.end_tok, d.n
    if d.unit == "year" and end_tok < n and tokens[end_tok].lower == "old":
        d.unit, d.end_tok = "age", end_tok + 1
    elif d.unit == "year" and end_tok + 1 < n and tokens[end_tok].text in HYPHENS \
            and tokens[end_tok + 1].lower in ("old", "olds"):  # "a 58-year-old", "16-year-olds"
        d.unit, d.end_tok = "age", end_tok + 2
    person = apposed_age_of(lx, tokens, d.start_tok, d.end_tok, d.value) if d.unit is None else None
    if person is not None:
        d.unit = "age"
        d.entity = tokens[person].lower
    return None


def age_bound(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"children under 16", "physicians under 40": a bound said of persons is an age."""
    value = d.value
    if d.unit == "count" and d.subject and d.qualifier in ("<", "<=", ">", ">=") and d.q_start > 0 \
            and singular(ctx.tokens[d.q_start - 1].lower) in lx.rules.grammar.person_nouns \
            and value is not None and float(value).is_integer() and 0 < value < 120:
        d.unit = "age"
    return None
