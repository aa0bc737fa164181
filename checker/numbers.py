"""The number grammar: tokens in, number phrases (value intervals) out.

    "1,500"                    -> 1500                 "twenty-one"        -> 21
    "400 billion", "$8 bn"     -> 4e11, 8e9            "three hundred and forty-two thousand" -> 342000
    "2.48×10−5"                -> 2.48e-05             "two-thirds", "½"   -> 0.666667, 0.5
    "several dozen"            -> 36..108 (vague)      "tens of thousands" -> 20000..99999 (vague)
    "11th", "eleventh", "XI"   -> 11 (ordinal)

Every pattern is compiled once, and none nests quantifiers over the same characters, so no input
can make them backtrack catastrophically. The lexicons come from ``rules/numbers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Rules

# Thousands groups must be exact ("1,500", not "1,2"), so lists like "1,2 and 3" stay apart.
# The Indian grouping is tried only where a run of digits and commas starts, not again after each
# of its commas: "11,11,11,..." would otherwise be rescanned to its end from every group.
TOKEN_RE = re.compile(
    r"(?P<num>(?<!\d,)\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?<![\d.,])\.\d+(?!\d|\.\d))"  # Indian grouping first ("₹1,29,999", "3,17,240")
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)
ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
HYPHENS = frozenset("-‐‑–—")
SLASHES = frozenset("/\u2044")  # the slash and the fraction slash ("1⁄32")
# Denominators of written fractions ("1/2", "3/4", "7/8"); "9/11" and "24/7" are names.
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})
# Words before "couple" or "dozen" that stand for the "a" ("the next couple of weeks", "his dozen
# rounds").
_DETERMINER_LEADS = frozenset({"the", "next", "past", "last", "first", "these", "those", "his", "her",
                               "their", "its", "our", "my", "your"})
MINUS = frozenset("-−–")
_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}
# Exponents written as superscripts: "2.4 × 10⁵", "3.8 × 10⁻¹¹".
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SUPERSCRIPT_RE = re.compile(r"⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# a thousands group written with a space: "816 000", "7 412,5" (a decimal comma read as a point)
_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d{1,2})?")
_UP_TO_THREE_DIGITS = re.compile(r"\d{1,3}")
# The longest numeral read as a quantity, in characters ("1,000,000,000,000,000.25" has 24); a
# longer run of digits is layout debris (an ID, a table without spaces), never an amount. The bound
# also keeps every int() of the grammar far below Python's limit on digits (4,300).
MAX_NUMBER_CHARS = 32
# Powers of ten beyond this are no quantity of news ("10^400" would not fit a float).
MAX_EXPONENT = 300


@dataclass(slots=True)
class Token:
    kind: str       # num, word, sym
    text: str
    start: int
    end: int
    lower: str
    glued: bool     # no space between this token and the previous one


# The same tokens, each with the whitespace before it: findall() then yields plain tuples
# (space, num, word, sym) in C, and offsets follow from the lengths (only whitespace is skipped).
# Whitespace at the end matches alone (all token groups empty), so that no run of it is rescanned.
_SPACED_TOKEN_RE = re.compile(r"(\s*)(?:" + TOKEN_RE.pattern + r"|\Z)")
# The same for a text holding word joiners (U+2060), which load.mask_html puts inside a word after
# a letter decoded from an HTML entity ("caf&eacute;s"): they stay in the word and leave its text.
# Only such a text pays for the longer pattern.
_WORD = r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
_JOINED_TOKEN_RE = re.compile(_SPACED_TOKEN_RE.pattern.replace(
    _WORD, r"(?P<word>[^\W\d_]+(?:(?:['’]|\u2060+)[^\W\d_]+)*\u2060*)"))
assert _JOINED_TOKEN_RE.pattern != _SPACED_TOKEN_RE.pattern


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end] (numbers, words, single symbols) with their offsets.

    A token is glued when no whitespace separates it from the token before it (never the first).
    """
    tokens: list[Token] = []
    append = tokens.append
    pos = start
    glued = False  # the first token is never glued
    stop = len(text) if end is None else end
    joined = text.find("\u2060", start, stop) >= 0
    for space, num, word, sym in (_JOINED_TOKEN_RE if joined else _SPACED_TOKEN_RE).findall(text, start, stop):
        s = pos + len(space)
        if num:
            kind, t = "num", num
        elif word:
            kind, t = "word", word
        elif sym:
            kind, t = "sym", sym
        else:
            break  # whitespace at the end
        pos = s + len(t)
        if joined and kind == "word" and "\u2060" in t:
            t = t.replace("\u2060", "")  # "caf&eacute;s" in HTML: one word, offsets unchanged
        append(Token(kind, t, s, pos, t.lower(), glued and not space))
        glued = True
    return tokens


def word_alternation(words) -> str:
    """A regex matching exactly the given literal strings, written as a trie: "t(?:en|hree|wo)".

    It matches what ``"|".join(words)`` matches (longer words first, as the branches of a trie
    try to go on before they end), but the engine compares each character once instead of once
    per word, which matters for the ~100 number words tried at every word of a sentence.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return build(trie)


class NumberCue:
    r"""The quick test before a sentence is parsed: does text[pos:endpos] hold a digit, a fraction
    sign, a number word of the lexicon or a Roman numeral?

    ``search`` finds what the single case-insensitive regex
    ``\d|[½⅓⅔¼¾⅕⅛]|\b(?:word|...)\b|\b[IVXLC]{2,7}\b`` finds somewhere (a match or None; which
    match is not specified), but scans for digits first and matches the words through a trie.
    With ``qualifier_ends`` it also finds one of those words followed by "a"/"an" ("less than an
    inch", "more than a year": one unit, bounded).
    """

    def __init__(self, words, qualifier_ends=()):
        self.digit = re.compile(r"[\d½⅓⅔¼¾⅕⅛]", re.I)
        self.word = re.compile(rf"\b(?:{word_alternation(words)}|[IVXLC]{{2,7}})\b", re.I)
        self.article = re.compile(rf"\b(?:{word_alternation(qualifier_ends)})[ \t\n]+an?\b", re.I) \
            if qualifier_ends else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        return self.digit.search(text, pos, endpos) or self.word.search(text, pos, endpos) \
            or (self.article.search(text, pos, endpos) if self.article is not None else None)


def roman_value(text: str) -> int | None:
    if not text or not ROMAN_RE.fullmatch(text):
        return None
    total = 0
    for i, ch in enumerate(text):
        v = _ROMAN[ch]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > v:
            total -= v
        else:
            total += v
    return total or None


def digits_value(text: str) -> float:
    return float(text.replace(",", ""))  # ".454" too


def resolution_of(text: str) -> float:
    """The unit of the last written digit: '800' -> 100, '1,500' -> 100, '83' -> 1, '2.5' -> 0.1.

    A figure may stand for anything within half of it once rounding is allowed ("800" for 750..850).
    """
    digits = text.replace(",", "").replace(" ", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    if not digits.strip("0"):
        return 1.0
    return 10.0 ** (len(digits) - len(digits.rstrip("0")))


@dataclass
class NumberPhrase:
    i: int              # first token index
    j: int              # one past the last token index
    low: float
    high: float
    value: float | None  # None for vague amounts
    kind: str           # cardinal, vague, fraction, ordinal, approximate
    scaled: bool = False         # a scale word or abbreviation was applied
    scale_word: str | None = None
    ambiguous_scale: bool = False  # "80m": a scale only next to a currency
    resolution: float = 1.0      # unit of the last written digit, scale applied (rounding tolerance)
    words: bool = False          # written in words ("six")


# What _read_word tells _continue_words to do after a token.
_NEXT, _STOP, _NOT_A_NUMBER = "next", "stop", "not a number"


@dataclass(slots=True)
class _WordsRead:
    """A number in words read so far, token by token ("three hundred and forty-two thousand")."""
    k: int                 # the token to read next
    total: float           # the amount before the last scale word ("three hundred ... thousand")
    current: float         # the amount after it
    last_kind: str | None  # the last word read: a (the "a" of "a million"), unit, teen, ten, hundred, big, frac
    end: int               # one past the last token of the number
    consumed_any: bool = False


class NumberGrammar:
    """Parses number phrases from a token list, using the lexicons of a rule set."""

    def __init__(self, rules: Rules):
        self.r = rules
        self.cardinals = rules.numbers.cardinals
        self.scales = rules.numbers.scales
        self.big_scales = {w: v for w, v in rules.numbers.scales.items() if v >= 1000}
        self.plural_scales = rules.numbers.plural_scales
        # "millions" -> "million": a plural scale after "tens of"/"hundreds of".
        self.scale_plurals = {w + "s": w for w in rules.numbers.scales}
        self.number_words = set(rules.numbers.cardinals) | set(rules.numbers.scales)

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _word(tokens: list[Token], k: int) -> str:
        return tokens[k].lower if 0 <= k < len(tokens) and tokens[k].kind == "word" else ""

    def is_number_word(self, lower: str) -> bool:
        return lower in self.number_words

    def _after_qualifier(self, tokens: list[Token], i: int) -> bool:
        """A qualifier phrase of rules/qualifiers.yaml ends just before token i ("more than")."""
        for size in (3, 2, 1):
            if i - size >= 0 and tuple(t.lower for t in tokens[i - size:i]) in self.r.qualifiers.qualifiers_before:
                return True
        return False

    def _unit_word_at(self, tokens: list[Token], k: int) -> bool:
        """A measure or percentage word starts at k ("mile", "percentage point", "point")."""
        w1, w2 = self._word(tokens, k), self._word(tokens, k + 1)
        if not w1:
            return False
        r = self.r
        return w1 in ("point", "points") or any(
            (w1,) in table or (w1, w2) in table for table in (r.units.measure_words, r.units.percent_words, r.units.subunits))

    # ---------------------------------------------------------------- entry point
    def parse_at(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        tok = tokens[i]
        if tok.text in self.r.numbers.unicode_fractions:
            v = self.r.numbers.unicode_fractions[tok.text]
            return self._apply_scale(tokens, i + 1, NumberPhrase(i, i + 1, v, v, v, "fraction"))
        if tok.kind == "num":
            return self._digits(tokens, i)
        if tok.kind == "word":
            return (
                self._vague(tokens, i)
                or self._fraction_words(tokens, i)
                or self._one_in(tokens, i)
                or self._words(tokens, i)
            )
        if tok.kind == "sym" and tok.text in self.r.numbers.unicode_fractions:
            v = self.r.numbers.unicode_fractions[tok.text]
            return self._apply_scale(tokens, i + 1, NumberPhrase(i, i + 1, v, v, v, "fraction"))
        return None

    # ---------------------------------------------------------------- digits
    def _digits(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """Digits: "1,500", "816 000", "2.48×10−5", "2-1/2", "1/2", "2 1/2", "2½", "1 in 4", "400 billion"."""
        if len(tokens[i].text) > MAX_NUMBER_CHARS:
            return None  # layout debris, not a number
        value, written, j = self._spaced_thousands(tokens, i)
        phrase = self._scientific(tokens, i, j, value)
        if phrase is None:
            phrase = self._hyphenated_mixed_number(tokens, i, j, value)
        if phrase is not None:
            return phrase
        if self._slash_follows(tokens, j):
            return self._slash_fraction(tokens, i, j, value)
        phrase = self._spaced_mixed_number(tokens, i, j, value)
        if phrase is not None:
            return phrase
        # "2½"
        if j < len(tokens) and tokens[j].glued and tokens[j].text in self.r.numbers.unicode_fractions:
            value += self.r.numbers.unicode_fractions[tokens[j].text]
            j += 1
        one_in = self._one_in(tokens, i)
        if one_in is not None:
            return one_in
        phrase = NumberPhrase(i, j, value, value, value, "cardinal", resolution=resolution_of(written))
        return self._apply_scale(tokens, j, phrase)

    @staticmethod
    def _spaced_thousands(tokens: list[Token], i: int) -> tuple[float, str, int]:
        """The value of the number at token i with the thousands groups written after a space
        ("816 000"), its digits as written (for the resolution), and the index after it."""
        text = tokens[i].text
        value = digits_value(text)
        written = text
        j = i + 1
        while NumberGrammar._is_thousands_group(tokens, j) and len(written) <= MAX_NUMBER_CHARS:
            value = value * 1000 + digits_value(tokens[j].text)
            written = str(int(value))
            j += 1
        return value, written, j

    @staticmethod
    def _is_thousands_group(tokens: list[Token], j: int) -> bool:
        """Token j goes on the number before it as a group of three digits after one space ("816 000"):
        not when a point or comma is glued to it, nor when a capitalized word follows it."""
        n = len(tokens)
        return (
            j < n and tokens[j].kind == "num" and not tokens[j].glued
            and _THREE_DIGITS.fullmatch(tokens[j].text)
            and tokens[j].start - tokens[j - 1].end == 1
            and _UP_TO_THREE_DIGITS.fullmatch(tokens[j - 1].text)
            and not (j + 1 < n and tokens[j + 1].glued and tokens[j + 1].text in ".,")
            and not (j + 1 < n and tokens[j + 1].kind == "word" and tokens[j + 1].text[:1].isupper())
        )

    @staticmethod
    def _scientific(tokens: list[Token], i: int, j: int, value: float) -> NumberPhrase | None:
        """"2.48×10−5", "3 x 10^8": scientific notation, the mantissa ending before token j."""
        n = len(tokens)
        if not (
            j + 1 < n and tokens[j].kind in ("sym", "word") and tokens[j].text in ("×", "x", "X", "*")
            and tokens[j + 1].kind == "num" and tokens[j + 1].text == "10"
        ):
            return None
        k = j + 2
        sign = 1
        if k < n and tokens[k].text == "^" and tokens[k].glued:
            k += 1
        if k < n and tokens[k].text in MINUS | {"−"} and tokens[k].glued:
            sign = -1
            k += 1
        if k < n and tokens[k].kind == "num" and tokens[k].glued and tokens[k].text.isdigit() \
                and int(tokens[k].text[:4]) <= MAX_EXPONENT:
            value = value * 10 ** (sign * int(tokens[k].text))
            return NumberPhrase(i, k + 1, value, value, value, "cardinal")
        k = j + 2
        if k < n and tokens[k].text == "⁻" and tokens[k].glued:  # "10⁻¹¹": the minus is a symbol
            sign, k = -1, k + 1
        if k < n and tokens[k].glued and _SUPERSCRIPT_RE.fullmatch(tokens[k].text):
            value = round(value * 10 ** (sign * int(tokens[k].text.translate(_SUPERSCRIPTS))), 12)
            return NumberPhrase(i, k + 1, value, value, value, "cardinal")
        return None  # "3 x 10 metres": no exponent, so no power of ten

    @staticmethod
    def _hyphenated_mixed_number(tokens: list[Token], i: int, j: int, value: float) -> NumberPhrase | None:
        """"2-1/2 years", "a 4-1/2-month term": a whole number and a fraction joined by a hyphen."""
        n = len(tokens)
        if (
            j + 3 < n and tokens[j].text in HYPHENS and tokens[j].glued and tokens[i].text.isdigit()
            and tokens[j + 1].kind == "num" and tokens[j + 1].glued and tokens[j + 1].text.isdigit()
            and tokens[j + 2].text in SLASHES and tokens[j + 2].glued
            and tokens[j + 3].kind == "num" and tokens[j + 3].glued and tokens[j + 3].text.isdigit()
            and 0 < int(tokens[j + 1].text) < int(tokens[j + 3].text) <= 16
        ):
            v = round(value + int(tokens[j + 1].text) / int(tokens[j + 3].text), 6)
            return NumberPhrase(i, j + 4, v, v, v, "cardinal")
        return None

    @staticmethod
    def _slash_follows(tokens: list[Token], j: int) -> bool:
        """A slash and a number glued after the number ending before token j ("1/2", "24/7")."""
        return j + 1 < len(tokens) and tokens[j].text in SLASHES and tokens[j].glued \
            and tokens[j + 1].kind == "num" and tokens[j + 1].glued

    @staticmethod
    def _slash_fraction(tokens: list[Token], i: int, j: int, value: float) -> NumberPhrase | None:
        """"1/2", "3/4": a fraction written with a slash; None for a name written so ("24/7", "9/11"),
        which is not an amount."""
        den = digits_value(tokens[j + 1].text)
        written = den in _DENOMINATORS or tokens[j].text == "\u2044"  # the fraction slash is never a name's
        if tokens[i].text.isdigit() and tokens[j + 1].text.isdigit() and 0 < value < den and written:
            v = round(value / den, 6)
            return NumberPhrase(i, j + 2, v, v, v, "fraction")
        return None

    @staticmethod
    def _spaced_mixed_number(tokens: list[Token], i: int, j: int, value: float) -> NumberPhrase | None:
        """"2 1/2": a whole number, a space and a fraction written with a slash."""
        if (
            j + 2 < len(tokens) and tokens[j].kind == "num" and not tokens[j].glued
            and tokens[j + 1].text in SLASHES and tokens[j + 1].glued and tokens[j + 2].kind == "num"
            and tokens[j + 2].glued and tokens[j].text.isdigit() and tokens[j + 2].text.isdigit()
            and 0 < int(tokens[j].text) < int(tokens[j + 2].text) <= 16
        ):
            v = round(value + int(tokens[j].text) / int(tokens[j + 2].text), 6)
            return NumberPhrase(i, j + 3, v, v, v, "cardinal")
        return None

    def _small_int(self, tokens: list[Token], k: int) -> int | None:
        if not 0 <= k < len(tokens):
            return None
        t = tokens[k]
        if t.kind == "num" and t.text.isdigit():
            return int(t.text)
        if t.kind == "word" and t.lower in self.cardinals:
            return int(self.cardinals[t.lower])
        return None

    def _one_noun_in(self, tokens: list[Token], i: int) -> bool:
        """"one flight in three", "one adult in five": one, a noun, "in", a number that ends the
        phrase (a function word or punctuation after it; not "one goal in 10 minutes")."""
        noun, after = self._word(tokens, i + 1), tokens[i + 4] if i + 4 < len(tokens) else None
        stop = self.r.grammar.stop_words
        return bool(noun) and noun.isalpha() and noun not in stop and noun not in self.cardinals \
            and self._word(tokens, i + 2) == "in" and self._small_int(tokens, i + 3) is not None \
            and (after is None or after.kind != "num" and (after.kind != "word" or after.lower in stop))

    def _one_in(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """'one in five', '1 in 4', 'nine out of ten': a fraction of a whole."""
        a = self._small_int(tokens, i)
        if a is None:
            return None
        if i + 4 < len(tokens) and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued \
                and self._word(tokens, i + 2) == "in" and tokens[i + 2].glued \
                and tokens[i + 3].text in HYPHENS and tokens[i + 3].glued and tokens[i + 4].glued:
            k = i + 4  # "a one-in-three chance" (not "a 1-in-100-year flood", a kind of flood)
            if k + 1 < len(tokens) and tokens[k + 1].text in HYPHENS and tokens[k + 1].glued:
                return None
        elif self._word(tokens, i + 1) == "in":
            k = i + 3 if self._word(tokens, i + 2) == "every" else i + 2
        elif self._word(tokens, i + 1) == "out" and self._word(tokens, i + 2) == "of" \
                and (self._word(tokens, i + 3) in ("ten", "10", "hundred", "100") or a == 1):
            k = i + 3  # "nine out of ten people", "one out of three adults" ("three out of four lines" counts lines)
        elif a == 1 and self._one_noun_in(tokens, i):
            k = i + 3  # "one flight in three was delayed"
        else:
            return None
        b = self._small_int(tokens, k)
        if b is None or not 0 < a < b or (k + 1 < len(tokens) and tokens[k + 1].lower in self.scales):
            return None
        if tokens[k].kind == "num" and len(tokens[k].text) == 4 and 1900 <= b <= 2100:
            return None  # "941 in 2022": a number and its year
        v = round(a / b, 6)
        return NumberPhrase(i, k + 1, v, v, v, "fraction", words=tokens[i].kind == "word")

    def _apply_scale(self, tokens: list[Token], j: int, phrase: NumberPhrase) -> NumberPhrase:
        """Multiply by a following scale word or abbreviation ("400 billion", "1.2bn", "80m")."""
        n = len(tokens)
        if j + 1 < n and tokens[j].text in HYPHENS and tokens[j].glued and tokens[j + 1].glued \
                and tokens[j + 1].lower in self.big_scales:
            j += 1  # "$161-million", "one-million dollars"
        if j >= n or tokens[j].kind != "word":
            return phrase
        w = tokens[j].lower
        factor = None
        ambiguous = False
        if w in self.big_scales or (w == "hundred" and phrase.kind != "fraction"):
            factor = self.scales[w]
            # "1.5 million": then maybe another ("1.5 million million" never happens; stop).
        elif w in self.r.numbers.scale_abbreviations and (tokens[j].glued or len(w) > 1):
            factor = self.r.numbers.scale_abbreviations[w]
            ambiguous = w in self.r.numbers.ambiguous_scale_abbreviations
        elif w in self.r.numbers.ambiguous_scale_abbreviations and tokens[j].text.isupper() \
                and j + 1 < n and tokens[j + 1].kind == "word" and tokens[j + 1].text.islower():
            # "8 B people", "35 M users": a capital scale letter apart from the number, before a
            # word; the scale step keeps it only before a counted noun, money, a unit or a rate
            factor = self.r.numbers.scale_abbreviations[w]
            ambiguous = True
        elif w == "dozen":
            factor = 12
        if factor is None:
            return phrase
        if j + 1 < n and tokens[j + 1].kind == "word" and tokens[j + 1].lower in self.big_scales \
                and self.big_scales[tokens[j + 1].lower] > factor and (w in self.big_scales or w == "hundred"):
            factor *= self.big_scales[tokens[j + 1].lower]  # "₹1.05 lakh crore" = 1.05e12
            j += 1
            w = tokens[j].lower
        # "one and a half million": a fraction joined by "and a" keeps its scale too.
        phrase.low *= factor
        phrase.high *= factor
        if phrase.value is not None:
            phrase.value = round(phrase.value * factor, 6)
        phrase.low = round(phrase.low, 6)
        phrase.high = round(phrase.high, 6)
        phrase.j = j + 1
        phrase.scaled = True
        phrase.scale_word = w
        phrase.ambiguous_scale = ambiguous
        if phrase.kind == "fraction":
            phrase.kind = "cardinal"
        phrase.resolution *= factor
        return phrase

    # ---------------------------------------------------------------- words
    def _words(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """Cardinal words: "six", "Twenty", "twenty-one", "three hundred and forty-two thousand",
        "a dozen", "a million", "one and a half million", "half a million"."""
        w = tokens[i].lower
        if w in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].kind == "word":
            return self._after_article(tokens, i)
        if w == "half":
            phrase = self._half_words(tokens, i)
            if phrase is not None:
                return phrase
        elif w == "another" and self._word(tokens, i + 1) in self.scales:
            # "another dozen people", "another million": one more of the scale
            v = self.scales[self._word(tokens, i + 1)]
            return NumberPhrase(i, i + 2, v, v, v, "cardinal", scaled=True, words=True)
        if (w in self.r.numbers.approximate_numbers or w == "dozen") and self._word(tokens, i - 1) in _DETERMINER_LEADS:
            phrase = self._determined_amount(tokens, i)
            if phrase is not None:
                return phrase
        if w not in self.cardinals:
            return None
        phrase = NumberPhrase(i, i, 0, 0, 0, "cardinal", words=True)
        phrase = self._continue_words(tokens, i, phrase, total=0, current=0, leading_a=False)
        return self._spoken_decimal(tokens, phrase) if phrase is not None else None

    def _spoken_decimal(self, tokens: list[Token], phrase: NumberPhrase) -> NumberPhrase:
        """"two point five percent": digit words after "point" are decimals (not "at one point")."""
        j = phrase.j
        if not (phrase.value is not None and float(phrase.value).is_integer() and not phrase.scaled
                and self._word(tokens, j) == "point"):
            return phrase
        digits = ""
        k = j + 1
        while k < len(tokens) and tokens[k].lower in _DIGIT_WORDS:
            digits += _DIGIT_WORDS[tokens[k].lower]
            k += 1
        if not digits:
            return phrase
        v = float(f"{int(phrase.value)}.{digits}")
        spoken = NumberPhrase(phrase.i, k, v, v, v, "cardinal", words=True, resolution=10.0 ** -len(digits))
        return self._apply_scale(tokens, k, spoken)

    def _after_article(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """"a"/"an" at token i and a word after it: "a dozen", "a million", "a half-dozen", "a couple of",
        "a pair of", "less than an inch"."""
        r = self.r
        nxt = tokens[i + 1].lower
        if nxt not in self.scales and nxt != "point" and self._unit_word_at(tokens, i + 1) \
                and self._bounds_one_unit(tokens, i):
            # "less than an inch", "more than a year", "nearly an hour": one unit, bounded;
            # "a year and a half", "an hour and a half": one unit and a half
            return NumberPhrase(i, i + 1, 1, 1, 1, "cardinal", words=True)
        if nxt in self.scales:
            phrase = NumberPhrase(i, i + 1, 1, 1, 1, "cardinal", words=True)
            phrase = self._continue_words(tokens, i + 1, phrase, total=0, current=1, leading_a=True)
            if phrase is not None:
                phrase.scaled = True  # "a dozen", "a million": the scale word is the amount
            return phrase
        if nxt == "half" and self._word(tokens, i + 2) == "dozen" or \
                nxt == "half" and i + 3 < len(tokens) and tokens[i + 2].text in HYPHENS \
                and self._word(tokens, i + 3) == "dozen":
            end = i + 3 if self._word(tokens, i + 2) == "dozen" else i + 4
            return NumberPhrase(i, end, 6, 6, 6, "cardinal", scaled=True, words=True)
        if nxt in r.numbers.approximate_numbers or nxt in r.numbers.article_numbers:
            return self._article_amount(tokens, i, nxt)
        return None

    def _bounds_one_unit(self, tokens: list[Token], i: int) -> bool:
        """The "a"/"an" at token i, before a unit word, says one unit: a qualifier bounds it ("less
        than an inch", "a year or more") or "and a half" follows the unit ("a year and a half")."""
        return (self._after_qualifier(tokens, i)
                or (self._word(tokens, i + 2), self._word(tokens, i + 3)) in self.r.qualifiers.qualifiers_after
                or (self._word(tokens, i + 2), self._word(tokens, i + 3), self._word(tokens, i + 4))
                == ("and", "a", "half"))

    def _article_amount(self, tokens: list[Token], i: int, nxt: str) -> NumberPhrase | None:
        """"a couple of weeks", "a couple hours", "a pair of touchdowns": ``nxt``, the word after
        "a", is a number only with "a" (rules/numbers.yaml approximate_numbers, article_numbers)."""
        r = self.r
        end = i + 3 if self._word(tokens, i + 2) == "of" else i + 2
        if end == i + 2 and not (i + 2 < len(tokens) and tokens[i + 2].kind == "word"):
            return None
        if nxt in r.numbers.article_numbers:
            v = r.numbers.article_numbers[nxt]
            return NumberPhrase(i, end, v, v, v, "cardinal", scaled=True, words=True)
        v = r.numbers.approximate_numbers[nxt]
        return NumberPhrase(i, end, v, v, v, "approximate", scaled=True, words=True)

    def _half_words(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """"half" at token i as a number: "half a million", "half a dozen", "half-dozen",
        "half-a-dozen", or half of a unit."""
        n = len(tokens)
        if self._word(tokens, i + 1) in ("a", "an") and self._word(tokens, i + 2) in self.scales:
            v = 0.5 * self.scales[self._word(tokens, i + 2)]
            return NumberPhrase(i, i + 3, v, v, v, "cardinal", scaled=True, words=True)
        if i + 2 < n and tokens[i + 1].text in HYPHENS and self._word(tokens, i + 2) == "dozen":
            return NumberPhrase(i, i + 3, 6, 6, 6, "cardinal", scaled=True, words=True)
        if i + 4 < n and tokens[i + 1].text in HYPHENS and self._word(tokens, i + 2) == "a" \
                and tokens[i + 3].text in HYPHENS and self._word(tokens, i + 4) == "dozen":
            return NumberPhrase(i, i + 5, 6, 6, 6, "cardinal", scaled=True, words=True)  # "half-a-dozen"
        return self._half_unit(tokens, i)

    def _half_unit(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """"half an hour", "half a mile", "half-hour": half of a unit (the unit is read after it)."""
        r = self.r
        if self._word(tokens, i + 1) in ("a", "an") and self._unit_word_at(tokens, i + 2):
            return NumberPhrase(i, i + 2, 0.5, 0.5, 0.5, "cardinal", scaled=True, words=True)
        if i + 2 < len(tokens) and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued \
                and (self._word(tokens, i + 2),) in r.units.measure_words:
            return NumberPhrase(i, i + 1, 0.5, 0.5, 0.5, "cardinal", scaled=True, words=True)
        if self._word(tokens, i + 1) in r.grammar.half_unit_nouns \
                and self._word(tokens, i - 1) in r.grammar.half_unit_leads:
            # "the half hour he was allotted", "the past half century"
            return NumberPhrase(i, i + 1, 0.5, 0.5, 0.5, "cardinal", scaled=True, words=True)
        return None

    def _determined_amount(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """"the next couple of weeks", "his dozen rounds": "couple" or "dozen" after a determiner
        that stands for the "a"."""
        w = tokens[i].lower
        if w == "dozen" and i + 1 < len(tokens) and tokens[i + 1].kind == "word" and tokens[i + 1].lower.endswith("s"):
            return NumberPhrase(i, i + 1, 12, 12, 12, "cardinal", scaled=True, words=True)
        if w in self.r.numbers.approximate_numbers and self._word(tokens, i + 1) == "of":
            v = self.r.numbers.approximate_numbers[w]
            return NumberPhrase(i, i + 2, v, v, v, "approximate", scaled=True, words=True)
        return None

    _AND_A = {"half": 0.5, "quarter": 0.25, "third": 0.333333}

    def _and_a_fraction(self, tokens, k: int, hyphenated: bool) -> tuple[float, int] | None:
        """'and a half' at token k, or '-and-a-half' glued to the number before (when
        ``hyphenated`` is allowed): (the fraction, the index after it)."""
        n = len(tokens)
        if self._word(tokens, k) == "and" and self._word(tokens, k + 1) in ("a", "one") \
                and self._word(tokens, k + 2) in self._AND_A:
            return self._AND_A[self._word(tokens, k + 2)], k + 3
        if hyphenated and tokens[k].text in HYPHENS and tokens[k].glued and k + 5 < n \
                and all(tokens[k + d].glued for d in range(1, 6)) \
                and tokens[k + 2].text in HYPHENS and tokens[k + 4].text in HYPHENS \
                and self._word(tokens, k + 1) == "and" and self._word(tokens, k + 3) in ("a", "one") \
                and self._word(tokens, k + 5) in self._AND_A:
            return self._AND_A[self._word(tokens, k + 5)], k + 6
        return None

    def _continue_words(self, tokens, i, phrase, total, current, leading_a):
        """Read number words from token i on into ``phrase`` ("three hundred and forty-two thousand");
        None when no word was read or the words make an ordinal ("twenty-first")."""
        read = _WordsRead(k=i, total=total, current=current, last_kind="a" if leading_a else None, end=phrase.i)
        n = len(tokens)
        while read.k < n:
            step = self._read_word(tokens, read, phrase)
            if step is _STOP:
                break
            if step is _NOT_A_NUMBER:
                return None
        if not read.consumed_any:
            return None
        value = round(read.total + read.current, 6)
        phrase.j = read.end
        phrase.low = phrase.high = phrase.value = value
        # A number said in words is as exact as it is written: "six" is 6, "three hundred" is round.
        phrase.resolution = resolution_of(str(int(value))) if float(value).is_integer() else 1.0
        return phrase

    def _read_word(self, tokens: list[Token], read: _WordsRead, phrase: NumberPhrase) -> str:
        """Read token read.k of a number in words: _NEXT (read on), _STOP (the number ended before
        it) or _NOT_A_NUMBER."""
        fraction = self._and_a_fraction(tokens, read.k, hyphenated=read.last_kind != "a") \
            if read.last_kind in ("unit", "teen", "ten", "a") else None
        if fraction is not None:
            self._read_and_a_fraction(tokens, read, phrase, fraction)
            return _STOP  # nothing goes on after the fraction and its scale
        tok = tokens[read.k]
        if tok.kind == "sym" and tok.text in HYPHENS and tok.glued:
            return self._read_hyphen(tokens, read)
        if tok.kind != "word":
            return _STOP
        w = tok.lower
        if w == "and" and read.last_kind in ("hundred", "big") and read.k + 1 < len(tokens):
            nxt = tokens[read.k + 1].lower
            if nxt in self.cardinals:
                read.k += 1  # "three hundred and forty": "and" joins the tens to the hundreds
                return _NEXT
            if not (nxt in ("a", "one") and self._word(tokens, read.k + 2) in ("half", "quarter", "third")):
                return _STOP
        if not self._add_number_word(w, read, phrase):
            return _STOP
        read.k += 1
        read.end = read.k
        read.consumed_any = True
        return _NEXT

    def _read_and_a_fraction(self, tokens: list[Token], read: _WordsRead, phrase: NumberPhrase,
                             fraction: tuple[float, int]) -> None:
        """"one and a half (million)", "two-and-a-half years" written as one word: add the fraction
        and the scale word after it."""
        frac, read.k = fraction
        read.current = max(read.current, 1) + frac
        read.end = read.k
        read.consumed_any = True
        read.last_kind = "frac"
        n = len(tokens)
        k = read.k
        if k + 1 < n and tokens[k].text in HYPHENS and tokens[k].glued \
                and self._word(tokens, k + 1) in self.big_scales:
            k += 1  # "two-and-a-half-million"
        if k < n and tokens[k].lower in self.big_scales:
            read.total += read.current * self.big_scales[tokens[k].lower]
            read.current = 0
            phrase.scaled = True
            phrase.scale_word = tokens[k].lower
            k += 1
            read.end = k
        read.k = k

    def _read_hyphen(self, tokens: list[Token], read: _WordsRead) -> str:
        """A hyphen glued after a number word, at token read.k: _NEXT past it when it joins the word
        after it to the number, else _STOP or _NOT_A_NUMBER."""
        k = read.k
        n = len(tokens)
        if read.last_kind in ("unit", "teen", "ten", "hundred") \
                and k + 1 < n and tokens[k + 1].glued and tokens[k + 1].lower in self.big_scales:
            read.k += 1  # "one-million dollars", "two-billion-dollar": the hyphen joins a scale word
            return _NEXT
        if read.last_kind == "ten":
            # "twenty-one": hyphen between a ten and a unit
            if (k + 1 < n and tokens[k + 1].glued and tokens[k + 1].lower in self.cardinals
                    and self.cardinals[tokens[k + 1].lower] < 10):
                read.k += 1
                return _NEXT
            if k + 1 < n and tokens[k + 1].glued and tokens[k + 1].lower in self.r.numbers.ordinals:
                return _NOT_A_NUMBER  # "twenty-first" is an ordinal (ordinal_at), not 20
        return _STOP

    def _add_number_word(self, w: str, read: _WordsRead, phrase: NumberPhrase) -> bool:
        """Add the number word ``w`` to the amount read so far; False when it cannot go on this
        number ("six seven", "twenty thirty", "million million")."""
        if w in self.cardinals:
            v = self.cardinals[w]
            if read.last_kind in ("unit", "teen") or read.last_kind == "ten" and v >= 10 or read.last_kind == "a":
                return False
            read.current += v
            read.last_kind = "unit" if v < 10 else ("teen" if v < 20 else "ten")
        elif w == "hundred" and read.last_kind in ("unit", "teen", "ten", "a", None) \
                and (read.current or read.last_kind == "a") and read.current < 100:  # not "one hundred and one hundred"
            read.current = max(read.current, 1) * 100
            read.last_kind = "hundred"
        elif w in self.big_scales and w != "hundred" and (read.current or read.last_kind == "a" or read.total):
            if read.last_kind == "big" and read.current == 0:
                return False
            read.total += max(read.current, 1) * self.big_scales[w]
            read.current = 0
            read.last_kind = "big"
            phrase.scaled = True
            phrase.scale_word = w
        elif w == "dozen" and (read.current or read.last_kind == "a"):
            read.current = max(read.current, 1) * 12
            read.last_kind = "big"
        else:
            return False
        return True

    def _vague(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """'several dozen', 'a few hundred', 'dozens of', 'tens of thousands', 'hundreds of millions'."""
        w = tokens[i].lower
        r = self.r
        k = i
        if w in ("a",) and self._word(tokens, i + 1) in ("few", "handful"):
            k = i + 1
            w = self._word(tokens, i + 1)  # "a few", "a handful of"
        if w in r.numbers.vague_multipliers:
            nxt = self._word(tokens, k + 1)
            if nxt in self.scales:
                lo, hi = r.numbers.vague_multipliers[w]
                f = self.scales[nxt]
                phrase = NumberPhrase(i, k + 2, lo * f, hi * f, None, "vague", scaled=True, words=True)
                # "several hundred thousand"
                after = self._word(tokens, k + 2)
                if after in self.big_scales and self.big_scales[after] > f:
                    phrase.low *= self.big_scales[after]
                    phrase.high *= self.big_scales[after]
                    phrase.j += 1
                return phrase
            # ("few questions" without "a" says "not many", no amount)
            few_ok = w != "few" or k > i or self._word(tokens, i - 1) in ("last", "past", "next", "first")
            if w in r.numbers.vague_alone and few_ok and nxt and nxt not in self.number_words \
                    and (nxt not in ("of", "more", "times") or w == "handful"):
                # "several prisons", "a few days": a vague count of what follows
                lo, hi = r.numbers.vague_multipliers[w]
                return NumberPhrase(i, k + 1, lo, hi, None, "vague", words=True)
            return None
        if w in r.numbers.plural_scales:
            lo, hi = r.numbers.plural_scales[w]
            j = i + 1
            # "tens of thousands", "hundreds of millions": multiply by the plural that follows "of".
            if self._word(tokens, j) == "of" and self._word(tokens, j + 1) in self.scale_plurals:
                base = self.scales[self.scale_plurals[self._word(tokens, j + 1)]]
                # "tens of thousands" = 20,000..99,999: the top is just under the next order
                return NumberPhrase(i, j + 2, lo * base, (hi + 1) * base - 1, None, "vague", scaled=True, words=True)
            if w == "tens" or (w == "scores" and self._word(tokens, j) != "of"):
                return None  # "tens" alone is not an amount; "the scores were level" counts nothing
            # "thousands of soldiers", "hundreds were killed"
            return NumberPhrase(i, j, lo, hi, None, "vague", scaled=True, words=True)
        return None

    def _fraction_words(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """'half of', 'a third of', 'two-thirds', 'three quarters of', 'one-fifth'."""
        w = tokens[i].lower
        if w in ("a", "an", "one") and self._word(tokens, i + 1) in self.r.numbers.fractions \
                and not self._after_number_and(tokens, i):
            return self._article_fraction(tokens, i)
        if w in self.cardinals and self.cardinals[w] < 10:
            return self._counted_fraction(tokens, i)
        if w == "half":
            return self._half_fraction(tokens, i)
        return None

    def _after_number_and(self, tokens: list[Token], i: int) -> bool:
        """Token i follows a number and "and": the "a half" of "one and a half" is read with the number."""
        return self._word(tokens, i - 1) == "and" and i >= 2 and (
            tokens[i - 2].kind == "num" or tokens[i - 2].lower in self.cardinals)

    def _article_fraction(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """"a"/"an"/"one" at token i and a fraction word: "a third of", "a quarter of", "one-fifth of",
        "a half", "a quarter of a million"."""
        w = tokens[i].lower
        frac_tok = i + 1
        fw = self._word(tokens, frac_tok)
        if fw in ("second",):
            return None
        follows = self._word(tokens, frac_tok + 1)
        if fw == "half" and (follows == "dozen" or i + 3 < len(tokens) and tokens[frac_tok + 1].text in HYPHENS
                             and self._word(tokens, frac_tok + 2) == "dozen"):
            return None  # "a half-dozen": a number, read by _words
        phrase = self._fraction_of_scale(tokens, i, fw, follows)
        if phrase is not None:
            return phrase
        if follows in ("of",) or fw in ("half",) or (w == "one" and i + 2 < len(tokens) and tokens[i + 1].text in HYPHENS):
            v = self.r.numbers.fractions[fw]
            return NumberPhrase(i, frac_tok + 1, v, v, v, "fraction", words=True)
        return self._fraction_of_unit_or_alone(tokens, i, fw, follows)

    def _fraction_of_scale(self, tokens: list[Token], i: int, fw: str, follows: str) -> NumberPhrase | None:
        """"a quarter of a million": a number, not a fraction of something (the fraction word ``fw``
        at token i + 1, ``follows`` after it)."""
        frac_tok = i + 1
        if follows == "of" and self._word(tokens, frac_tok + 2) in ("a", "an") \
                and self._word(tokens, frac_tok + 3) in self.big_scales \
                and self._word(tokens, frac_tok + 3) != "hundred":
            v = round(self.r.numbers.fractions[fw] * self.big_scales[self._word(tokens, frac_tok + 3)], 6)
            return NumberPhrase(i, frac_tok + 4, v, v, v, "cardinal", scaled=True, words=True,
                                scale_word=self._word(tokens, frac_tok + 3))
        return None

    def _fraction_of_unit_or_alone(self, tokens: list[Token], i: int, fw: str, follows: str) -> NumberPhrase | None:
        """"a quarter point", "a quarter-point cut", "a third of a mile": a fraction of a unit;
        "cut by a third", "nearly a fifth.": a fraction standing alone ("a third term" is an ordinal)."""
        r = self.r
        w = tokens[i].lower
        n = len(tokens)
        frac_tok = i + 1
        k = frac_tok + 1
        if k + 1 < n and tokens[k].text in HYPHENS and tokens[k].glued and tokens[k + 1].glued:
            k += 1
        alone = k == frac_tok + 1 and self._fraction_stands_alone(tokens, i, follows)
        if fw not in ("half", "quarter") and self._word(tokens, k) in r.grammar.ordinal_time_nouns:
            return None  # "the dollar weakened for a fifth day": an ordinal, not a fifth of a day
        if not fw.endswith("s") and (self._unit_word_at(tokens, k) or alone):
            v = r.numbers.fractions[fw]
            return NumberPhrase(i, frac_tok + 1, v, v, v, "fraction", words=True)
        if w != "one":
            return None
        # "one quarter the power": read as a count of fractions, as "two-thirds" is
        if w in self.cardinals and self.cardinals[w] < 10:
            return self._counted_fraction(tokens, i)
        return None

    def _fraction_stands_alone(self, tokens: list[Token], i: int, follows: str) -> bool:
        """The fraction word after token i ends the phrase: nothing or a comparative follows it ("by
        a third.", "a third more"), or, after a lead word ("cut by", "roughly"), a function word or a
        verb in -ed ("cut by a third to $2.4 billion", "fell by roughly a quarter since March",
        "roughly a third reported ...")."""
        r = self.r
        led = self._word(tokens, i - 1) in r.numbers.fraction_lead_words
        return ((not follows or follows in ("more", "less", "fewer", "higher", "lower", "smaller", "larger",
                                            "bigger", "cheaper")) and (follows or led)
                or led and follows != "of" and (follows in r.grammar.stop_words or follows.endswith("ed")))

    def _counted_fraction(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """A small cardinal at token i and a fraction word: "two-thirds", "three quarters of",
        "one-fifth" (at most a whole)."""
        r = self.r
        w = tokens[i].lower
        k = i + 1
        if k < len(tokens) and tokens[k].text in HYPHENS and tokens[k].glued:
            k += 1
        fw = self._word(tokens, k)
        if fw in r.numbers.fractions and fw not in ("half", "second") and (fw.endswith("s") or self.cardinals[w] == 1):
            v = round(self.cardinals[w] * r.numbers.fractions[fw], 6)
            if fw in ("thirds",):
                v = round(self.cardinals[w] / 3, 6)
            if v > 1:
                return None  # "nine quarters of football": a count of quarters, not 2.25 of a whole
            return NumberPhrase(i, k + 1, v, v, v, "fraction", words=True)
        return None

    def _half_fraction(self, tokens: list[Token], i: int) -> NumberPhrase | None:
        """"half of", "half the", "cut by about half": "half" at token i as a fraction of a whole."""
        nxt = self._word(tokens, i + 1)
        prev = self._word(tokens, i - 1)
        if prev in ("first", "second", "a", "one", "the", "other"):
            return None
        if nxt in ("of", "the", "its", "their", "his", "her", "our", "all"):
            return NumberPhrase(i, i + 1, 0.5, 0.5, 0.5, "fraction", words=True)
        if prev in self.r.numbers.fraction_lead_words and nxt not in ("a", "an") \
                and not (i + 1 < len(tokens) and tokens[i + 1].text in HYPHENS):
            return NumberPhrase(i, i + 1, 0.5, 0.5, 0.5, "fraction", words=True)  # "cut by about half"
        return None

    # ---------------------------------------------------------------- ordinals
    def ordinal_at(self, tokens: list[Token], i: int) -> tuple[int, int] | None:
        """(value, end index) of an ordinal at i: '11th', 'eleventh', 'XI' (Roman only when a
        capitalized name is next to it)."""
        n = len(tokens)
        tok = tokens[i]
        if tok.kind == "num" and tok.text.replace(",", "").isdigit() and i + 1 < n and tokens[i + 1].glued:
            suffix = tokens[i + 1].lower
            if suffix in ("st", "nd", "rd", "th"):
                return int(tok.text.replace(",", "")), i + 2
        if tok.kind == "word":
            if tok.lower in self.cardinals and i + 2 < n and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued \
                    and tokens[i + 2].glued and tokens[i + 2].lower in self.r.numbers.ordinals:
                tens, unit = self.cardinals[tok.lower], self.r.numbers.ordinals[tokens[i + 2].lower]
                if tens >= 20 and tens % 10 == 0 and unit < 10:
                    return int(tens + unit), i + 3  # "twenty-first"
            if tok.lower in self.r.numbers.ordinals:
                return self.r.numbers.ordinals[tok.lower], i + 1
            if tok.text.isupper() and tok.text not in self.r.numbers.roman_exceptions and len(tok.text) <= 6:
                v = roman_value(tok.text)
                if v:
                    nxt_cap = i + 1 < n and tokens[i + 1].kind == "word" and tokens[i + 1].text[:1].isupper() \
                        and not tokens[i + 1].text.isupper()
                    prev_cap = i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text[:1].isupper() \
                        and not tokens[i - 1].text.isupper()
                    if (nxt_cap or prev_cap) and (len(tok.text) > 1 or tok.text in ("V", "X")):
                        return v, i + 1
        return None
