"""Context words of a claim: the content words around it (what is said of the number: "killed",
"arrested"), singular, without stop words, numbers or the counted phrase itself."""

from __future__ import annotations

import bisect
import itertools

from ..models import Claim
from ..normalize import singular
from ..numbers import Token
from .lexicon import Lexicon


class ContextWords:
    """Reads the context words of claims with one lexicon. Keeps a memo, per lower-case word, of
    its singular as a context word (None when it never is one): the same for every occurrence."""

    def __init__(self, lx: Lexicon):
        self.lx = lx
        self._words: dict[str, str | None] = {}

    def around(self, tokens: list[Token], starts: list[int], claim: Claim, width: int = 6) -> frozenset:
        """The context words of a claim; ``starts``: the start offsets of ``tokens``."""
        entity_words = set(claim.entity.split())
        first = bisect.bisect_left(starts, claim.start)
        last = bisect.bisect_left(starts, claim.end)
        out = set()
        words = self._words
        for k in itertools.chain(range(max(0, first - width), first), range(last, min(len(tokens), last + width))):
            t = tokens[k]
            # proper names run through a whole story and say nothing about this number
            if t.kind != "word" or t.text[:1].isupper():
                continue
            w = t.lower
            if w in words:
                context_word = words[w]
            else:
                context_word = words[w] = self._context_word(w)
            if context_word is not None and w not in entity_words:
                out.add(context_word)
        return frozenset(out)

    def _context_word(self, w: str) -> str | None:
        """The singular of a lower-case word as a context word, or None for short words, stop
        words, number words and calendar words."""
        r = self.lx.rules
        if len(w) < 3 or w in r.grammar.stop_words or self.lx.grammar.is_number_word(w) or w in r.grammar.calendar_words:
            return None
        return singular(w)
