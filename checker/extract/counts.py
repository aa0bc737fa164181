"""Counts: a number with no other unit counts something. The steps that settle the unit "count"
(or a quake's magnitude), reject counts that are no claims (pronoun "one", bare debris, a
record "9-14") and find what a bare count counts from its neighbours."""

from __future__ import annotations

from ..models import Claim
from ..numbers import HYPHENS
from .draft import Draft, Rejection, SentenceContext
from .lexicon import Lexicon
from .phrases import np_after
from .tokens import capitals_at, in_idiom, is_plural


def is_claim_count(lx: Lexicon, tokens, phrase, start_tok, end_tok, entity, subject, qualifier, kind,
                    prev_word, sentence_claims) -> bool:
    """Is a count a claim? Rules out pronoun 'one', bare debris, and the like."""
    r = lx.rules
    n = len(tokens)
    tok = tokens[phrase.i]
    # "one of the suspects", "no one", "the one": a pronoun, not a count
    if phrase.words and phrase.value == 1 and not phrase.scaled:
        nxt = tokens[end_tok].lower if end_tok < n else ""
        if nxt in ("of", "another", "day", "time", "way") or prev_word in ("no", "the", "every", "any", "each",
                                                                              "some", "which", "this", "that"):
            return False
        if in_idiom(lx, tokens, phrase.i):
            return False  # "at one point", "for one thing", "one by one"
        if subject or not entity:
            return False
    if tok.kind == "word" and tok.lower in ("a", "an") and not phrase.scaled and phrase.kind != "vague":
        return False  # "a few movie credits" is a vague count; "a" alone is not
    if entity and entity.split()[0] in r.grammar.street_words:
        return False
    if entity:
        return not (subject and entity in lx.grammar.number_words)
    # A bare number: a claim when it is said of something ("rose to 24", "from about 85,000
    # now", "several hundred more"), debris when it stands alone between punctuation
    # ("Sputnik Africa, 1920, 15.08.2023", a stray "0" on a line).
    if kind == "vague" or phrase.scaled or qualifier is not None:
        return True
    before = tokens[start_tok - 1] if start_tok > 0 else None
    after = tokens[end_tok] if end_tok < n else None
    def wordy(t):
        return t is not None and t.kind == "word" and t.text[:1].islower()
    return wordy(before) or wordy(after)


def list_partner(lx: Lexicon, tokens, start_tok, sentence_claims) -> Claim | None:
    """'aged 4, 7 and 9': a bare number continuing a list takes the unit and entity of the
    claim just before it."""
    if start_tok == 0 or not sentence_claims:
        return None
    sep = tokens[start_tok - 1]
    if not (sep.text == "," or sep.lower in ("and", "or")):
        return None
    last = sentence_claims[-1]
    k = start_tok - 1
    while k > 0 and (tokens[k].text == "," or tokens[k].lower in ("and", "or")):
        k -= 1
    if tokens[k].end == last.end and last.unit != "count":
        return last
    return None


# ------------------------------------------------------------------ steps
def count_unit(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    if d.unit is None:
        d.unit = "count"
    value, entity = d.value, d.entity
    if d.unit == "count" and value is not None and 0 < value < 10 \
            and (not float(value).is_integer() or "." in d.tok.text) and entity \
            and any(w in lx.rules.grammar.magnitude_nouns for w in entity.split()[:2]) and is_plural(entity.split()[0]) is False:
        d.unit = "magnitude"  # "a 4.4 earthquake", "the 2.9 aftershock", "3.0 or above" said of a quake
    return None


def reject_counts(lx: Lexicon, ctx: SentenceContext, d: Draft) -> Rejection | None:
    if d.unit != "count":
        return None
    tokens, i = ctx.tokens, d.i
    if d.kind == "range" and (d.subject or not d.entity):
        # "a record of 9-14", "wound up at 40-42": no amount of anything
        if i + 1 < d.n and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued:
            return Rejection("record", block=(i, d.end_tok))  # "9-14": nor is its second end an amount on its own
        return Rejection("record")
    if not is_claim_count(lx, tokens, d.phrase, d.start_tok, d.end_tok, d.entity, d.subject,
                          d.qualifier, d.kind, d.prev_word, ctx.claims):
        return Rejection("not a count")
    return None


def _elliptical(claims: list) -> str:
    """"Three people died and two dozen were injured", "1,200 homes were destroyed and hundreds
    more damaged": an elliptical count of what the clause before counted."""
    for c in reversed(claims):
        if c.unit == "count" and c.entity:
            return c.entity
    return ""


def count_neighbours(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """What a count with no noun after it counts, read from the tokens and claims around it."""
    tokens, end_tok, n = ctx.tokens, d.end_tok, d.n
    if d.unit != "count" or d.entity:
        return None
    if end_tok + 4 < n and tokens[end_tok].kind == "num" \
            and [t.lower for t in tokens[end_tok + 1:end_tok + 5]] == ["-", "year", "-", "olds"]:
        d.entity = tokens[end_tok].text + "-year-olds"  # "two 16-year-olds": teenagers are counted
    if not d.entity and end_tok + 1 < n and tokens[end_tok].kind == "num" \
            and not tokens[end_tok].glued and capitals_at(tokens, end_tok + 1):
        model = np_after(lx, tokens, end_tok + 1)[0]
        d.entity = f"{tokens[end_tok].text} {model}" if model else ""  # "27 737 MAX jets": 737 max jets
    if not d.entity and not (end_tok < n and tokens[end_tok].kind == "num"):
        listed = list_partner(lx, tokens, d.start_tok, ctx.claims)
        if listed is not None:
            d.unit, d.entity = listed.unit, listed.entity
    if d.unit == "count" and not d.entity:
        q0 = d.q0()
        if q0 > 0 and tokens[q0 - 1].lower in ("and", "or"):
            d.entity = _elliptical(ctx.claims)
    return None
