"""Split text into sentences, keeping character offsets into the file."""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres vs etc
inc ltd co corp no nos vol pp jan feb mar apr jun jul aug sep sept oct nov dec approx est dept
univ assn bros u.s a.m p.m e.g i.e al fig gov't sq km u.k u.n e.u u.a.e
""".split())
# US states as AP abbreviates them: a dateline goes on after them ("LITTLE ROCK, Ark. (AP) - ...");
# before a capital they usually end a sentence ("in Santa Rosa, Calif. He ...").
_STATES = frozenset("""
ala ariz ark calif colo conn fla kan ky md mich minn miss mont neb nev okla ore tenn tex wash wis wyo
""".split())
# Words a line cannot end a title or caption with: after them a single line break is a wrapped
# sentence ("nearly\n$280 million", "between\n$300 million and $400 million", "according to\nReuters").
_GOES_ON = frozenset("""
a an the of to in on at by for from with into and or but nor than between nearly about around over
under some almost roughly approximately more less least most up as per its their his her our
hundred thousand million billion trillion bn mn degree degrees past below above beyond exceeding
topped toward towards near latest last first next new one two three four five six seven eight nine ten
eleven twelve dozen
""".split())
_LAST_WORD = re.compile(r"([A-Za-z]+)[ \t\r]*$")
_FIGURE_ENDS = re.compile(r"(?<![^\s$€£(])\d[\d.,]*[A-Za-z]{0,3}[ \t\r]*$")  # "400m", "2.5bn", "5.0L"
# A unit, a code or a month ("12\nMarch") after a wrapped figure; a capitalized word after a figure ends a title ("Dies at
# 77\nPublished: ...", "August 16, 2011\nTwo men ...").
_UNIT_NEXT = re.compile(
    r"(?:[A-Z]{1,4}|[kKMGT]?Hz|[KMGT]bps|Mt|MtCO2|[kMGT]Wh|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)"
    r"\b(?!['’])")
# the line holds words before its last figure (a bare figure on a line of its own is layout debris)
# (searched over at most 80 characters, so its backtracking stays bounded)
_WORDS_BEFORE_FIGURE = re.compile(r"[A-Za-z][^\n]*\s\S+[ \t\r]*$")
# Abbreviations that often end a sentence too ("... in the U.S.\nThe ..."): a line break after them ends it.
_ENDS_SENTENCES = frozenset("u.s u.k u.n e.u u.a.e etc inc ltd co corp bros al est approx dept univ assn a.m p.m sq km fig"
                            .split())
# A line that is a whole date ("August 16, 2011") is a dateline of its own.
_DATE_LINE = re.compile(r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}[ \t\r]*(?:\n|$)")
_ABBREVIATION_ENDS = re.compile(
    r"(?<![A-Za-z.])(?:" + "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS - _ENDS_SENTENCES, key=len, reverse=True))
    + r")\.[ \t\r]*$", re.I)
_MONEY_SIGNS = frozenset("$€£¥₹₱₦₩")
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_SHORT_CAPS = re.compile(r"[A-Z]{1,3}\b")  # "TB", "GW": a unit after a wrapped figure
# The longest sentence read as a unit, in characters. The longest sentence of the development
# corpus (ecbplus-dev, 12,800 sentences) has 871; what is longer is a list, a table or debris
# without full stops, and is cut into pieces (see _cut_long), each read on its own, so that no
# step of the extractor ever looks at more than this many characters at once.
MAX_SENTENCE = 1200
# Where a long sentence is cut, best first: after a semicolon or a comma, at a dash between
# spaces, at whitespace; else after any character that is neither a letter nor a digit.
_CUT_POINTS = ("; ", ", ", " – ", " — ", " - ")
_SPACE = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
# A street's word after its wrapped name ("221 Baker\nStreet").
_STREET_WORDS = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Court|Ct"
                 r"|Terrace|Highway|Hwy)\b")
_STREET_NEXT = re.compile(_STREET_WORDS)
# A street's name and word after its wrapped number ("based at 14\nHarbour Street").
_STREET_NAME_NEXT = re.compile(r"(?:[A-Z][A-Za-z'’-]{0,24}[ \t]+){1,3}" + _STREET_WORDS)


def _ends_sentence(text: str, end_punct: int, after: int) -> bool:
    """Is the punctuation ending at ``end_punct`` a sentence end? ``after`` is the next offset."""
    n = len(text)
    if after < n and not text[after].isspace():
        return False  # "3.5", "U.S.-led", "example.com"
    j = after
    while j < n and text[j] in " \t\r\n":
        j += 1
    if j >= n:
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([—–-"):
        return False
    # The word before the period: an abbreviation or a single capital (initials) does not end.
    k = end_punct
    while k > 0 and text[k - 1] == ".":
        k -= 1
    w = k
    while w > 0 and (text[w - 1].isalpha() or text[w - 1] == "."):
        w -= 1
    word = text[w:k].lower()
    if text[k] == "." and (word in _ABBREVIATIONS or (len(word) == 1 and text[w].isupper())
                           or word in _STATES and nxt == "("):
        return False
    return True


def _line_break_ends(text: str, start: int, pos: int, before: str, nxt: int) -> bool:
    """Does the single line break at ``pos`` end a sentence? ``before`` is the last character of
    the line before, ``nxt`` the offset of the first of the next line."""
    after = text[nxt]
    if before == "." and _ABBREVIATION_ENDS.search(text, max(start, pos - 12), pos):
        return False  # "No.\n5", "St.\nLouis": an abbreviation ends the line, not the sentence
    if after.islower() or after.isdigit() and before.isalnum() or before in ",;:(-–—§#$€£" \
            or after == "(" and before.isalnum():  # "90 miles\n(145 km)"
        return False
    # "1.5\nTB", "2008\nBentley", "5-50\nHz", "95%\nCI", "400m\nUSD": a wrapped figure and what it
    # measures or names
    if (before.isdigit() or before == "%" or _FIGURE_ENDS.search(text, max(start, pos - 24), pos)) \
            and (after in "%°" or _UNIT_NEXT.match(text, nxt) and not _DATE_LINE.match(text, nxt)) \
            and _WORDS_BEFORE_FIGURE.search(text, max(start, text.rfind("\n", start, pos) + 1, pos - 80), pos):
        return False
    if before.isalpha() and (after in _MONEY_SIGNS or after.isupper() and _STREET_NEXT.match(text, nxt)):
        return False  # "nearly\n$280 million", "221 Baker\nStreet"
    if before.isdigit() and _STREET_NAME_NEXT.match(text, nxt):
        return False  # "based at 14\nHarbour Street"
    return not _goes_on(text, max(start, pos - 20), pos)


def _goes_on(text: str, a: int, b: int) -> bool:
    """The line before text[b] ends with a word no title ends with ("to", "nearly", "between")."""
    m = _LAST_WORD.search(text, a, b)
    return m is not None and m.group(1).lower() in _GOES_ON


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over text[start:end], whitespace trimmed.

    A blank line always ends a sentence. A single line break ends one when the line before has
    no closing punctuation and the next starts with a capital (titles, captions, one sentence per
    line), but not inside a wrapped sentence ("1.5\\nmillion", "nearly\\n$280 million", "according
    to\\nReuters"): see ``_line_break_ends``.
    """
    end = len(text) if end is None else end
    cuts: list[int] = []
    for m in _END.finditer(text, start, end):
        if _ends_sentence(text, m.start(), m.end()):
            cuts.append(m.end())
    for m in _BLANK_LINE.finditer(text, start, end):
        cuts.append(m.start())
    pos = text.find("\n", start, end)
    while pos != -1:
        prev = pos - 1
        while prev >= start and text[prev] in " \t\r":
            prev -= 1
        nxt = pos + 1
        while nxt < end and text[nxt] in " \t\r":
            nxt += 1
        if prev >= start and nxt < end and _line_break_ends(text, start, pos, text[prev], nxt):
            cuts.append(pos)
        pos = text.find("\n", pos + 1, end)
    cuts = sorted(set(c for c in cuts if start < c < end)) + [end]
    spans = []
    s = start
    for c in cuts:
        a, b = s, c
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.extend(_cut_long(text, a, b) if b - a > MAX_SENTENCE else [(a, b)])
        s = c
    return spans


def _cut_point(text: str, a: int, b: int) -> int:
    """Where to end the piece of text[a:b] that starts at a (b - a > MAX_SENTENCE): at the best
    safe point in the second half of the first MAX_SENTENCE characters."""
    lo, hi = a + MAX_SENTENCE // 2, a + MAX_SENTENCE
    for mark in _CUT_POINTS:
        k = text.rfind(mark, lo, hi)
        if k >= 0:
            return k + 1
    for pattern, after in ((_SPACE, 0), (_NOT_ALNUM, 1)):
        starts = [m.start() for m in pattern.finditer(text, lo, hi)]
        if starts:
            return starts[-1] + after
    return hi  # one word or number of MAX_SENTENCE characters: layout debris, cut anywhere


def _cut_long(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence text[a:b] longer than MAX_SENTENCE as pieces of at most MAX_SENTENCE
    characters, whitespace trimmed, none dropped."""
    pieces = []
    while b - a > MAX_SENTENCE:
        c = _cut_point(text, a, b)
        e = c
        while e > a and text[e - 1].isspace():
            e -= 1
        if e > a:
            pieces.append((a, e))
        a = c
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        pieces.append((a, b))
    return pieces
