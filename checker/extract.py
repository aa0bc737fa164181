"""Claims: every numeric assertion of an article as one row of the claim table.

For each number phrase the grammar finds (``numbers.py``), the extractor reads its context:
qualifier ("over", "nearly"), range ("between 5 and 7"), change direction ("rose 5%"), unit
(currency, percent, measure, date), the noun phrase it counts ("83 foreign companies"), or, with
no noun after it, the subject it is said of ("the death toll rose to 24") or the earlier claim it
refers back to ("that number is 82"). Numbers that are not amounts are recognised and kept out of
the counts: dates and times (extracted with their own units), ordinals, numbers inside names and
codes ("Army-2023", "G20", "Boeing 737"), labels ("page 5"), scores ("won 3-1"), phone and street
numbers, list numbering and layout debris (a bare number with nothing it counts).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import math
import re
from dataclasses import dataclass, field

from .load import MONTHS, Loaded
from .models import CLAIM_COLUMNS
from .normalize import canonical_entity, head_noun, singular
from .numbers import HYPHENS, MINUS, TOKEN_RE, NumberCue, NumberGrammar, NumberPhrase, Token, tokenize
from .rules import Rules
from .scope import EventRef, Scoper
from .segment import split_sentences

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d{2}|20\d{2})"
# Dates and times, tried before the number grammar so that their digits are not read as counts.
# Each starts a word with a digit or a capital letter (see _DATE_START).
_DATE_PATTERNS = [
    ("date", re.compile(rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})\b")),
    ("date", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b")),
    ("date", re.compile(rf"\b(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>{_YEAR}|\d{{2}})\b")),
    # "August 14-20", "Aug. 9, 2023", "Monday, August 14"
    ("date", re.compile(
        rf"\b(?:{_WEEKDAY},?[ \t]+)?(?P<mon>{_MONTH})[ \t]+(?P<d>{_DAY})(?:[ \t]*[-–][ \t]*(?P<d2>{_DAY}))?"
        rf"(?:,?[ \t]+(?P<y>{_YEAR}))?\b(?![.,]\d)")),
    # "14 August 2023", "14-20 August", "the 5th of May"
    ("date", re.compile(
        rf"\b(?P<d>{_DAY})(?:[ \t]*[-–][ \t]*(?P<d2>{_DAY}))?[ \t]+(?:of[ \t]+)?(?P<mon>{_MONTH})"
        rf"(?:,?[ \t]+(?P<y>{_YEAR}))?\b")),
    # "in March 2021", "March 2021"
    ("date", re.compile(rf"\b(?P<mon>{_MONTH})[ \t]+(?P<y>{_YEAR})\b")),
    # "2023-24 season", "the 1990s", "mid-2020s"
    ("date", re.compile(rf"\b(?P<y>{_YEAR})[-–/](?:\d{{2}}|{_YEAR})\b(?![-–]\d)")),
    ("date", re.compile(r"\b(?P<y>(?:1[5-9]|20)\d0)['’]?s\b")),
    # race and lap times: "won in 2:09:56", "a lap of 1:27.097", "3:51.29" (hours:minutes:seconds,
    # or minutes:seconds with hundredths), not a clock time after "at" or before "a.m."/"GMT"
    ("duration", re.compile(
        r"(?<![Aa]t[ \t])\b(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d{1,3})?)"
        r"|(?P<m2>\d{1,2}):(?P<s2>[0-5]\d\.\d{1,3}))\b"
        r"(?![ \t]*(?:[aApP]\.?[ \t]?[mM]\b|GMT|UTC|[A-Z]{2,4}T\b))")),
    # clock times: "3:45 p.m.", "10 a.m.", "15:30 GMT", "10am"
    ("time", re.compile(
        r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \t]*(?:[aApP]\.?[mM]\.?|GMT|UTC|[A-Z]{2,4}T)\b\.?)?"
        r"|\b(?:1[0-2]|0?[1-9])\.[0-5]\d[ \t]*(?:[aApP]\.[mM]\.|[aApP][mM]\b)"
        r"|\b(?:1[0-2]|0?[1-9])(?:[ \t]*(?:[aApP]\.[ \t]?[mM]\.|[aApP][mM]\b))"
        r"|\b(?:[01]\d|2[0-3])[0-5]\d[ \t]+(?:GMT|UTC|hours|hrs)\b")),
]


def _combine(patterns: list[tuple[str, re.Pattern]]) -> tuple[re.Pattern, list[str]]:
    """One regex for all date/time patterns (one scan per sentence instead of one per pattern).
    Alternative k is group ``_k``; its named groups are renamed ``name_k``. Earlier patterns win
    at the same position, as they did when tried in order."""
    parts = []
    for k, (_, pattern) in enumerate(patterns):
        body = re.sub(r"\(\?P<(\w+)>", lambda m, k=k: f"(?P<{m.group(1)}_{k}>", pattern.pattern)
        parts.append(f"(?P<_{k}>{body})")
    return re.compile("|".join(parts)), [kind for kind, _ in patterns]


_DATES, _DATE_KINDS = _combine(_DATE_PATTERNS)
# For alternative k: its named groups in _DATES ("d_3") with their names in the pattern ("d").
_DATE_GROUPS = [
    [(name, name[: -len(str(k)) - 1]) for name in _DATES.groupindex if name.endswith(f"_{k}") and not name.startswith("_")]
    for k in range(len(_DATE_KINDS))
]
# Every date or time pattern holds a month name, a digit next to ":", "/", "." or "-", a year, a
# decade ("1990s") or a.m./p.m./GMT: a cheap test that spares the full scan in most sentences.
_DATE_HINT = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d"
    r"|\d[ \t]+(?:of[ \t]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"|\d[:/.\-–]\d|(?:1[5-9]|20)\d\d|\d0['’]?s\b|\d[ \t]*[aApP]\.?[ \t]?[mM]\b|\d{4}[ \t]+(?:GMT|UTC|hours|hrs)"
)
# Where a date or time can start: at a word that starts with a digit or a capital letter.
_DATE_START = re.compile(r"\b[\dA-Z]")
# Likewise for phone numbers, image sizes and codes: digit groups joined by separators or "x".
_DEBRIS_HINT = re.compile(r"\d[ \t.\-)]\(?\d|\d[ \t]?[x×][ \t]?\d|\dpx|\d[pi]\b|\+\d|[A-Z]-?\d")
_GROUP_SUFFIX = re.compile(r"_(\d+)$")

# Phone numbers, image sizes and other codes whose digits are never amounts.
_DEBRIS = re.compile(
    r"\b\d-\d-\d\b|(?:\+\d{1,3}[ \t.-]?|\b1[ \t.-])?\(?\b\d{3}\)?[ \t.-]\d{3}[ \t.-]\d{4}\b"
    r"|\+\d{1,3}(?:[ \t.-]\d{2,4}){2,5}\b"
    r"|\b\d{3}-\d{4}\b"
    r"|\b0\d{2,4}(?:[ \t.-]\d{3,4}){1,2}\b"
    r"|\b\d{2,5}[ \t]?[x×][ \t]?\d{2,5}(?:[ \t]?px)?\b"
    r"|\b\d{2,5}px\b"
    r"|\b(?:144|240|360|480|576|720|1080|1440|2160|4320)[pi]\b"
    r"|\b[A-Z]{1,5}-?\d+(?:-\d+)+\b"
)
# Where debris can start: "+", "(", or a word that starts with a digit or a capital letter.
_DEBRIS_START = re.compile(r"[+(]|\b[\dA-Z]")


def _matches(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int, endpos: int) -> list[re.Match]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, trying ``pattern`` only where
    ``starts`` matches. ``starts`` must match at the first character of every match of
    ``pattern`` (which never matches the empty string): the matches are then the same, found
    without trying the long pattern at every character."""
    out = []
    while True:
        c = starts.search(text, pos, endpos)
        if c is None:
            return out
        m = pattern.match(text, c.start(), endpos)
        if m is None:
            pos = c.start() + 1
        else:
            out.append(m)
            pos = max(m.end(), c.start() + 1)


_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(?:\(?\d{1,2}[.)]|\(\d{1,2}\))[ \t]+(?=[A-Z\"“])")
_NUMBERISH = None  # compiled per extractor (depends on the lexicon)
_CLAUSE_BREAK = re.compile(
    r",[ \t]+(?:while|whereas|but|although|though|compared with|compared to|against|up from|down from)\b"
    r"|;[ \t]|[ \t]—[ \t]|[ \t]–[ \t]|:[ \t]", re.I)

_DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_QUOTES = frozenset("\"'“”‘’«»")
_DOUBLE_QUOTES = frozenset("\"”»")
_YEAR_LIKE = re.compile(r"(?:1[5-9]|20|21)\d{2}")


@dataclass
class _Claim:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    change: str | None = None
    entity: str = ""
    resolution: float = 1.0
    kind: str = "cardinal"
    anaphor: bool = False
    subject: bool = False  # entity came from the subject before the number
    extra: dict = field(default_factory=dict)


def _round(x: float | None) -> float | None:
    if x is None or isinstance(x, float) and math.isinf(x):
        return None
    r = round(x, 6)
    return int(r) if float(r).is_integer() and abs(r) < 2**53 else r


class Extractor:
    """Extracts the claims of articles with one rule set; build once, use for many articles."""

    def __init__(self, rules: Rules):
        self.r = rules
        self.grammar = NumberGrammar(rules)
        self.scoper = Scoper(rules)
        words = (
            set(rules.cardinals) | set(rules.scales) | set(rules.plural_scales)
            | set(rules.fractions) | set(rules.vague_multipliers) | set(rules.approximate_numbers)
            | set(rules.ordinals)
        )
        # "less than an inch", "more than a year": a qualifier then "a"/"an" may be one unit
        qual_ends = sorted({k[-1] for k in rules.qualifiers_before if k[-1].isalpha()}, key=len, reverse=True)
        self.numberish = NumberCue(words, qualifier_ends=qual_ends)
        self.qual_max = max((len(k) for k in rules.qualifiers_before), default=1)
        self.qual_after_max = max((len(k) for k in rules.qualifiers_after), default=1)
        self.qual_after_firsts = frozenset(k[0] for k in rules.qualifiers_after if k)
        self.cur_word_max = max((len(k) for k in rules.currency_words), default=1)
        self.measure_max = max(
            [len(k) for k in rules.measure_words] + [len(k) for k in rules.measure_words_exact]
            + [len(k) for k in rules.percent_words] + [1]
        )
        # Currency symbols by their first character ("US$" starts with U): longest first.
        self.symbols = sorted(rules.currency_symbols, key=len, reverse=True)
        self.qualifier_words = {w for phrase in rules.qualifiers_before for w in phrase}
        # last words of qualifier phrases: "than" of "more than", "over"
        self.qualifier_ends = {phrase[-1] for phrase in rules.qualifiers_before}
        self.money = frozenset(rules.currency_symbols.values())
        # words that may start a number phrase or an ordinal
        self.trigger_words = frozenset(
            self.grammar.number_words | set(rules.plural_scales) | set(rules.fractions)
            | set(rules.vague_multipliers) | set(rules.ordinals) | set(rules.approximate_numbers)
            | {"a", "an", "half", "another"}
        )
        # the last token of each currency symbol ("$" of "US$"): a cheap test before trying them
        # units of measure (km, mph, celsius...): not counts, money, percentages, dates or ages
        self.measures = frozenset(set(rules.measure_words.values()) | set(rules.measure_words_exact.values())) \
            - {"percent", "percentage_point", "age"} - _DURATIONS
        self.symbol_ends = frozenset([m.group() for m in TOKEN_RE.finditer(sym)][-1] for sym in rules.currency_symbols)
        self._firsts: dict = {}
        # Per rule set, so kept on the instance: entity as written -> (entity_key, head noun), and
        # lower-case word -> its singular as a context word, or None when it never is one.
        self._entity_keys: dict[str, tuple[str, str]] = {}
        self._context_words: dict[str, str | None] = {}
        self.measure_max = max(self.measure_max, max((len(k) for k in rules.subunits), default=1))
        # The first tokens of every unit table _unit_after reads (lower case, and as written for
        # the exact spellings): a token in neither set starts no unit phrase, so one test spares
        # the table look-ups after most numbers.
        self.unit_firsts = frozenset().union(*(self._first_tokens(table, False) for table in (
            rules.currency_words, rules.subunits, rules.percent_words, rules.measure_words)))
        self.unit_firsts_exact = self._first_tokens(rules.measure_words_exact, True)
        # Currency symbols that end with a given token text, longest first (see _currency_before).
        self._symbols_ending: dict[str, tuple[str, ...]] = {}

    # ================================================================== public API
    def extract(self, loaded: Loaded) -> list[dict]:
        article = loaded.article
        view = loaded.view
        start = article.body_start
        sentences = split_sentences(view, start)
        mentions = self.scoper.mentions(view, start)
        article_year = article.published.year if article.published else None
        ref_year = article_year
        list_numbers = {m.end() for m in _LIST_NUMBER.finditer(view)}
        rows: list[dict] = []
        previous: list[_Claim] = []  # earlier count claims, for "that number"
        for s, e in sentences:
            if not self.numberish.search(view, s, e):
                continue
            claims = self.sentence_claims(view, s, e, previous)
            if not claims:
                continue
            cues = self.scoper.period_cues(view, s, e)
            breaks = [m.start() for m in _CLAUSE_BREAK.finditer(view, s, e)]
            sentence_text = article.text[s:e]
            for c in claims:
                if c.start in list_numbers:
                    continue
                event = self.scoper.event_at(mentions, c.start, s, e)
                if c.unit in ("date", "time"):
                    period = c.extra.get("year") or self.scoper.period_at(cues, c.start, ref_year, event, article_year, breaks)
                    iso = c.extra.get("iso")
                    if iso and iso.startswith("--") and period:
                        # "Monday, August 14": the year of the sentence's period
                        c.extra["iso"] = iso.replace("--", f"{period}-")
                else:
                    period = self.scoper.period_at(cues, c.start, ref_year, event, article_year, breaks)
                rows.append(self._row(article, c, event, period, sentence_text))
        return rows

    def _row(self, article, c: _Claim, event: EventRef | None, period, sentence_text: str) -> dict:
        line, column = article.position(c.start)
        entity = c.entity
        key, head = self._entity_key(entity) if entity else ("", "")
        label = None
        if event is not None:
            label = event.label(period)
            if event.edition is not None and event.year is None and event.annual and period is not None \
                    and article.published is not None and period != article.published.year:
                label = f"{event.series}-{event.edition + period - article.published.year}"
        value = c.value
        if c.unit == "date" and c.extra.get("iso"):
            value = c.extra["iso"]
        row = {
            "article": article.id,
            "source": article.source,
            "published": article.published.isoformat() if article.published else None,
            "value": _round(value) if not isinstance(value, str) else value,
            "low": _round(c.low),
            "high": _round(c.high),
            "qualifier": c.qualifier,
            "change": c.change,
            "unit": c.unit,
            "entity": entity,
            "entity_key": key,
            "event": label,
            "period": period,
            "text": article.text[c.start:c.end],
            "sentence": sentence_text,
            "start": c.start,
            "end": c.end,
            "line": line,
            "column": column,
        }
        row["_resolution"] = c.resolution
        row["_context"] = c.extra.get("context", frozenset())
        row["_head"] = head
        row["_series"] = event.series if event else ""
        row["_increment"] = self._is_increment(article.text, c, entity)
        return row

    _WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]{0,3}$")

    def _increment_in_text(self, text: str) -> bool:
        words = text.lower().split()
        return any(w in self.r.increment_modifiers and (k + 1 == len(words) or words[k + 1] != "than")
                   for k, w in enumerate(words[1:], start=1))

    def _is_increment(self, text: str, c: _Claim, entity: str) -> bool:
        """An increment ("another 20 people", "two additional life sentences"), not a total."""
        increments = self.r.increment_modifiers
        if not increments or c.unit in ("date", "time", "ordinal"):
            return False
        if entity and entity.split(" ", 1)[0] in increments:
            return True
        if c.unit != "count" and self._increment_in_text(text[c.start:c.end]):
            return True  # "5 more days", "$2 billion more"
        before = self._WORD_BEFORE.search(text, max(0, c.start - 24), c.start)
        return before is not None and before.group(1).lower() in increments

    def _entity_key(self, entity: str) -> tuple[str, str]:
        """(canonical key, its head noun) of an entity as written, computed once per string."""
        cached = self._entity_keys.get(entity)
        if cached is None:
            key = canonical_entity(entity, self.r.entity_aliases, self.r.ignored_modifiers)
            cached = self._entity_keys[entity] = (key, head_noun(key) if key else "")
        return cached

    # ================================================================== one sentence
    def sentence_claims(self, view: str, s: int, e: int, previous: list[_Claim]) -> list[_Claim]:
        tokens = tokenize(view, s, e)
        if not tokens:
            return []
        n = len(tokens)
        blocked = [False] * n      # tokens that belong to dates, debris, names
        claims: list[_Claim] = []
        # Dates and times first.
        spans = []
        dates = _matches(_DATES, _DATE_START, view, s, e) if _DATE_HINT.search(view, s, e) else ()
        for m in dates:
            k = int(m.lastgroup[1:])
            groups = {short: m.group(name) for name, short in _DATE_GROUPS[k] if m.group(name) is not None}
            spans.append((m.start(), m.end(), _DATE_KINDS[k], groups))
        for m in (_matches(_DEBRIS, _DEBRIS_START, view, s, e) if _DEBRIS_HINT.search(view, s, e) else ()):
            if not any(a < m.end() and m.start() < b for a, b, _, _ in spans):
                spans.append((m.start(), m.end(), "debris", m))
        spans.sort(key=lambda x: x[0])
        if spans:
            k = 0
            for a, b, kind, m in spans:
                while k < n and tokens[k].end <= a:
                    k += 1
                t = k
                while t < n and tokens[t].start < b:
                    blocked[t] = True
                    t += 1
                if kind in ("date", "time"):
                    claims.append(self._date_claim(kind, a, b, m))
                elif kind == "duration":
                    seconds = round(int(m.get("h") or 0) * 3600 + int(m.get("m") or m.get("m2") or 0) * 60
                                    + float(m.get("s") or m.get("s2")), 3)
                    claims.append(_Claim(a, b, seconds, seconds, seconds, "=", "second", resolution=0.001))
        # Scores ("won 3-1", "the 2-2 draw", "122-119"): both numbers are results, not amounts.
        for k in range(n - 2):
            if tokens[k].kind == "num" and not blocked[k] and self._is_vote(tokens, k):
                # "the court ruled 6-3", "the Senate voted 52-48": a tally, two counts of votes
                a, b = int(tokens[k].text), int(tokens[k + 2].text)
                for t, side in ((tokens[k], a >= b), (tokens[k + 2], b > a)):
                    v = float(t.text)
                    claims.append(_Claim(t.start, t.end, v, v, v, "=", "count",
                                         entity="majority votes" if side else "minority votes"))
                blocked[k] = blocked[k + 1] = blocked[k + 2] = True
            elif tokens[k].kind == "num" and not blocked[k] and self._is_score(tokens, k, k + 1):
                blocked[k] = blocked[k + 1] = blocked[k + 2] = True
            elif tokens[k].kind == "num" and tokens[k + 1].text == "/" and tokens[k + 1].glued \
                    and tokens[k + 2].kind == "num" and tokens[k + 2].glued \
                    and self.grammar.parse_at(tokens, k) is None:
                # "9/11", "24/7": a name, neither of its numbers an amount ("1/2" parses as a fraction)
                blocked[k] = blocked[k + 1] = blocked[k + 2] = True
        i = 0
        while i < n:
            tok = tokens[i]
            if blocked[i] or tok.kind == "sym" and tok.text not in self.r.unicode_fractions:
                i += 1
                continue
            if tok.kind == "word" and tok.lower not in self.trigger_words and not tok.text.isupper():
                i += 1
                continue
            ordinal = self.grammar.ordinal_at(tokens, i)
            if ordinal is not None and not (tok.kind == "word" and tok.lower in self.r.fractions
                                            and self.grammar.parse_at(tokens, i)):
                value, j = ordinal
                if tok.kind == "num" or tok.text.isupper() or (j < n and tokens[j].text[:1].isupper()):
                    claims.append(_Claim(tok.start, tokens[j - 1].end, value, value, value, "=", "ordinal", kind="ordinal"))
                # "21st-century": the ordinal and what it modifies are one word
                i = j
                continue
            phrase = self.grammar.parse_at(tokens, i)
            if phrase is None:
                i += 1
                continue
            if phrase.words and any(self._in_idiom(tokens, k) for k in range(phrase.i, max(phrase.j, phrase.i + 1))):
                i = max(phrase.j, i + 1)  # "at one point", "a zero-day flaw", "zero tolerance"
                continue
            claim = self._claim(view, tokens, phrase, blocked, previous, claims)
            i = max(phrase.j, i + 1)
            if claim is None:
                continue
            if isinstance(claim, list):
                claims.extend(claim)
                i = max(i, claim[-1].extra.get("next", i))
                for c in claim:
                    if c.unit == "count" and c.entity:
                        previous.append(c)
            else:
                claims.append(claim)
                i = max(i, claim.extra.get("next", i))
                if claim.unit == "count" and claim.entity:
                    previous.append(claim)
        claims.sort(key=lambda c: c.start)
        self._link_conversions(view, claims)
        # Context words matter only for one-word entities (see compare._same_predicate).
        starts = None
        for c in claims:
            if c.unit not in ("date", "time", "ordinal") and len(c.entity.split()) <= 1:
                starts = starts or [t.start for t in tokens]
                c.extra["context"] = self._context(tokens, starts, c)
        return claims

    def _context(self, tokens: list[Token], starts: list[int], claim: _Claim, width: int = 6) -> frozenset:
        """Content words around a claim (what is said of the number: "killed", "arrested"),
        singular, without stop words, numbers or the counted phrase itself."""
        entity_words = set(claim.entity.split())
        first = bisect.bisect_left(starts, claim.start)
        last = bisect.bisect_left(starts, claim.end)
        out = set()
        words = self._context_words
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
        words, number words and calendar words (the same for every occurrence: memoized by
        ``_context``)."""
        r = self.r
        if len(w) < 3 or w in r.stop_words or self.grammar.is_number_word(w) or w in r.calendar_words:
            return None
        return singular(w)

    def _bounds(self, value: float, qualifier: str, unit: str, from_below: bool = False) -> tuple[float, float]:
        """The interval a qualifier allows around a value ("about 800", "more than 800")."""
        if qualifier == "~":
            tol = self.r.tolerances.get("approximate", 0.1)
            low, high = sorted((value * (1 - tol), value * (1 + tol)))
            return low, (value if from_below else high)
        if qualifier in (">", ">="):
            return value, math.inf
        return (0.0 if value > 0 and unit not in ("percent", "percentage_point", "celsius", "fahrenheit")
                else -math.inf), value

    def _link_conversions(self, view: str, claims: list[_Claim]) -> None:
        """'85 million euros ($108 million)', '500 billion rubles, or nearly $8 billion': the second
        amount converts the first; it takes the first's entity and is marked as a conversion."""
        money = set(self.r.currency_symbols.values())
        for a, b in itertools.pairwise(claims):
            if a.unit in money and b.unit in money and a.unit != b.unit:
                between = view[a.end:b.start]
                if len(between) <= 20 and re.fullmatch(
                        r"[\s,(]*(?:or|about|around|roughly|some|approximately)?[\s(]*"
                        r"(?:nearly|about|around|roughly|some|approximately|almost)?[\s(]*", between):
                    b.extra["conversion_of"] = a
                    if not b.entity:
                        b.entity = a.entity
            elif a.unit in self.measures and b.unit in self.measures and a.unit != b.unit \
                    and re.fullmatch(r"[ \t]*\([ \t]*", view[a.end:b.start]):
                # "as much as 610 km (379 miles)": the conversion shares the first's qualifier
                b.extra["conversion_of"] = a
                if b.qualifier == "=" and a.qualifier in ("~", ">", ">=", "<", "<=") and b.value is not None:
                    b.qualifier = a.qualifier
                    b.low, b.high = self._bounds(b.value, b.qualifier, b.unit)

    # ------------------------------------------------------------------ dates
    def _date_claim(self, kind: str, a: int, b: int, g: dict) -> _Claim:
        year = None
        iso = None
        if g.get("y"):
            y = int(g["y"])
            year = y + 2000 if y < 100 else y
        if kind == "date":
            month = None
            if g.get("mon"):
                month = MONTHS.get(g["mon"].lower().rstrip("."))
            elif g.get("m"):
                month = int(g["m"])
            day = int(re.match(r"\d+", g["d"]).group()) if g.get("d") else None
            day2 = int(re.match(r"\d+", g["d2"]).group()) if g.get("d2") else None
            try:
                if year and month and day:
                    iso = _dt.date(year, month, day).isoformat()
                    if day2:
                        iso += ".." + _dt.date(year, month, day2).isoformat()
                elif month and day:
                    iso = f"--{month:02d}-{day:02d}" + (f"..--{month:02d}-{day2:02d}" if day2 else "")
                elif year and month:
                    iso = f"{year}-{month:02d}"
                elif year:
                    iso = str(year)
            except ValueError:
                iso = None
        return _Claim(a, b, None, None, None, "=" if not g.get("d2") else "range", kind, kind=kind,
                      extra={"year": year, "iso": iso, "month_day": kind == "date" and year is None})

    # ------------------------------------------------------------------ context
    def _prev_words(self, tokens: list[Token], i: int, count: int) -> list[str]:
        out = []
        k = i - 1
        while k >= 0 and len(out) < count:
            if tokens[k].kind == "word":
                out.append(tokens[k].lower)
            elif tokens[k].text in ("$", "€", "£", "¥", "₹", "₽"):
                pass
            else:
                break
            k -= 1
        return out[::-1]

    def _qualifier_before(self, tokens: list[Token], i: int) -> tuple[str | None, int, tuple]:
        """Longest qualifier phrase ending just before token i (a currency sign or article may
        stand between). Returns (qualifier, index where it starts, phrase)."""
        k = i
        # skip a currency sign / code and "a"/"the" ("over a dozen", "more than $5")
        while k > 0 and (tokens[k - 1].text in self.r.currency_symbols or tokens[k - 1].lower in ("a", "an", "us")) \
                and k > i - 3:
            k -= 1
        # ("above the 50% threshold", "shy of the 1.5C": a reference value, not a bound)
        if k == 0 or tokens[k - 1].lower not in self.qualifier_ends:
            return None, i, ()  # every qualifier phrase ends with one of these words
        for size in range(self.qual_max, 0, -1):
            if k - size < 0:
                continue
            window = tokens[k - size:k]
            if any(t.kind != "word" for t in window) and not (size == 1 and tokens[k].glued):
                continue  # words, or one sign glued to the number ("> 6 months" is not glued; ">6" is)
            phrase = tuple(t.lower for t in window)
            if phrase in self.r.qualifiers_before:
                return self.r.qualifiers_before[phrase], k - size, phrase
        return None, i, ()

    def _qualifier_after(self, tokens: list[Token], k: int, end_tok: int,
                         allow_plus: bool = False) -> tuple[str | None, int]:
        """A qualifier phrase starting at token k ("or more"), and the end of the evidence (else
        ``end_tok``). "plus" only right after a number ("500 plus"; "300 yards plus two
        touchdowns" adds)."""
        if 0 <= k < len(tokens) and tokens[k].lower not in self.qual_after_firsts:
            return None, end_tok  # no qualifier phrase starts with this word
        for size in range(self.qual_after_max, 0, -1):
            window = tokens[k:k + size]
            if len(window) == size and all(t.kind == "word" for t in window):
                key = tuple(t.lower for t in window)
                if key in self.r.qualifiers_after and (allow_plus or key != ("plus",)):
                    return self.r.qualifiers_after[key], k + size
        return None, end_tok

    def _currency_before(self, tokens: list[Token], i: int) -> tuple[str | None, int]:
        """'$', 'US$', '€', 'Rs', 'USD' just before token i."""
        if i == 0 or tokens[i - 1].text not in self.symbol_ends:
            return None, i
        last = tokens[i - 1].text
        # the glued tokens joined below end with ``last``: only a symbol ending with it can match
        candidates = self._symbols_ending.get(last)
        if candidates is None:
            candidates = self._symbols_ending[last] = tuple(sym for sym in self.symbols if sym.endswith(last))
        for sym in candidates:
            # join the glued tokens ending at i-1 and compare
            k = i - 1
            text = tokens[k].text
            while len(text) < len(sym) and k > 0 and tokens[k].glued:
                k -= 1
                text = tokens[k].text + text
            if text == sym:
                code = self.r.currency_symbols[sym]
                # a code or "Rs" must stand apart from a preceding word
                return code, k
            if k > 0 and text == "$" and not tokens[k].glued and tokens[k - 1].kind == "word" \
                    and len(tokens[k - 1].text) >= 2 and tokens[k - 1].text.isupper() \
                    and tokens[k - 1].text + text == sym:
                # "US $5", "NT $18": a country prefix set apart from its dollar sign (not "A $5
                # fine", where the one letter is an article)
                return self.r.currency_symbols[sym], k - 1
        return None, i

    def _first_tokens(self, table: dict, exact: bool) -> frozenset:
        """The first token of every phrase of a table: a cheap test before trying the phrases."""
        cached = self._firsts.get((id(table), exact))
        if cached is None:
            firsts = set()
            for key in table:
                m = TOKEN_RE.match(key[0])
                first = m.group() if m else key[0]
                firsts.add(first if exact else first.lower())
            cached = self._firsts[(id(table), exact)] = frozenset(firsts)
        return cached

    def _match_phrase(self, tokens: list[Token], j: int, table: dict, max_len: int, exact: bool = False):
        """Longest phrase of ``table`` starting at token j (words and glued symbols)."""
        n = len(tokens)
        if j >= n or (tokens[j].text if exact else tokens[j].lower) not in self._first_tokens(table, exact):
            return None, j
        window = tokens[j:j + min(max_len, n - j)]
        texts = [t.text for t in window]
        keys = texts if exact else [t.lower for t in window]
        # the first ``glued`` tokens of the window are glued together (no space between them)
        glued = 1
        while glued < len(window) and window[glued].glued:
            glued += 1
        for size in range(len(window), 0, -1):
            key = tuple(keys[:size])
            if key in table:
                return table[key], j + size
            # "km/h", "°C": symbols glued into one spelling
            if size <= glued:
                joined = "".join(texts[:size])
                jk = (joined,) if exact else (joined.lower(),)
                if jk in table:
                    return table[jk], j + size
        return None, j

    def _unit_after(self, tokens: list[Token], j: int, phrase: NumberPhrase | None,
                    currency: str | None) -> tuple[str | None, int, float]:
        """Unit written after the number at token j: currency words, percent, subunits ("27 cents",
        "25 basis points"), measures. Returns (unit, index after it, factor to apply)."""
        r = self.r
        n = len(tokens)
        if j >= n:
            return None, j, 1.0
        t = tokens[j]
        if t.text == "%":
            return "percent", j + 1, 1.0
        # "12-kilometre", "7.1-magnitude", "five-year": a unit glued by a hyphen
        k = j
        if t.text in HYPHENS and t.glued and j + 1 < n and tokens[j + 1].glued and tokens[j + 1].kind == "word":
            k = j + 1
        glued = tokens[k].glued
        # no phrase of the unit tables starts at k unless its first token does
        in_tables = tokens[k].lower in self.unit_firsts or tokens[k].text in self.unit_firsts_exact
        if k == j:
            if in_tables:
                code, end = self._match_phrase(tokens, k, r.currency_words, self.cur_word_max)
                if code:
                    return code, end, 1.0
            if t.kind == "word" and t.text in r.currency_symbols and t.text.isupper() and len(t.text) == 3:
                return r.currency_symbols[t.text], j + 1, 1.0
            if t.kind == "word" and t.lower in r.ambiguous_currency_words:
                cur, other = r.ambiguous_currency_words[t.lower]
                scaled = phrase is not None and phrase.scaled
                start = phrase.i if phrase is not None else j
                money_near = any(tok.lower in r.money_context for tok in tokens[max(0, start - 6):j + 4])
                return (cur if scaled or currency or money_near else other), j + 1, 1.0
        elif tokens[k].lower in r.ambiguous_currency_words:
            return r.ambiguous_currency_words[tokens[k].lower][1], k + 1, 1.0  # "a 300-pound lineman"
        if not in_tables:
            return None, j, 1.0
        sub, end = self._match_phrase(tokens, k, r.subunits, self.measure_max)
        if sub and (len(tokens[k].text) > 2 or glued or tokens[k].text not in r.glued_only_units):
            unit, factor = sub
            return unit, end, factor
        best, best_end = None, j
        for table, exact in ((r.percent_words, False), (r.measure_words_exact, True), (r.measure_words, False)):
            unit, end = self._match_phrase(tokens, k, table, self.measure_max, exact=exact)
            if unit and end > best_end:  # the longest spelling wins: "km/h" over "km"
                spelled = "".join(tok.text for tok in tokens[k:end])
                if spelled in r.glued_only_units and not glued:
                    continue
                best, best_end = unit, end
        if best is not None:
            return best, best_end, 1.0
        return None, j, 1.0

    def _np_after(self, tokens: list[Token], j: int, max_words: int = 6) -> tuple[str, int]:
        """The noun phrase starting at token j: words up to a stop word, punctuation or verb."""
        r = self.r
        n = len(tokens)
        words: list[str] = []
        k = j
        joined_and = False
        while k < n and len(words) < max_words:
            t = tokens[k]
            if t.kind == "sym" and t.text in _QUOTES and k + 1 < n and tokens[k + 1].kind == "word" and (
                    not words and not t.glued and tokens[k + 1].glued
                    or words and t.text in _DOUBLE_QUOTES and t.glued and not tokens[k + 1].glued):
                # 'two "ghost" ships', 'three "aerials," ladders': quotes around a word of the phrase
                # (a closing single quote may be a plural possessive: "the two finalists' fans")
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
                nxt = tokens[k + 1].lower
                after = tokens[k + 2].lower if k + 2 < n and tokens[k + 2].kind == "word" else ""
                nouny = not self._is_plural(words[-1]) or (self._is_plural(nxt) and after not in r.determiners
                                                           and after not in ("a", "an")) or self._is_plural(after)
                if nouny and nxt not in r.stop_words and not self._is_verbish(tokens, k + 1) \
                        and not self.grammar.is_number_word(nxt) and not tokens[k + 1].text[:1].isupper():
                    # "enterprises and organizations", "soldiers and officers"
                    words.append("and")
                    joined_and = True
                    k += 1
                    continue
                break
            if not words and w in r.np_lead_modifiers and k + 1 < n and tokens[k + 1].kind == "word" \
                    and tokens[k + 1].lower not in r.stop_words and not tokens[k + 1].text[:1].isupper():
                k += 1  # "two earlier legal opinions", "four later reports": the noun phrase follows
                continue
            if w in r.stop_words and not (self._capitals_at(tokens, k) and k + 1 < n
                                          and tokens[k + 1].kind == "word" and not tokens[k + 1].text.isupper()) \
                    or w in r.calendar_words \
                    or self.grammar.is_number_word(w) or w in r.plural_scales:
                break  # (but "12 US troops", "40 IT workers": capitals are a name, not "us", "it")
            if self._is_verbish(tokens, k):
                # "armed men", "missing people": a participle before another noun-phrase word
                if k + 1 < n and tokens[k + 1].kind == "word" and tokens[k + 1].lower not in r.stop_words \
                        and not self._is_verbish(tokens, k + 1) and not words:
                    words.append(w)
                    k += 1
                    continue
                if not words and w in r.participle_counts:
                    # "24 dead", "12 injured": the participle is what is counted
                    words.append(w)
                    k += 1
                break
            words.append(w)
            k += 1
            # "83 foreign companies exhibit ...", "12 ships sank": a plural noun ends the phrase
            if self._is_plural(w) and k < n and tokens[k].kind == "word" and tokens[k].lower not in ("and", "of"):
                break
        if words and words[-1] == "and":
            words.pop()
        return " ".join(words), k

    @staticmethod
    def _is_plural(w: str) -> bool:
        return w in ("people", "police", "staff", "personnel", "children", "men", "women") or \
            (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and singular(w) != w)

    def _is_verbish(self, tokens: list[Token], k: int) -> bool:
        w = tokens[k].lower
        if w in self.r.nouns_ending_ed_ing:
            return False
        return (w.endswith("ed") and len(w) > 4) or (w.endswith("ing") and len(w) > 5)

    def _np_before(self, tokens: list[Token], i: int) -> tuple[str, bool]:
        """Subject said to have the number: 'the death toll rose to 24' -> 'death toll'.
        Returns (phrase, is_anaphor)."""
        r = self.r
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
            verb = w in r.link_verbs or w in r.change_words or self._is_verbish(tokens, k) \
                or w.endswith("s") and w[:-1] in r.change_words
            if verb or w in r.stop_words or w in self.qualifier_words:
                # an anaphor ("that number is 82") is a noun even though "number" is not a stop word
                linked = linked or verb
                k -= 1
                skipped += 1
                continue
            break
        words, k = self._head_words(tokens, k)
        if not words:
            return "", False
        m = k if linked else -1
        while m >= 1 and k - m < 5 and tokens[m].kind == "word" and (
                tokens[m].lower in ("the", "a", "an", "its", "their", "this", "that")
                or tokens[m].text[:1].isupper() and tokens[m].lower not in r.stop_words):
            m -= 1  # "in the city", "to the Wasilla Bible Church"
        if m >= 1 and tokens[m].kind == "word" and tokens[m].lower in r.subject_prepositions:
            # "Damage to the church was estimated at $1 million", "the death toll in the city rose
            # to 24": the subject is the noun before the preposition, not its complement (only
            # across a verb: in "struck at a depth of 10 km" the number is the depth's)
            head, before = self._head_words(tokens, m - 1)
            if head:
                words, k = head, before
        phrase = " ".join(words)
        prev_word = tokens[k].lower if k >= 0 and tokens[k].kind == "word" else ""
        is_anaphor = len(words) == 1 and words[0] in r.anaphors and prev_word in ("that", "the", "this", "its")
        return phrase, is_anaphor

    def _head_words(self, tokens: list[Token], k: int) -> tuple[list[str], int]:
        """The noun phrase (at most four words) ending at token k, read backwards: its words in
        order and the index of the token before it."""
        r = self.r
        words = []
        while k >= 0 and len(words) < 4:
            t = tokens[k]
            if t.kind != "word":
                break
            w = t.lower
            if w in r.stop_words or w in r.change_words or self._is_verbish(tokens, k) or w in r.calendar_words \
                    or self.grammar.is_number_word(w) or w in r.plural_scales:
                break
            if t.text[:1].isupper() and words:
                break
            words.append(w)
            k -= 1
        words.reverse()
        return words, k

    def _change(self, tokens: list[Token], i: int, j: int) -> str | None:
        """Direction of change said of the number spanning tokens i..j ("rose 5%", "a 12% increase").
        A number after "from" is the starting point of a change, not a change ("up from 30")."""
        r = self.r
        if i > 0 and tokens[i - 1].lower == "from":
            return None
        k = i - 1
        seen = 0
        # "cut the risk of death by 20 per cent": "by" ties the number to a change verb further back
        window = r.change_window_before * 2 if i > 0 and tokens[i - 1].lower == "by" else r.change_window_before
        while k >= 0 and seen < window:
            t = tokens[k]
            if t.kind == "num":
                break
            if t.kind == "word":
                if t.lower in r.change_words:
                    return r.change_words[t.lower]
                seen += 1
            elif t.text in ",;:":
                break
            k -= 1
        k = j
        seen = 0
        n = len(tokens)
        while k < n and seen < r.change_window_after:
            t = tokens[k]
            if t.kind == "word":
                if t.lower in r.change_words and t.lower not in ("up", "down", "lower", "higher") or \
                        t.lower in ("higher", "lower") and seen == 0:
                    return r.change_words[t.lower]
                seen += 1
            elif t.text not in HYPHENS:
                break
            k += 1
        return None

    @staticmethod
    def _title_case(tokens: list[Token]) -> bool:
        """A headline in title case ("FTSE 100 Closes at Record 8,445 as Miners Rally"): there a
        capitalized word before a number is no sign of a name. Only asked when a capitalized word
        stands right before a number, so not worth caching per sentence."""
        long_words = [t.text for t in tokens if t.kind == "word" and len(t.text) > 3]
        return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.8 * len(long_words)

    def _amount_follows(self, tokens: list[Token], phrase: NumberPhrase) -> bool:
        """The number is money or a share: a big scale ("3.2 million"), "%" or a currency word after it."""
        if phrase.scaled and not phrase.ambiguous_scale:
            return True
        j = phrase.j
        if j >= len(tokens):
            return False
        if tokens[j].text == "%":
            return True
        unit, _, _ = self._unit_after(tokens, j, phrase, None)
        return unit in self.money or unit in ("percent", "percentage_point")

    @staticmethod
    def _golf_or_split(tokens: list[Token], i: int) -> bool:
        """Golf scores ("8-under 63", "15 under par", "a 4-under-par 68") and share splits
        ("a 10-for-1 stock split"): numbers that are no amount of anything."""
        n = len(tokens)

        def word(k: int) -> str:
            return tokens[k].lower if 0 <= k < n else ""

        def skip_hyphen(k: int) -> int:
            return k + 1 if k < n and tokens[k].text in HYPHENS and tokens[k].glued else k

        k = skip_hyphen(i + 1)
        if word(k) in ("under", "over") and (k > i + 1 or word(skip_hyphen(k + 1)) == "par"):
            return True  # "8-under", "15 under par"
        if word(i - 1) == "par" or (word(i - 1) in ("under", "over") and i > 2
                                     and tokens[i - 2].text in HYPHENS and tokens[i - 3].kind == "num"):
            return True  # the round's score after "4-under-par 68", "8-under 63"
        # "a 10-for-1 stock split": both numbers
        if word(i + 1) in HYPHENS and word(i + 2) == "for" and i + 4 < n and tokens[i + 4].kind == "num":
            after = [word(i + 5), word(i + 6)]
        elif word(i - 1) in HYPHENS and word(i - 2) == "for" and i > 3 and tokens[i - 4].kind == "num":
            after = [word(i + 1), word(i + 2)]
        else:
            return False
        return "split" in after

    def _weak_symbol(self, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
        """'R5,000', 'R120m', 'N25.50': a one-letter currency symbol (units.yaml weak_symbols),
        trusted only on an amount written with a separator, decimals or a scale ("R8" stays a name)."""
        if i == 0 or tokens[i - 1].text not in self.r.weak_currency_symbols or not tokens[i].glued:
            return False
        if i > 1 and tokens[i - 1].glued:
            return False
        text = tokens[i].text
        return "," in text or "." in text or phrase.scaled

    def _after_label(self, tokens: list[Token], i: int) -> bool:
        """Token i follows a label word ("page 5", "Section 427"), directly or through a list or a
        range of numbers ("versions 6, 7, 8 and 9", "pages 212 to 219")."""
        r = self.r
        k = i - 1
        n = len(tokens)
        # a range of labels ("pages 212 to 219", "pages 5-9"), unless a noun follows the second
        # number ("from page 5 to 12 people")
        counted = i + 1 < n and tokens[i + 1].kind == "word" and tokens[i + 1].lower not in r.stop_words
        while k > 0 and (tokens[k].text == "," or tokens[k].lower in ("and", "or", "&")
                         or not counted and (tokens[k].lower in ("to", "through")
                                             or tokens[k].text in HYPHENS and tokens[k].glued and tokens[i].glued)) \
                and (tokens[k - 1].kind == "num" or tokens[k - 1].text == ","):
            k -= 1
            while k > 0 and tokens[k].kind == "num":
                k -= 1
        prev = tokens[k]
        return prev.kind == "word" and prev.lower in r.label_words and not prev.text.isupper() \
            and prev.lower not in self.qualifier_words \
            and (tokens[i].kind == "num" or k == i - 1)

    def _code_after(self, tokens: list[Token], j: int) -> bool:
        """A legal code's abbreviation starts at token j ("U.S.C.", "USC", "CFR"; rules/grammar.yaml
        code_abbreviations), dots left out."""
        letters = ""
        k = j
        while k < len(tokens) and len(letters) < 6 and (k == j or tokens[k].glued) \
                and (tokens[k].kind == "word" and tokens[k].text.isupper() or tokens[k].text == "."):
            letters += tokens[k].text if tokens[k].text != "." else ""
            k += 1
        return letters.lower() in self.r.code_abbreviations if letters else False

    @staticmethod
    def _in_designation(tokens: list[Token], i: int) -> bool:
        """Token i is a number of 'N-in-M-<word>' ("a 1-in-100-year flood")."""
        n = len(tokens)
        if not (i + 1 < n and tokens[i + 1].text in HYPHENS):
            return False  # both numbers of the pattern have a hyphen right after them

        def hyphen(k):
            return 0 <= k < n and tokens[k].text in HYPHENS and tokens[k].glued

        def is_in(k):
            return 0 <= k < n and tokens[k].lower == "in" and tokens[k].glued

        if i + 4 < n and hyphen(i + 1) and is_in(i + 2) and hyphen(i + 3) and tokens[i + 4].glued \
                and hyphen(i + 5):
            return True
        return i >= 4 and hyphen(i - 1) and is_in(i - 2) and hyphen(i - 3) and tokens[i].glued \
            and tokens[i - 4].kind in ("num", "word") and hyphen(i + 1)

    @staticmethod
    def _betting_odds(tokens: list[Token], i: int) -> bool:
        """Token i is a number of 'N/M' or 'N-M' right after "odds" (or "odds of", "odds at")."""
        n = len(tokens)
        if i + 2 < n and tokens[i + 1].text in ("/", "-") and tokens[i + 2].kind == "num":
            first = i
        elif i >= 2 and tokens[i - 1].text in ("/", "-") and tokens[i - 2].kind == "num":
            first = i - 2
        else:
            return False
        k = first - 1
        if k >= 0 and tokens[k].lower in ("of", "at"):
            k -= 1
        return k >= 0 and tokens[k].lower == "odds"

    @staticmethod
    def _capitals_at(tokens: list[Token], k: int) -> bool:
        """Token k is a word in capitals of two letters or more ("MAX", "NATO", "US")."""
        return k < len(tokens) and tokens[k].kind == "word" and len(tokens[k].text) > 1 and tokens[k].text.isupper()

    def _is_name_number(self, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
        """'Army-2023', 'COVID-19', 'G20', 'Boeing 737', 'Section 427', '5G', 'S&P 500'."""
        r = self.r
        tok = tokens[i]
        n = len(tokens)
        if i > 0 and self._after_label(tokens, i) and not (
                tok.kind == "word" and phrase.j < n and tokens[phrase.j].kind == "word"
                and self._is_plural(tokens[phrase.j].lower) and tokens[i - 1].lower not in r.rank_words):
            # "page twenty", "number 12", "versions 6, 7, 8 and 9"; but a number word that counts
            # a plural noun is an amount ("ending his season two games short of the finale"),
            # unless a rank word makes it a rank ("the school's top four scorers")
            return True
        if tok.kind != "num":
            # "a two-seeded team", "a four-pointer": a number word glued to a designation
            return phrase.j + 1 < n and tokens[phrase.j].text in HYPHENS and tokens[phrase.j].glued \
                and tokens[phrase.j + 1].glued and tokens[phrase.j + 1].lower in r.designation_words
        if i > 0 and self._statistic_before(tokens, i):
            return False  # "95% CI 0.61 to 0.85", "HR 0.77": a statistic's value, not a code
        if self._golf_or_split(tokens, i):
            return True
        if len(tok.text) > 1 and tok.text[0] == "0" and tok.text[1].isdigit():
            return True  # "0845 125 2222", "BEY 0843": codes and phone numbers, not amounts
        if phrase.j + 1 < n and tokens[phrase.j].text in HYPHENS and tokens[phrase.j].glued \
                and tokens[phrase.j + 1].glued and tokens[phrase.j + 1].kind == "word":
            after = tokens[phrase.j + 1]
            if after.text.isupper() and (len(after.text) > 1 or phrase.j + 2 >= n or not tokens[phrase.j + 2].glued) \
                    or after.lower in r.designation_words:
                return True  # "877-LAPD", "an 8-K filing", "a .38-caliber revolver", "32-bit"
        if phrase.ambiguous_scale and tokens[phrase.j - 1].text.isupper() and tokens[phrase.j - 1].glued:
            cur, _ = self._currency_before(tokens, i)
            if cur is None:
                return True  # "1B Mark Teixeira", "3M": a code, not a billion
        if self._in_designation(tokens, i):
            return True  # "a 1-in-100-year flood": a kind of flood, neither number an amount
        if tok.kind == "num" and self._betting_odds(tokens, i):
            return True  # "odds of 2/1", "at 5 / 2": betting odds, not amounts
        if tok.kind == "num" and (
                i + 2 < n and tokens[i + 1].text == "." and tokens[i + 1].glued and tokens[i + 2].glued
                and tokens[i + 2].kind == "num"
                or i >= 2 and tok.glued and tokens[i - 1].text == "." and tokens[i - 1].glued
                and tokens[i - 2].kind == "num" and "." in tokens[i - 2].text):
            return True  # "Firmware 3.2.1", "version 10.4.2": a version, not amounts
        if tok.kind == "num" and i >= 4 and len(tok.text) >= 3 and tok.glued and tokens[i - 1].text in HYPHENS \
                and tokens[i - 1].glued and tokens[i - 2].kind == "word" and tokens[i - 2].glued \
                and len(tokens[i - 2].text) <= 3 and tokens[i - 2].lower not in r.stop_words \
                and tokens[i - 3].text in HYPHENS and tokens[i - 3].glued and tokens[i - 4].kind == "num":
            return True  # "No. 23-cv-4417": a docket or file number (not "15-of-22", "6-foot-9")
        if tok.kind == "num" and phrase.j < n and self._code_after(tokens, phrase.j):
            return True  # "18 U.S.C. § 1343", "40 CFR 60": the title of a code
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "num" and not tok.glued and not phrase.scaled \
                and self._capitals_at(tokens, phrase.j):
            return True  # "27 737 MAX jets": a number between a count and a capitalized name is the model's
        if prev is not None:
            if prev.kind == "word" and tok.glued and prev.text not in r.currency_symbols \
                    and not self._weak_symbol(tokens, i, phrase):
                return True  # G20, MH17; not "EUR2.3bn", "Rp60.4 trillion", "R120m"
            if prev.lower in r.phone_words and phrase.j == i + 1 and not phrase.scaled and (
                    phrase.j >= n or tokens[phrase.j].kind != "word" or tokens[phrase.j].lower in r.stop_words):
                return True  # "called 911 to report", "dial 999": a phone number
            if prev.text in HYPHENS and tok.glued and i > 1 and tokens[i - 2].kind in ("word", "num") and prev.glued:
                w = tokens[i - 2]
                if w.kind == "word" and (w.text[:1].isupper() or w.lower in r.label_words):
                    return True  # Army-2023, COVID-19, F-35
                if w.kind == "word" and w.lower in ("under", "over"):
                    return True  # "the under-21 side", "over-50s": an age group's name
            if prev.text == "." and i > 1 and tokens[i - 2].lower in ("no", "nos", "p", "pp", "vol", "art", "sec") \
                    and tokens[i - 2].text[:1].isupper():
                return True  # No. 1
            if prev.text == "#" and tok.glued or prev.text in ("§", "¶"):
                return True  # "#1", "§ 1343"
            if prev.kind == "word" and prev.text[:1].isupper() and not tok.glued:
                low = prev.lower
                if not (low in r.stop_words or low in r.calendar_words or low in self.qualifier_ends
                        or prev.text in r.currency_symbols or low in r.change_words
                        or low in r.measures_before or low.endswith("'s") or low.endswith("’s")
                        or low in self.grammar.number_words or low in r.ignored_modifiers):
                    # A capitalized word right before: part of a name, unless the sentence starts there
                    # ("Another 20 people", "Those 12 jurors" start a sentence, not a name), the
                    # sentence is a headline in title case ("Company Cuts 1,200 Jobs"), or the
                    # number is an amount of money or a percentage ("fined Orange 3.2 million euros")
                    at_start = i == 1 or (i > 1 and tokens[i - 2].text in ".:;\"“(")
                    if prev.text.isupper() and len(prev.text) > 1:
                        return True
                    headline = self._title_case(tokens) and phrase.j < n and tokens[phrase.j].kind == "word"
                    if not at_start and not headline and not self._amount_follows(tokens, phrase):
                        return True  # ("Creighton 65, Drake 5" stays a score line)
                    measure_follows = phrase.j + 1 < n and tokens[phrase.j].text in HYPHENS \
                        and tokens[phrase.j].glued and (tokens[phrase.j + 1].lower,) in r.measure_words
                    if at_start and low not in r.change_words and low not in r.number_adverbs \
                            and not measure_follows:
                        # "Apollo 11 ..." is a name; "Exactly 40 ...", "Only 12 ...", "Benchmark
                        # 10-year yields ..." are not
                        return True
            if prev.text == "&" or (prev.kind == "word" and prev.text.isupper() and len(prev.text) >= 2 and not tok.glued
                                    and prev.text not in r.currency_symbols and prev.lower not in self.qualifier_ends):
                return True
            if prev.kind == "word" and not tok.glued and any(c.isupper() for c in prev.text[1:]) \
                    and prev.text not in r.currency_symbols and not prev.lower.endswith(("'s", "’s")):
                return True  # iPhone 15, PlayStation 5; not "IBM's 10 percent share"
        nxt = tokens[phrase.j] if phrase.j < n else None
        if nxt is not None and nxt.glued and nxt.kind == "word" and not phrase.scaled:
            low = nxt.lower
            known = (low in r.scale_abbreviations or (low,) in r.measure_words or (nxt.text,) in r.measure_words_exact
                     or (low,) in r.percent_words or (low,) in r.subunits or (low,) in r.currency_words
                     or low in ("st", "nd", "rd", "th", "s", "am", "pm"))
            if not known:
                return True  # 5G, 4K, 3D
        return False

    def _is_vote(self, tokens: list[Token], i: int) -> bool:
        """'voted 6-3', 'a 52-48 vote', 'passed 310-118': two numbers joined by a hyphen that tally votes
        (rules/grammar.yaml: vote_words, within three words before or right after)."""
        n = len(tokens)
        if not (i + 2 < n and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued and tokens[i + 2].kind == "num"
                and tokens[i + 2].glued and tokens[i].text.isdigit() and tokens[i + 2].text.isdigit()):
            return False
        if i + 3 < n and tokens[i + 3].glued and tokens[i + 3].text in HYPHENS | {"/"}:
            return False  # "9-1-1", "2-1/2"
        around = [t.lower for t in tokens[max(0, i - 3):i]] + [tokens[i + 3].lower if i + 3 < n else ""]
        if any(w in self.r.vote_words for w in around):
            return True
        # "The Senate passed the $1.2 trillion spending package 74-24": a voting body earlier in
        # the sentence, and no word of a game
        earlier = {t.lower for t in tokens[:i]}
        return bool(earlier & self.r.vote_bodies) and not (earlier & self.r.score_words)

    def _is_score(self, tokens: list[Token], i: int, j: int) -> bool:
        """'won 3-1', '2-2', '102-99': two numbers joined by a hyphen that are a result."""
        r = self.r
        n = len(tokens)
        if not (j + 1 < n and tokens[j].text in HYPHENS and tokens[j].glued and tokens[j + 1].kind == "num"
                and tokens[j + 1].glued):
            return False
        a, b = tokens[i].text, tokens[j + 1].text
        if not (a.isdigit() and b.isdigit()):
            return False
        if j + 2 < n and tokens[j + 2].text == "/" and tokens[j + 2].glued:
            return False  # "2-1/2 years": a whole number and a fraction
        if int(a) >= int(b):
            return True
        if i > 0 and tokens[i - 1].lower == "the" and j + 2 < n and tokens[j + 2].kind == "word" \
                and tokens[j + 2].text[:1].isupper():
            return True  # "the 0-14 Lions", "the 2-13 Chiefs": a team's record
        window = [t.lower for t in tokens[max(0, i - 6):min(n, j + 6)] if t.kind == "word"]
        return any(w in r.score_words for w in window)

    def _is_street(self, tokens: list[Token], j: int) -> bool:
        """'10 Downing Street', '325 E. Dahlia Ave.', '40 East 5th Ave.', 'the 3400 block of'."""
        n = len(tokens)
        if j + 1 < n and tokens[j].lower == "block" and tokens[j + 1].lower == "of":
            return True
        k = j
        words = 0
        while k < n and words < 4:
            t = tokens[k]
            if t.kind == "word" and t.text[:1].isupper():
                if t.lower in self.r.street_words and words >= 1:
                    return True
                words += 1
            elif t.text == "." and k > j:
                pass
            elif t.kind == "num" and k + 1 < n and tokens[k + 1].lower in ("st", "nd", "rd", "th") and tokens[k + 1].glued:
                k += 1  # "5th Ave."
                words += 1
            else:
                return False
            k += 1
        return False

    # ------------------------------------------------------------------ one number
    def _claim(self, view: str, tokens: list[Token], phrase: NumberPhrase, blocked: list[bool],
               previous: list[_Claim], sentence_claims: list[_Claim]) -> _Claim | None:
        r = self.r
        n = len(tokens)
        i, j = phrase.i, phrase.j
        tok = tokens[i]
        if self._is_name_number(tokens, i, phrase):
            return None
        if tok.kind == "num" and self._is_street(tokens, j):
            return None
        if tok.kind == "word" and tok.text[:1].isupper() and not self._at_sentence_start(tokens, i):
            return None  # "The Three Musketeers", "ONE News", "the Big Ten": a name
        decade_age = self._decade_age(tokens, phrase)
        if decade_age is not None:
            return decade_age
        spoken_year = self._year_in_words(tokens, phrase)
        if spoken_year is not None:
            return spoken_year
        if i > 0 and tokens[i - 1].lower == "per":
            return None  # "per 10 grams", "per 100,000 people": a rate's denominator
        year = self._year_claim(tokens, phrase)
        if year is not None:
            return year

        # Sign: "-3.2%", "minus 5 degrees" (a hyphen glued between two words/numbers is no sign)
        sign = 1
        start_tok = i
        if tok.kind == "num" and i > 0 and tokens[i - 1].text in MINUS and tok.glued \
                and (i == 1 or not tokens[i - 1].glued or tokens[i - 2].text in "([:"):
            sign, start_tok = -1, i - 1
        elif i > 0 and tokens[i - 1].lower == "minus":
            if not (i > 2 and tokens[i - 3].lower == "plus" and tokens[i - 2].lower == "or"):
                sign, start_tok = -1, i - 1  # not "plus or minus 3.1 points": a margin, not a sign
        elif i > 1 and tokens[i - 1].text in HYPHENS and tok.glued and tokens[i - 1].glued \
                and tokens[i - 2].lower == "minus":
            sign, start_tok = -1, i - 2  # "minus-20 degree temperatures"
        currency, cur_start = self._currency_before(tokens, start_tok)
        if currency is None and self._weak_symbol(tokens, i, phrase):
            currency, cur_start = self.r.weak_currency_symbols[tokens[i - 1].text], i - 1
        if currency is not None:
            start_tok = cur_start
        qualifier, q_start, q_phrase = self._qualifier_before(tokens, start_tok)
        if q_phrase in r.spatial_qualifiers and phrase.words and not phrase.scaled and (phrase.value or 0) < 10 \
                and phrase.kind != "fraction" \
                and not (q_start > 0 and singular(tokens[q_start - 1].lower) in r.person_nouns) \
                and not (qualifier in ("<", "<=") and j < len(tokens) and singular(tokens[j].lower) in _DURATIONS):
            # (but "children under five" is an age bound, "under three hours" a time limit)
            # "over two defenders", "under three feet of water" reads as a place, not a bound
            qualifier, q_start, q_phrase = None, start_tok, ()
        from_below = q_phrase in r.from_below
        low, high = phrase.low * sign, phrase.high * sign
        low, high = min(low, high), max(low, high)
        value = phrase.value * sign if phrase.value is not None else None
        kind, resolution, end_tok = phrase.kind, phrase.resolution, j

        # "80m" is 80 metres unless money is involved
        if phrase.ambiguous_scale and currency is None and (
                phrase.scale_word == "mm" or not self._plural_noun_at(tokens, j)):  # "$120MM", never "155mm shells"
            follow, _, _ = self._unit_after(tokens, j, phrase, None)
            if follow not in self.money:
                factor = r.scale_abbreviations.get(phrase.scale_word or "", 1)
                low, high = low / factor, high / factor
                value = value / factor if value is not None else None
                resolution /= factor
                end_tok = j - 1
                phrase.scaled = False

        unit, after_unit, factor = self._unit_after(tokens, end_tok, phrase, currency)
        # Range: "between 5 and 7", "5 to 7 million", "5-7%", "38C to 40C", "8- to 16-meter"
        rng = self._range(tokens, blocked, phrase, start_tok, q_start, after_unit if unit else end_tok,
                          unit, currency, low, high)
        if rng is not None:
            low, high, second, unit2, after2, factor2 = rng
            value, qualifier, kind = None, "range", "range"
            resolution = second.resolution
            end_tok = second.j
            if unit2 is not None:
                unit, after_unit, factor = unit2, after2, factor2
            elif unit is None:
                after_unit = end_tok
        if currency is not None:
            if unit in self.money:
                end_tok = after_unit
            unit = currency
        elif unit is not None:
            end_tok = after_unit
        if factor != 1.0:
            low, high = round(low * factor, 9), round(high * factor, 9)
            value = round(value * factor, 9) if value is not None else None
            resolution *= factor

        if unit in ("mm", "cm", "inch") and end_tok < n and tokens[end_tok].lower in r.calibre_nouns:
            return None  # "155mm artillery rounds", "a 120mm mortar": a calibre, a weapon's name
        if unit == "percent" and end_tok < n and (r.statistics.get(tokens[end_tok].text, "").endswith("interval")
                                                  or tokens[end_tok].lower == "confidence"):
            return None  # "95% CI": the confidence level names the interval that follows
        entity = ""
        prev_word = tokens[start_tok - 1].lower if start_tok > 0 and tokens[start_tok - 1].kind == "word" else ""
        # Ages: "aged 42", "a 42-year-old man", "John Smith, 42,"; "a magnitude of 4.4"
        if unit is None and prev_word in r.measures_before:
            unit = r.measures_before[prev_word]
        elif unit is None and (prev_word == "of" or prev_word in r.range_openers and kind == "range") \
                and start_tok > 1 and tokens[start_tok - 2].lower in r.measures_before:
            unit = r.measures_before[tokens[start_tok - 2].lower]  # "a magnitude of 4.4", "aged between 17 and 45"
        if unit is None and end_tok < n and tokens[end_tok].lower in ("point", "points") \
                and any(t.lower in r.poll_words for t in tokens):
            unit, end_tok = "percentage_point", end_tok + 1  # "leads by 4 points in the poll"
        if unit is None and end_tok + 1 < n and tokens[end_tok].lower in r.unit_fillers:
            # "three more years", "five straight days": a filler word between number and unit
            filled, after_fill, fill_factor = self._unit_after(tokens, end_tok + 1, phrase, currency)
            if filled is not None and filled not in self.money:
                unit, end_tok, factor = filled, after_fill, fill_factor
                if factor != 1.0:
                    low, high = low * factor, high * factor
                    value = value * factor if value is not None else None
        if end_tok < n and tokens[end_tok].glued and (
                tokens[end_tok].text == "+" or end_tok + 1 < n and tokens[end_tok].text in HYPHENS
                and tokens[end_tok + 1].glued and tokens[end_tok + 1].lower in ("plus", "odd")):
            # "400+ followers", "4-plus hours", "30-odd years" (a qualifier before it wins: "some
            # 40-odd people"); the unit may follow the suffix
            suffix = tokens[end_tok].text if tokens[end_tok].text == "+" else tokens[end_tok + 1].lower
            qualifier = qualifier or ("~" if suffix == "odd" else ">=")
            end_tok += 1 if suffix == "+" else 2
            after, after_end, after_factor = self._unit_after(tokens, end_tok, phrase, currency) \
                if unit is None else (None, end_tok, 1.0)
            if after is not None and after not in self.money:
                unit, end_tok, factor = after, after_end, after_factor
                if factor != 1.0:
                    low, high = low * factor, high * factor
                    value = value * factor if value is not None else None
        if unit is None and kind in ("vague", "fraction") and end_tok + 1 < n and tokens[end_tok].lower == "of":
            # "hundreds of years", "thousands of dollars", "two-tenths of a mile"
            k_of = end_tok + 1
            if k_of < n and tokens[k_of].lower in ("a", "an") and kind == "fraction":
                k_of += 1
            of_unit, after_of, of_factor = self._unit_after(tokens, k_of, phrase, None)
            if of_unit is not None and (of_unit not in ("percent", "percentage_point") or k_of > end_tok + 1):
                unit, end_tok = of_unit, after_of
                low, high = low * of_factor, high * of_factor
                value = value * of_factor if value is not None else None
                kind = "vague" if kind == "vague" else "cardinal"
        if unit is None and start_tok >= 2 and tokens[start_tok - 1].text in HYPHENS and tok.glued \
                and tokens[start_tok - 1].glued and tokens[start_tok - 2].lower in ("foot", "feet", "ft") \
                and value is not None and 0 <= value < 12:
            unit = "inch"  # "the 6-foot-11 forward": six feet and eleven inches
        if unit in _DURATIONS and q_phrase in (("past",), ("over",)) and not (
                q_phrase == ("over",) and q_start > 0 and tokens[q_start - 1].lower in r.bound_prepositions) \
                and not (end_tok < n and tokens[end_tok].lower == "old"):
            # "repaid over 25 years", "in the past 24 hours": the period the figure covers, not a
            # bound ("jailed for over 20 years", "the first time in over a decade" stay bounds)
            qualifier, q_start, q_phrase = None, start_tok, ()
        if unit is not None and factor == 1.0 and value is not None and float(value).is_integer() \
                and end_tok + 2 < n and [t.lower for t in tokens[end_tok:end_tok + 3]] == ["and", "a", "half"]:
            # "a mile and a half", "two hours and a half"
            value += 0.5
            low, high = value, value
            end_tok += 3
        if unit == "year" and end_tok < n and tokens[end_tok].lower == "old":
            unit, end_tok = "age", end_tok + 1
        elif unit == "year" and end_tok + 1 < n and tokens[end_tok].text in HYPHENS \
                and tokens[end_tok + 1].lower in ("old", "olds"):  # "a 58-year-old", "16-year-olds"
            unit, end_tok = "age", end_tok + 2
        person = self._apposed_age_of(tokens, start_tok, end_tok, value) if unit is None else None
        if person is not None:
            unit = "age"
            entity = tokens[person].lower

        if qualifier is None and start_tok >= 2 and end_tok < n and tokens[end_tok].lower == "range" \
                and tokens[start_tok - 2].lower == "in" and tokens[start_tok - 1].lower == "the":
            qualifier, q_start, end_tok = "~", start_tok - 2, end_tok + 1  # "in the $75 million range"
        # Qualifier after: "800 or more"
        if qualifier is None:
            k_after = end_tok
            if unit is not None and k_after + 1 < n and tokens[k_after].lower in ("a", "an", "per") \
                    and tokens[k_after + 1].lower in r.rate_periods:
                k_after += 2  # "$250,000 a year or less"
            # "500 or more widgets": the noun follows the qualifier
            qualifier, end_tok = self._qualifier_after(tokens, k_after, end_tok, allow_plus=True)
            if qualifier is not None and unit is None and tokens[end_tok - 1].lower in ("older", "younger"):
                unit = "age"  # "55 or older"

        if unit is None and end_tok + 1 < n and tokens[end_tok].text in HYPHENS and tokens[end_tok].glued \
                and tokens[end_tok + 1].glued and tokens[end_tok + 1].lower in r.multiplier_words:
            return None  # "rose 30-fold": a multiplier
        # "eight times that of Earth", "a fourfold rise": multipliers are not amounts
        if end_tok < n and tokens[end_tok].lower in r.multiplier_words and unit is None:
            nxt = tokens[end_tok + 1].lower if end_tok + 1 < n else ""
            if nxt in r.comparison_words or nxt.endswith("er") or tokens[end_tok].glued:
                return None  # "eight times that of Earth", "four times larger", "fourfold"
            entity = tokens[end_tok].lower  # "stabbed 17 times": a count of occasions

        # What is counted
        anaphor = subject = False
        if unit is None or unit in self.money or unit in ("age", "fraction") or kind == "vague":
            k = end_tok
            if k + 1 < n and tokens[k].text in HYPHENS and tokens[k].glued and tokens[k + 1].glued \
                    and tokens[k + 1].kind == "word" and unit is None:
                # "a 3,000-strong contingent", "a 2,800-word statement", "a 1.5 million-share block"
                if tokens[k + 1].lower in r.strength_words:
                    k += 2  # "a 3,000-strong contingent": what follows is counted
                else:
                    # "a 41-yard catch", "a 2,800-word statement": the glued noun is what is counted
                    entity = entity or tokens[k + 1].lower
                    k += 2
            if not entity and k < n and tokens[k].lower == "of":
                # "thousands of soldiers", "a third of the votes", "nine of the 12 jurors"
                k2 = k + 1
                while k2 < n and tokens[k2].lower in r.determiners:
                    k2 += 1
                total = self.grammar.parse_at(tokens, k2) if k2 < n and not blocked[k2] else None
                if total is not None and unit is None:
                    k2 = total.j
                if kind in ("vague", "fraction") or total is not None or phrase.kind == "fraction":
                    k = k2
            if not entity and unit in self.money and k + 1 < n and tokens[k].lower in ("in", "of") \
                    and tokens[k + 1].kind == "word" and not tokens[k + 1].text[:1].isupper() \
                    and tokens[k + 1].lower not in r.determiners and tokens[k + 1].lower not in r.stop_words \
                    and tokens[k + 1].lower not in r.calendar_words:
                # "$2 million in damages", "$281 million in cash", "$5 billion of bonds": the money's
                # kind. Not "in the first quarter", "in Texas", "in total", "in March".
                entity = self._np_after(tokens, k + 1)[0]
            if not entity and k < n:
                entity, np_end = self._np_after(tokens, k)
                if entity and qualifier is None:
                    qualifier, end_tok = self._qualifier_after(tokens, np_end, end_tok)  # "300 yards or more"
        if not entity and unit == "percent" and end_tok + 1 < n and tokens[end_tok].lower == "of":
            # "55 percent of voice traffic", "52% of voters": the whole the share is of
            k2 = end_tok + 1
            while k2 < n and tokens[k2].lower in r.determiners:
                k2 += 1
            if k2 < n and tokens[k2].kind == "word" and not tokens[k2].text[:1].isupper():
                entity = self._np_after(tokens, k2)[0]
        if entity and entity.split()[-1] in ("ones", "one") and len(entity.split()) > 1:
            # "83 countries, including 41 high-level ones": "ones" stands for the first plural noun
            # of the sentence ("Military delegations from ...")
            for t in tokens[:start_tok]:
                if t.kind == "word" and self._is_plural(t.lower) and t.lower not in ("ones",):
                    entity = " ".join(entity.split()[:-1] + [t.lower])
                    break
        if phrase.kind == "fraction" and unit is None:
            unit = "fraction"
        elif unit is None and tok.kind == "num" and tok.text.startswith(".") and not phrase.scaled:
            unit = "fraction"  # "hit .358", "a record of 284-286 (.498)": an average written as a decimal
        if not entity and unit is None:
            # "n=9,412", "p=0.003", "95% CI 0.61 to 0.85": a statistic's value
            entity = self._statistic_before(tokens, q_start if qualifier is not None else start_tok)
        relative_time = unit in _DURATIONS and end_tok < n and tokens[end_tok].lower in r.relative_time_words
        if not entity and unit not in ("date", "time") and not relative_time:
            # ("four days earlier", "three weeks ago" place an event in time: no subject has them)
            np, anaphor = self._np_before(tokens, q_start if qualifier is not None else start_tok)
            if anaphor:
                # "that number is 82": what the latest count before it counted
                for c in reversed(sentence_claims + previous):
                    if c.unit == "count" and c.entity and not c.anaphor:
                        entity = c.entity
                        break
                anaphor = bool(entity)
            elif np:
                entity, subject = np, True
        if unit is None:
            unit = "count"
        if unit == "count" and value is not None and 0 < value < 10 \
                and (not float(value).is_integer() or "." in tok.text) and entity \
                and any(w in r.magnitude_nouns for w in entity.split()[:2]) and self._is_plural(entity.split()[0]) is False:
            unit = "magnitude"  # "a 4.4 earthquake", "the 2.9 aftershock", "3.0 or above" said of a quake
        if unit == "count" and subject and qualifier in ("<", "<=", ">", ">=") and q_start > 0 \
                and singular(tokens[q_start - 1].lower) in r.person_nouns \
                and value is not None and float(value).is_integer() and 0 < value < 120:
            unit = "age"  # "children under 16", "physicians under 40"

        if unit == "count" and kind == "range" and (subject or not entity):
            if i + 1 < n and tokens[i + 1].text in HYPHENS and tokens[i + 1].glued:
                for t in range(i, end_tok):
                    blocked[t] = True  # "9-14": nor is its second end an amount on its own
            return None  # "a record of 9-14", "wound up at 40-42": no amount of anything
        if unit == "count" and not self._is_claim_count(tokens, phrase, start_tok, end_tok, entity, subject,
                                                        qualifier, kind, prev_word, sentence_claims):
            return None
        if unit == "count" and not entity and end_tok + 4 < n and tokens[end_tok].kind == "num" \
                and [t.lower for t in tokens[end_tok + 1:end_tok + 5]] == ["-", "year", "-", "olds"]:
            entity = tokens[end_tok].text + "-year-olds"  # "two 16-year-olds": teenagers are counted
        if unit == "count" and not entity and end_tok + 1 < n and tokens[end_tok].kind == "num" \
                and not tokens[end_tok].glued and self._capitals_at(tokens, end_tok + 1):
            model = self._np_after(tokens, end_tok + 1)[0]
            entity = f"{tokens[end_tok].text} {model}" if model else ""  # "27 737 MAX jets": 737 max jets
        if unit == "count" and not entity and not (end_tok < n and tokens[end_tok].kind == "num"):
            listed = self._list_partner(tokens, start_tok, sentence_claims)
            if listed is not None:
                unit, entity = listed.unit, listed.entity
        if unit == "count" and not entity:
            q0 = q_start if qualifier is not None else start_tok
            if q0 > 0 and tokens[q0 - 1].lower in ("and", "or"):
                # "Three people died and two dozen were injured", "1,200 homes were destroyed and
                # hundreds more damaged": an elliptical count of what the clause before counted
                for c in reversed(sentence_claims):
                    if c.unit == "count" and c.entity:
                        entity = c.entity
                        break

        # The interval the qualifier allows
        if qualifier is None:
            qualifier = "vague" if kind == "vague" else ("~" if kind == "approximate" else "=")
        elif kind == "vague":
            qualifier = "vague"
        if value is not None and qualifier in ("~", ">", ">=", "<", "<="):
            low, high = self._bounds(value, qualifier, unit, from_below)
        first = tokens[q_start].start if qualifier not in ("=", "range", "vague") and q_start < start_tok \
            else tokens[start_tok].start
        if kind == "range" and start_tok > 0 and tokens[start_tok - 1].lower in r.range_openers:
            first = tokens[start_tok - 1].start  # "between 5 and 7"
        last = max(tokens[end_tok - 1].end, tokens[j - 1].end)
        return _Claim(first, last, value, low, high, qualifier, unit,
                      change=self._change(tokens, min(q_start, start_tok), end_tok), entity=entity,
                      resolution=resolution, kind=kind, anaphor=anaphor, subject=subject,
                      extra={"next": end_tok})

    def _year_claim(self, tokens: list[Token], phrase: NumberPhrase) -> _Claim | None:
        """'in 2004', 'by 2100', 'the 2022 season': a four-digit year is a date, not a count."""
        i, j = phrase.i, phrase.j
        tok = tokens[i]
        if tok.kind != "num" or j != i + 1 or not _YEAR_LIKE.fullmatch(tok.text):
            return None
        prev = tokens[i - 1].lower if i > 0 else ""
        nxt = tokens[j] if j < len(tokens) else None
        # "her 1999 role", "a silver 2007 Ford Fusion", "the 2010 season": a year as a modifier
        modifier = nxt is not None and nxt.kind == "word" and not nxt.glued and nxt.lower not in self.r.stop_words \
            and (nxt.text[:1].isupper() or singular(nxt.lower) == nxt.lower and not nxt.lower.endswith("s")
                 and nxt.lower not in ("people", "police", "staff"))
        if nxt is not None and nxt.kind == "word" and not nxt.glued and prev in ("a", "an") \
                and nxt.lower not in self.r.stop_words:
            modifier = True  # "a 2008 police raid": no count takes "a"
        if modifier and (prev,) not in self.r.qualifiers_before:
            return _Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                          extra={"year": int(tok.text), "iso": tok.text})
        if self._in_year_list(tokens, i) or (
                nxt is not None and nxt.glued and nxt.lower in ("'s", "’s", "'", "’")):
            # "in 1994, 1996 and 2002"; "2008's sexiest man": a year
            return _Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                          extra={"year": int(tok.text), "iso": tok.text})
        if prev in self.r.year_words or prev.endswith(("'s", "’s")) \
                or (i > 0 and (tokens[i - 1].text in HYPHENS or tokens[i - 1].text == "/")):  # "05 / 03 / 2013"
            if not ((prev,) in self.r.qualifiers_before and self._np_after(tokens, j)[0]):
                return _Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                              extra={"year": int(tok.text), "iso": tok.text})
        return None

    @staticmethod
    def _in_year_list(tokens: list[Token], i: int) -> bool:
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

    def _range(self, tokens, blocked, phrase, start_tok, q_start, k, unit1, currency, low, high):
        """The second end of a range starting with ``phrase``, or None.

        "from X to Y" is not a range (a change from one level to another: two claims), nor is
        "by X to Y" (a change and the new level), nor are two ends in different units.
        """
        r = self.r
        n = len(tokens)
        if k < n and tokens[k].text in HYPHENS and k + 1 < n and tokens[k + 1].lower == "to":
            k += 1  # "8- to 16-meter"
        if k >= n:
            return None
        joiner = tokens[k].lower
        hyphen = tokens[k].text in HYPHENS and tokens[k].glued
        before = tokens[q_start - 1].lower if q_start > 0 else ""
        before_num = tokens[start_tok - 1].lower if start_tok > 0 else ""
        opener = before if before in r.range_openers else (before_num if before_num in r.range_openers else "")
        if opener == "from" and joiner == "up" and k + 1 < n and tokens[k + 1].lower == "to":
            k, joiner = k + 1, "to"  # "will cost from $999 up to $1,099"
        if not (hyphen or joiner in r.range_joiners):
            return None
        # "rose by 2% to 5%", "rose from 62 to 64", "dropped $100 to $1199": a change and its
        # result, two claims; "range from $200 to $1,500", "sells for from $500 to $550", "cut
        # 1,000-1,500 jobs", "fell by 20 to 30 percent", "lost an estimated $10 million to $15
        # million": a range (decided below, once the second end is read)
        k_before = q_start - (2 if opener == "from" else 1)
        change_before = not hyphen and (
            before_num == "by" or before == "by"
            or (k_before >= 0 and tokens[k_before].lower in r.change_words))
        if opener == "from" and not change_before:
            # "raises the minimum retirement age from 62 to 64": a change word earlier in the clause
            k_from = q_start - 1 if before == "from" else start_tok - 1
            for t in reversed(tokens[max(0, k_from - 8):k_from]):
                if t.kind == "sym" and t.text in ",;:":
                    break
                if t.lower in r.change_words:
                    change_before = True
                    break
        if change_before and opener == "from":
            return None
        if joiner == "and" and opener != "between":
            return None
        k3 = k + 1
        cur2 = None
        if k3 < n and tokens[k3].text in r.currency_symbols:
            cur2 = r.currency_symbols[tokens[k3].text]
            k3 += 1
        elif k3 + 1 < n and tokens[k3].kind != "num" and tokens[k3 + 1].glued:
            m = k3 + 1
            while m < n and m < k3 + 4 and tokens[m].kind != "num" and tokens[m].glued:
                m += 1
            if m < n and tokens[m].kind == "num":
                cur, cur_start = self._currency_before(tokens, m)
                if cur is not None and cur_start == k3:
                    cur2, k3 = cur, m  # "US$38 billion to US$42 billion"
        if k3 >= n or blocked[k3]:
            return None
        second = self.grammar.parse_at(tokens, k3)
        if second is None or second.kind in ("vague", "fraction"):
            return None
        if hyphen and (tokens[k3].kind != "num" or not tokens[k3].glued) and not (tokens[k].lower == "to"):
            if tokens[k3].kind == "num" and not tokens[k3].glued:
                return None
        unit2, after2, factor2 = self._unit_after(tokens, second.j, second, currency or cur2)
        if cur2 is not None:
            unit2 = cur2
        if currency is not None and cur2 is not None and currency != cur2:
            return None
        u1 = currency or unit1
        if u1 is not None and unit2 is not None and u1 != unit2:
            return None
        if u1 is not None and unit2 is None and unit1 is not None and unit1 not in self.money and currency is None:
            # "12% to 2.4 billion": a percent then a bare level is a change and its result
            return None
        lo1, hi1 = low, high
        lo2, hi2 = second.low, second.high
        # "5 to 7 million": the scale of the second end applies to the first
        if second.scaled and not phrase.scaled and second.scale_word:
            f = self.grammar.scales.get(second.scale_word) or r.scale_abbreviations.get(second.scale_word, 1)
            if lo1 * f <= lo2:
                lo1, hi1 = lo1 * f, hi1 * f
        if not lo1 < hi2:
            return None
        if change_before:
            # After a change word the reading is a range only when the ends are close (a change
            # is mostly small beside the level it leads to: "rose 0.2 to 5.4 percent") and either
            # the first end is bare, its unit given once by the second ("fell by 20 to 30
            # percent"), or it is hedged ("lost an estimated $10 million to $15 million").
            bare_first = unit1 is None and currency is None and unit2 is not None
            hedged = q_start < start_tok
            if not (bare_first or hedged) or hi2 > 2.5 * lo1 or lo1 <= 0:
                return None
        return lo1, hi2, second, unit2, after2, factor2

    @staticmethod
    def _at_sentence_start(tokens: list[Token], i: int) -> bool:
        k = i - 1
        while k >= 0 and tokens[k].kind == "sym" and tokens[k].text in "\"“”'‘’([":
            k -= 1
        return k < 0 or (tokens[k].kind == "sym" and tokens[k].text in ".!?…>:;—–-")

    def _statistic_before(self, tokens: list[Token], k: int) -> str:
        """The statistic a bare number at token k reports (rules/grammar.yaml statistics):
        "n=1,204", "p<0.001", "95% CI 1.32-2.11", "95% CI, 0.74 to 0.91", "HR 0.77"."""
        stats = self.r.statistics
        signs = ("=", "<", ">", "≤", "≥")
        if k >= 2 and tokens[k - 1].text in signs and tokens[k - 2].text in stats:
            return stats[tokens[k - 2].text]
        if 1 <= k < len(tokens) and tokens[k].text in signs and tokens[k - 1].text in stats:
            return stats[tokens[k - 1].text]  # "p<0.001": k is the sign, read as the qualifier
        j = k - 2 if k >= 2 and tokens[k - 1].text in (",", ":") else k - 1
        if j >= 0 and len(tokens[j].text) > 1 and tokens[j].text in stats:
            return stats[tokens[j].text]
        return ""

    _TENS = frozenset(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))

    def _year_in_words(self, tokens: list[Token], phrase: NumberPhrase) -> _Claim | None:
        """'Nineteen fifty-three', 'twenty twenty-four': a year said in words, a date."""
        j = phrase.j
        if not (phrase.words and phrase.value in (18, 19, 20) and j < len(tokens)
                and tokens[j].lower in self._TENS):
            return None
        rest = self.grammar.parse_at(tokens, j)
        if rest is None or rest.value is None or not 10 <= rest.value <= 99 or rest.scaled:
            return None
        year = int(phrase.value) * 100 + int(rest.value)
        end = tokens[rest.j - 1].end
        return _Claim(tokens[phrase.i].start, end, None, None, None, "=", "date", kind="date",
                      extra={"year": year, "iso": str(year), "next": rest.j})

    def _decade_age(self, tokens: list[Token], phrase: NumberPhrase) -> _Claim | None:
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
        return _Claim(first.start, tokens[j].end, None, low, high, "vague", "age", kind="vague",
                      extra={"next": j + 1})

    def _plural_noun_at(self, tokens: list[Token], k: int) -> bool:
        """'2m users', '6.1m people': a plural noun (not a unit) stands at k."""
        if k >= len(tokens) or tokens[k].kind != "word" or tokens[k].glued:
            return False
        w = tokens[k].lower
        if w in self.r.stop_words or (w,) in self.r.measure_words:
            return False
        return singular(w) != w or w in ("people", "police", "staff", "personnel")

    def _apposed_age_of(self, tokens, start_tok, end_tok, value) -> int | None:
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
            return self._age_subject(tokens, start_tok - 1)  # "Teixeira, who turns 29 on April 11"
        if start_tok >= 2 and tokens[start_tok - 1].lower == "at" \
                and tokens[start_tok - 2].lower in ("died", "dies", "dead", "death") and 1 <= value <= 120 \
                and (end_tok >= n or tokens[end_tok].kind != "word"
                     or tokens[end_tok].lower in ("on", "in", "after", "of", "from")):
            return self._age_subject(tokens, start_tok - 2)  # "Fred LaRue dies at 75", "died at 75 of cancer"
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
        if prev.kind == "word" and (prev.text[:1].isupper() and prev.lower not in self.r.stop_words and not pair
                                    or singular(prev.lower) in self.r.person_nouns):
            return k
        return None

    def _age_subject(self, tokens: list[Token], verb: int) -> int:
        """The person an age verb speaks of ("Teixeira, who turns 29", "Fred LaRue dies at 75"):
        the last word of the name or person noun just before it, else the verb itself."""
        k = verb - 1
        while k >= 0 and (tokens[k].lower in ("who", "has", "had", "will", "would", "just") or tokens[k].text == ","):
            k -= 1
        if k >= 0 and tokens[k].kind == "word" and (
                tokens[k].text[:1].isupper() or singular(tokens[k].lower) in self.r.person_nouns):
            return k
        return verb

    def _list_partner(self, tokens, start_tok, sentence_claims) -> _Claim | None:
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

    def _in_idiom(self, tokens: list[Token], i: int) -> bool:
        """Token i is the number word of an idiom of rules/grammar.yaml (number_idioms)."""
        w = tokens[i].lower
        for idiom in self.r.number_idioms:
            for pos, word in enumerate(idiom):
                if word != w or i - pos < 0 or i - pos + len(idiom) > len(tokens):
                    continue
                if all(tokens[i - pos + k].lower == idiom[k] for k in range(len(idiom))):
                    return True
        return False

    def _is_claim_count(self, tokens, phrase, start_tok, end_tok, entity, subject, qualifier, kind,
                        prev_word, sentence_claims) -> bool:
        """Is a count a claim? Rules out pronoun 'one', bare debris, and the like."""
        r = self.r
        n = len(tokens)
        tok = tokens[phrase.i]
        # "one of the suspects", "no one", "the one": a pronoun, not a count
        if phrase.words and phrase.value == 1 and not phrase.scaled:
            nxt = tokens[end_tok].lower if end_tok < n else ""
            if nxt in ("of", "another", "day", "time", "way") or prev_word in ("no", "the", "every", "any", "each",
                                                                                  "some", "which", "this", "that"):
                return False
            if self._in_idiom(tokens, phrase.i):
                return False  # "at one point", "for one thing", "one by one"
            if subject or not entity:
                return False
        if tok.kind == "word" and tok.lower in ("a", "an") and not phrase.scaled and phrase.kind != "vague":
            return False  # "a few movie credits" is a vague count; "a" alone is not
        if entity and entity.split()[0] in r.street_words:
            return False
        if entity:
            return not (subject and entity in self.grammar.number_words)
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

def claim_rows_columns() -> list[str]:
    return list(CLAIM_COLUMNS)
