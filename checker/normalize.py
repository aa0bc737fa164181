"""Canonical keys for counted noun phrases: lower case, singular head, aliases applied."""

from __future__ import annotations

import functools
import re

_IRREGULAR = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff",
    "data": "data", "media": "media", "criteria": "criterion", "personnel": "personnel",
    "series": "series", "species": "species", "news": "news", "aircraft": "aircraft",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "indices": "index",
    "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half",
    "thieves": "thief", "wolves": "wolf", "shelves": "shelf", "fish": "fish", "sheep": "sheep",
    "deer": "deer", "troops": "troop", "arms": "arms", "headquarters": "headquarters",
    "dead": "dead", "injured": "injured", "wounded": "wounded", "missing": "missing",
}
_NO_STRIP = ("ss", "us", "is", "os", "ics")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def _noun_lemma(word: str) -> str:
    """lemminflect's lemma of a plural noun (its dictionary ships in the wheel; measured 58/59
    plurals of news copy right against 42/59 for the suffix rules below, which it now precedes).
    Imported on first use: loading its tables takes about 0.7 s."""
    from lemminflect import getAllLemmas

    # its dictionary only: its rules for unknown words strip names ("louis" -> "loui")
    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN")
    return lemmas[0] if lemmas else word


@functools.lru_cache(maxsize=None)
def singular(word: str) -> str:
    """English singular of a lower-case word; conservative (unknown shapes stay as they are).

    Memoized: a pure function of one word, called for most words of every sentence that holds a
    number, and the cache grows only with the vocabulary."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s"):
        return word
    lemma = _noun_lemma(word) if "'" not in word else word  # not a possessive ("ortiz's")
    if lemma != word:
        return lemma  # "buses" -> "bus", "heroes" -> "hero", "diagnoses" -> "diagnosis"
    if word.endswith(_NO_STRIP):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def normalize_phrase(phrase: str, ignored: set[str] | frozenset = frozenset()) -> str:
    """'Some 83 Foreign Companies' -> 'foreign company' (leading filler words dropped)."""
    words = _WORD.findall(phrase.lower().replace("’", "'"))
    while words and words[0] in ignored:
        words.pop(0)
    if not words:
        return ""
    # The head is the last word before "of"/"and" ("samples of equipment" -> sample).
    cut = len(words)
    for i, w in enumerate(words):
        if w in ("of", "and", "or") and i > 0:
            cut = i
            break
    head = cut - 1
    words[head] = singular(words[head])
    return " ".join(words)


def head_noun(key: str) -> str:
    """Head of a normalized phrase: the last word before 'of'/'and'."""
    words = key.split()
    for i, w in enumerate(words):
        if w in ("of", "and", "or") and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def canonical_entity(phrase: str, aliases: dict[str, str], ignored: set[str]) -> str:
    key = normalize_phrase(phrase, ignored)
    if key in aliases:
        return aliases[key]
    # "foreign firms" -> "foreign companies": apply an alias to the head noun with its modifiers kept.
    words = key.split()
    for size in range(min(3, len(words)), 0, -1):
        tail = " ".join(words[-size:])
        if tail in aliases and size < len(words):
            return " ".join(words[:-size] + [aliases[tail]])
    return key
