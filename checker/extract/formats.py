"""European and other digit formats, read before the grammar: a decimal comma ("€1,5 Mrd",
"58,2%", "SEK 6,50"), apostrophe thousands ("3'000"), dot thousands ("463.000 cars",
"1.234.567", "€2.870 billion").

The tokenizer keeps English digits: "1,500" is one number, "1,5" three tokens (a list "1,2 and
3" stays apart). Here a number, a glued comma and one or two glued digits become one decimal
token when the article writes decimal commas (``decimal_comma``, from ``article_cues``) or when
the figure itself says so: a percent sign or word, a scale word ("Mrd", "billion"), a unit or a
currency around it. Dot thousands are read as such when groups repeat ("1.234.567"), when the
group ends in a zero ("463.000", "2.870": English drops trailing decimals) or when the article
writes decimal commas. A merged token keeps its span in the text; its text is the number written
the English way ("58.2", "3000"), which is all the grammar reads.
"""

from __future__ import annotations

import re

from ..numbers import Token
from ..rules import Rules

# An article that writes decimal commas: one unambiguous figure is enough.
_ARTICLE_CUE = re.compile(
    r"\d,\d{1,2}(?!\d)[ \t\u00a0\u2009\u202f]?(?:%|percent\b|per cent\b|pc\b|[mb]illion\b|bn\b|Mrd\b|Mio\b"
    r"|mia\b|°)"
    r"|[€]\d{1,3},\d{1,2}(?![\d,])|\d['’]\d{3}(?!\d)|\d\.\d{3}\.\d{3}(?!\d)|\d\.\d{3},\d")
_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_DIGITS = re.compile(r"\d+")
_FRACTION = re.compile(r"\d{1,2}")
_GROUP = re.compile(r"\d{3}")
_APOSTROPHES = frozenset("'’")
# Any of the formats above may be in a sentence: the cheap test before the token pass.
MAYBE_LOCAL = re.compile(r"\d[,'’]\d|\d\.\d{3}")


def article_cues(view: str) -> bool:
    """Does the article write decimal commas (and so dot thousands)?"""
    return _ARTICLE_CUE.search(view) is not None


def _glued(tokens: list[Token], k: int, text: str | None = None, pattern: re.Pattern | None = None) -> bool:
    if k >= len(tokens) or not tokens[k].glued:
        return False
    if text is not None:
        return tokens[k].text == text
    return tokens[k].kind == "num" and pattern is not None and pattern.fullmatch(tokens[k].text) is not None


def _merge(tokens: list[Token], i: int, j: int, text: str) -> Token:
    first, last = tokens[i], tokens[j - 1]
    return Token("num", text, first.start, last.end, text, first.glued)


class LocalFormats:
    """Merges the tokens of European digit formats; built once per lexicon."""

    def __init__(self, rules: Rules, unit_firsts: frozenset, unit_firsts_exact: frozenset,
                 symbol_ends: frozenset, money: frozenset):
        r = rules
        self.after = frozenset(
            {"%", "°"} | set(r.numbers.scales) | set(r.numbers.scale_abbreviations) | set(unit_firsts)
            | {w for k in r.units.currency_words for w in k[:1]})
        self.after_exact = unit_firsts_exact
        self.before = frozenset(symbol_ends) | frozenset(money) | {"kr", "kr."}

    def _money(self, tokens: list[Token], i: int) -> bool:
        """A currency stands before the figure at token i ("€2.870", "CHF 12,2", "kr. 17,3")."""
        return i > 0 and (tokens[i - 1].text in self.before
                          or tokens[i - 1].text == "." and i > 1 and tokens[i - 2].lower == "kr")

    def _cued(self, tokens: list[Token], i: int, j: int) -> bool:
        """The figure tokens[i:j] is money, a share or a measure by what stands around it."""
        if self._money(tokens, i):
            return True
        if j < len(tokens):
            t = tokens[j]
            if t.text in ("-", "–") and t.glued:  # "€2,2-2,4 billion": the other end decides
                return j + 3 < len(tokens) and tokens[j + 2].text == "," and tokens[j + 2].glued
            return t.lower in self.after or t.text in self.after_exact
        return False

    def merge(self, tokens: list[Token], decimal_comma: bool) -> list[Token]:
        """The tokens with every European figure one number token."""
        out: list[Token] = []
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            if tok.kind != "num":
                out.append(tok)
                i += 1
                continue
            merged = self._apostrophe(tokens, i) or self._dots(tokens, i, decimal_comma) \
                or self._comma(tokens, i, decimal_comma)
            if merged is None:
                out.append(tok)
                i += 1
            else:
                out.append(merged[0])
                i = merged[1]
        return out

    @staticmethod
    def _apostrophe(tokens: list[Token], i: int) -> tuple[Token, int] | None:
        """"3'000", "1'234'567": apostrophe thousands."""
        if not (_DIGITS.fullmatch(tokens[i].text) and len(tokens[i].text) <= 3):
            return None
        j = i + 1
        digits = tokens[i].text
        while j + 1 < len(tokens) and tokens[j].text in _APOSTROPHES and tokens[j].glued \
                and _glued(tokens, j + 1, pattern=_GROUP):
            digits += tokens[j + 1].text
            j += 2
        if j == i + 1 or _glued(tokens, j, pattern=_DIGITS):
            return None
        return _merge(tokens, i, j, digits), j

    def _dots(self, tokens: list[Token], i: int, decimal_comma: bool) -> tuple[Token, int] | None:
        """"1.234.567", "463.000", "€2.870 billion" (and "1.234,5" in a decimal-comma article)."""
        text = tokens[i].text
        if not _DOT_GROUP.fullmatch(text):
            return None
        digits = text.replace(".", "")
        j = i + 1
        while j + 1 < len(tokens) and _glued(tokens, j, ".") and _glued(tokens, j + 1, pattern=_GROUP):
            digits += tokens[j + 1].text
            j += 2
        if j == i + 1 and not (decimal_comma or text.endswith("000") or text.endswith("0") and self._money(tokens, i)):
            return None  # "59.100 points" is a gymnastics score; "€2.870 billion" is not 2.87
        if decimal_comma and j + 1 < len(tokens) and _glued(tokens, j, ",") \
                and _glued(tokens, j + 1, pattern=_FRACTION):
            digits += "." + tokens[j + 1].text
            j += 2
        return _merge(tokens, i, j, digits), j

    def _comma(self, tokens: list[Token], i: int, decimal_comma: bool) -> tuple[Token, int] | None:
        """"58,2%", "€1,5 Mrd", "SEK 6,50": a decimal comma."""
        if not (_DIGITS.fullmatch(tokens[i].text) and i + 2 < len(tokens) and _glued(tokens, i + 1, ",")
                and _glued(tokens, i + 2, pattern=_FRACTION)):
            return None
        j = i + 3
        if j + 1 < len(tokens) and _glued(tokens, j, ",") and _glued(tokens, j + 1, pattern=_DIGITS):
            return None  # "1,2,3": a list
        if not (decimal_comma or self._cued(tokens, i, j)):
            return None
        return _merge(tokens, i, j, f"{tokens[i].text}.{tokens[i + 2].text}"), j
