"""Noun phrases around a number: the phrase after it that it counts ("83 foreign companies"), and
the subject before it that it is said of ("the death toll rose to 24")."""

from __future__ import annotations

from ..numbers import HYPHENS, Token
from .lexicon import Lexicon
from .patterns import DOUBLE_QUOTES, QUOTES
from .tokens import capitals_at, is_plural, is_verbish


def _quote_in_phrase(tokens: list[Token], k: int, words: list[str]) -> bool:
    """'two "ghost" ships', 'three "aerials," ladders': token k is a quote around a word of the
    phrase (a closing single quote may be a plural possessive: "the two finalists' fans")."""
    t = tokens[k]
    return t.kind == "sym" and t.text in QUOTES and k + 1 < len(tokens) and tokens[k + 1].kind == "word" and (
        not words and not t.glued and tokens[k + 1].glued
        or words and t.text in DOUBLE_QUOTES and t.glued and not tokens[k + 1].glued)


def _joins_nouns(lx: Lexicon, tokens: list[Token], k: int, words: list[str]) -> bool:
    """"enterprises and organizations", "soldiers and officers": the "and" at token k joins two
    nouns of one phrase."""
    r = lx.rules
    n = len(tokens)
    nxt = tokens[k + 1].lower
    after = tokens[k + 2].lower if k + 2 < n and tokens[k + 2].kind == "word" else ""
    nouny = not is_plural(words[-1]) or (is_plural(nxt) and after not in r.grammar.determiners
                                         and after not in ("a", "an")) or is_plural(after)
    return nouny and nxt not in r.grammar.stop_words and not is_verbish(lx, tokens, k + 1) \
        and not lx.grammar.is_number_word(nxt) and not tokens[k + 1].text[:1].isupper()


def _ends_phrase(lx: Lexicon, tokens: list[Token], k: int) -> bool:
    """A stop word (but "12 US troops", "40 IT workers": capitals are a name, not "us", "it"), a
    calendar word, a number word or a plural scale at token k ends the phrase."""
    r = lx.rules
    w = tokens[k].lower
    return w in r.grammar.stop_words and not (capitals_at(tokens, k) and k + 1 < len(tokens)
                                      and tokens[k + 1].kind == "word" and not tokens[k + 1].text.isupper()) \
        or w in r.grammar.calendar_words or lx.grammar.is_number_word(w) or w in r.numbers.plural_scales


def _participle(lx: Lexicon, tokens: list[Token], k: int, words: list[str]) -> tuple[bool, bool]:
    """A participle at token k: (take it as a word of the phrase, go on after it)."""
    r = lx.rules
    if not words and k + 1 < len(tokens) and tokens[k + 1].kind == "word" and tokens[k + 1].lower not in r.grammar.stop_words \
            and not is_verbish(lx, tokens, k + 1):
        return True, True  # "armed men", "missing people": a participle before another noun-phrase word
    # "24 dead", "12 injured": the participle is what is counted
    return not words and tokens[k].lower in r.grammar.participle_counts, False


def np_after(lx: Lexicon, tokens: list[Token], j: int, max_words: int = 6) -> tuple[str, int]:
    """The noun phrase starting at token j: words up to a stop word, punctuation or verb."""
    r = lx.rules
    n = len(tokens)
    words: list[str] = []
    k = j
    joined_and = False
    while k < n and len(words) < max_words:
        t = tokens[k]
        if _quote_in_phrase(tokens, k, words):
            k += 1
            continue
        if t.kind == "sym" and t.text in HYPHENS and t.glued and words and k + 1 < n and tokens[k + 1].glued \
                and tokens[k + 1].kind == "word":
            words[-1] = words[-1] + "-" + tokens[k + 1].lower
            k += 2
            continue
        if t.kind != "word":
            break
        w = t.lower
        if w == "and" and words and not joined_and and k + 1 < n and tokens[k + 1].kind == "word":
            if not _joins_nouns(lx, tokens, k, words):
                break
            words.append("and")
            joined_and = True
            k += 1
            continue
        if not words and w in r.grammar.np_lead_modifiers and k + 1 < n and tokens[k + 1].kind == "word" \
                and tokens[k + 1].lower not in r.grammar.stop_words and not tokens[k + 1].text[:1].isupper():
            k += 1  # "two earlier legal opinions", "four later reports": the noun phrase follows
            continue
        if _ends_phrase(lx, tokens, k):
            break
        if is_verbish(lx, tokens, k):
            take, go_on = _participle(lx, tokens, k, words)
            if take:
                words.append(w)
                k += 1
            if go_on:
                continue
            break
        words.append(w)
        k += 1
        # "83 foreign companies exhibit ...", "12 ships sank": a plural noun ends the phrase
        if is_plural(w) and k < n and tokens[k].kind == "word" and tokens[k].lower not in ("and", "of"):
            break
    if words and words[-1] == "and":
        words.pop()
    return " ".join(words), k


def np_before(lx: Lexicon, tokens: list[Token], i: int) -> tuple[str, bool]:
    """Subject said to have the number: 'the death toll rose to 24' -> 'death toll'.
    Returns (phrase, is_anaphor)."""
    r = lx.rules
    k = i - 1
    skipped = 0
    linked = False  # a verb stands between the subject and the number ("was", "rose to")
    if k >= 0 and tokens[k].lower in ("and", "or"):
        return "", False  # "52 percent in Egypt and 82 percent in India": a list item, no subject here
    # skip the verb group and prepositions between subject and number
    while k >= 0 and skipped < 6:
        t = tokens[k]
        if t.kind != "word":
            if t.text in ("$", "€", "£") or (t.text in "-–" and skipped == 0):
                k -= 1
                continue
            return "", False
        w = t.lower
        verb = w in r.grammar.link_verbs or w in r.qualifiers.change_words or is_verbish(lx, tokens, k) \
            or w.endswith("s") and w[:-1] in r.qualifiers.change_words
        if verb or w in r.grammar.stop_words or w in lx.qualifier_words:
            # an anaphor ("that number is 82") is a noun even though "number" is not a stop word
            linked = linked or verb
            k -= 1
            skipped += 1
            continue
        break
    words, k = head_words(lx, tokens, k)
    if not words:
        return "", False
    m = k if linked else -1
    while m >= 1 and k - m < 5 and tokens[m].kind == "word" and (
            tokens[m].lower in ("the", "a", "an", "its", "their", "this", "that")
            or tokens[m].text[:1].isupper() and tokens[m].lower not in r.grammar.stop_words):
        m -= 1  # "in the city", "to the Wasilla Bible Church"
    if m >= 1 and tokens[m].kind == "word" and tokens[m].lower in r.grammar.subject_prepositions:
        # "Damage to the church was estimated at $1 million", "the death toll in the city rose
        # to 24": the subject is the noun before the preposition, not its complement (only
        # across a verb: in "struck at a depth of 10 km" the number is the depth's)
        head, before = head_words(lx, tokens, m - 1)
        if head:
            words, k = head, before
    phrase = " ".join(words)
    prev_word = tokens[k].lower if k >= 0 and tokens[k].kind == "word" else ""
    is_anaphor = len(words) == 1 and words[0] in r.grammar.anaphors and prev_word in ("that", "the", "this", "its")
    return phrase, is_anaphor


def head_words(lx: Lexicon, tokens: list[Token], k: int) -> tuple[list[str], int]:
    """The noun phrase (at most four words) ending at token k, read backwards: its words in
    order and the index of the token before it."""
    r = lx.rules
    words = []
    while k >= 0 and len(words) < 4:
        t = tokens[k]
        if t.kind != "word":
            break
        w = t.lower
        if w in r.grammar.stop_words or w in r.qualifiers.change_words or is_verbish(lx, tokens, k) \
                or w in r.grammar.calendar_words \
                or lx.grammar.is_number_word(w) or w in r.numbers.plural_scales:
            break
        if t.text[:1].isupper() and words:
            break
        words.append(w)
        k -= 1
    words.reverse()
    return words, k
