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

import datetime as _dt
import math
import re
from dataclasses import dataclass, field

from .load import Loaded, _MONTHS
from .models import CLAIM_COLUMNS
from .normalize import canonical_entity, head_noun
from .numbers import HYPHENS, MINUS, NumberGrammar, NumberPhrase, Token, tokenize
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
    # clock times: "3:45 p.m.", "10 a.m.", "15:30 GMT", "10am"
    ("time", re.compile(
        r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?(?:[ \t]*(?:[aApP]\.?[mM]\.?|GMT|UTC|[A-Z]{2,4}T)\b\.?)?"
        r"|\b(?:1[0-2]|0?[1-9])(?:[ \t]*(?:[aApP]\.[mM]\.|[aApP][mM]\b))"
        r"|\b(?:[01]\d|2[0-3])[0-5]\d[ \t]+(?:GMT|UTC|hours|hrs)\b")),
]
# Phone numbers, image sizes and other codes whose digits are never amounts.
_DEBRIS = re.compile(
    r"(?:\+\d{1,3}[ \t.-]?)?\(?\b\d{3}\)?[ \t.-]\d{3}[ \t.-]\d{4}\b"
    r"|\+\d{1,3}(?:[ \t.-]\d{2,4}){2,5}\b"
    r"|\b\d{3}-\d{4}\b"
    r"|\b\d{2,5}[ \t]?[x×][ \t]?\d{2,5}(?:[ \t]?px)?\b"
    r"|\b\d{2,5}px\b"
    r"|\b[A-Z]{1,5}-?\d+(?:-\d+)+\b"
)
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(?:\(?\d{1,2}[.)]|\(\d{1,2}\))[ \t]+(?=[A-Z\"“])")
_NUMBERISH = None  # compiled per extractor (depends on the lexicon)
_CLAUSE_BREAK = re.compile(r",[ \t]+(?:while|whereas|but|although|though|compared with|compared to|against|up from|down from)\b|;[ \t]|[ \t]—[ \t]|[ \t]–[ \t]|:[ \t]", re.I)

_AGE_NP_WORDS = frozenset({"man", "woman", "boy", "girl", "child", "men", "women", "mother", "father", "son",
                           "daughter", "driver", "suspect", "victim", "resident", "student", "teenager",
                           "player", "person", "pilot", "officer", "worker", "girl", "veteran"})


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
        alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        self.numberish = re.compile(
            rf"\d|[½⅓⅔¼¾⅕⅛]|\b(?:{alternatives})\b|\b[IVXLC]{{2,7}}\b", re.I
        )
        self.qual_max = max((len(k) for k in rules.qualifiers_before), default=1)
        self.qual_after_max = max((len(k) for k in rules.qualifiers_after), default=1)
        self.cur_word_max = max((len(k) for k in rules.currency_words), default=1)
        self.measure_max = max(
            [len(k) for k in rules.measure_words] + [len(k) for k in rules.measure_words_exact]
            + [len(k) for k in rules.percent_words] + [1]
        )
        # Currency symbols by their first character ("US$" starts with U): longest first.
        self.symbols = sorted(rules.currency_symbols, key=len, reverse=True)
        self.qualifier_words = {w for phrase in rules.qualifiers_before for w in phrase}

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
                if c.start in list_numbers or any(c.start == ln for ln in list_numbers):
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
        key = canonical_entity(entity, self.r.entity_aliases, self.r.ignored_modifiers) if entity else ""
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
        row["_head"] = head_noun(key) if key else ""
        row["_series"] = event.series if event else ""
        return row

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
        for kind, pattern in _DATE_PATTERNS:
            for m in pattern.finditer(view, s, e):
                if any(a < m.end() and m.start() < b for a, b, _, _ in spans):
                    continue
                spans.append((m.start(), m.end(), kind, m))
        for m in _DEBRIS.finditer(view, s, e):
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
        i = 0
        while i < n:
            tok = tokens[i]
            if blocked[i] or tok.kind == "sym" and tok.text not in self.r.unicode_fractions:
                i += 1
                continue
            if tok.kind == "word" and not (tok.lower in self.grammar.number_words or tok.lower in self.r.plural_scales
                                           or tok.lower in self.r.fractions or tok.lower in self.r.vague_multipliers
                                           or tok.lower in ("a", "an", "half") or tok.lower in self.r.ordinals
                                           or tok.text.isupper()):
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
        return claims

    def _link_conversions(self, view: str, claims: list[_Claim]) -> None:
        """'85 million euros ($108 million)', '500 billion rubles, or nearly $8 billion': the second
        amount converts the first; it takes the first's entity and is marked as a conversion."""
        money = set(self.r.currency_symbols.values())
        for a, b in zip(claims, claims[1:]):
            if a.unit in money and b.unit in money and a.unit != b.unit:
                between = view[a.end:b.start]
                if len(between) <= 20 and re.fullmatch(r"[\s,(]*(?:or|about|around|roughly|some|approximately)?[\s(]*"
                                                        r"(?:nearly|about|around|roughly|some|approximately|almost)?[\s(]*", between):
                    b.extra["conversion_of"] = a
                    if not b.entity:
                        b.entity = a.entity

    # ------------------------------------------------------------------ dates
    def _date_claim(self, kind: str, a: int, b: int, m: re.Match) -> _Claim:
        g = m.groupdict()
        year = None
        iso = None
        if g.get("y"):
            y = int(g["y"])
            year = y + 2000 if y < 100 else y
        if kind == "date":
            month = None
            if g.get("mon"):
                month = _MONTHS.get(g["mon"].lower().rstrip("."))
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
        while k > 0 and (tokens[k - 1].text in self.r.currency_symbols or tokens[k - 1].lower in ("a", "an", "the", "us")) \
                and k > i - 3:
            k -= 1
        for size in range(self.qual_max, 0, -1):
            if k - size < 0:
                continue
            window = tokens[k - size:k]
            if any(t.kind != "word" for t in window):
                continue
            phrase = tuple(t.lower for t in window)
            if phrase in self.r.qualifiers_before:
                return self.r.qualifiers_before[phrase], k - size, phrase
        return None, i, ()

    def _currency_before(self, tokens: list[Token], i: int) -> tuple[str | None, int]:
        """'$', 'US$', '€', 'Rs', 'USD' just before token i."""
        if i == 0:
            return None, i
        for sym in self.symbols:
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
        return None, i

    def _match_phrase(self, tokens: list[Token], j: int, table: dict, max_len: int, exact: bool = False):
        """Longest phrase of ``table`` starting at token j (words and glued symbols)."""
        n = len(tokens)
        for size in range(min(max_len, n - j), 0, -1):
            window = tokens[j:j + size]
            if exact:
                key = tuple(t.text for t in window)
            else:
                key = tuple(t.lower for t in window)
            if key in table:
                return table[key], j + size
            # "km/h", "°C": symbols glued into one spelling
            joined = "".join(t.text for t in window)
            if all(t.glued for t in window[1:]):
                jk = (joined,) if exact else (joined.lower(),)
                if jk in table:
                    return table[jk], j + size
        return None, j

    def _unit_after(self, tokens: list[Token], j: int, phrase: NumberPhrase, currency: str | None):
        """Unit written after the number at token j: currency words, percent, measures."""
        n = len(tokens)
        if j >= n:
            return None, j
        t = tokens[j]
        # "-" glued: "12-kilometre", "7.1-magnitude", "five-year"
        k = j
        if t.text in HYPHENS and t.glued and j + 1 < n and tokens[j + 1].glued:
            k = j + 1
        if t.text == "%" or (t.text in ("%",)):
            return "percent", j + 1
        code, end = self._match_phrase(tokens, k, self.r.currency_words, self.cur_word_max)
        if code and k == j:
            return code, end
        if k == j and tokens[j].kind == "word" and tokens[j].text in self.r.currency_symbols \
                and tokens[j].text.isupper() and len(tokens[j].text) == 3:
            return self.r.currency_symbols[tokens[j].text], j + 1
        if t.kind == "word" and t.lower in self.r.ambiguous_currency_words:
            cur, other = self.r.ambiguous_currency_words[t.lower]
            return (cur if phrase.scaled or currency else other), j + 1
        unit, end = self._match_phrase(tokens, k, self.r.percent_words, self.measure_max)
        if unit:
            return unit, end
        unit, end = self._match_phrase(tokens, k, self.r.measure_words_exact, self.measure_max, exact=True)
        if unit:
            return unit, end
        unit, end = self._match_phrase(tokens, k, self.r.measure_words, self.measure_max)
        if unit:
            # "in." only as an abbreviation with its period; lone "in" is the preposition
            if unit == "inch" and tokens[k].lower == "in":
                return None, j
            # single-letter measures only right after the number ("80m", "5 km" but not "5 m people")
            if len(tokens[k].text) == 1 and not tokens[k].glued and unit not in ("celsius", "fahrenheit"):
                return None, j
            return unit, end
        return None, j

    def _np_after(self, tokens: list[Token], j: int, max_words: int = 6) -> tuple[str, int]:
        """The noun phrase starting at token j: words up to a stop word, punctuation or verb."""
        r = self.r
        n = len(tokens)
        words: list[str] = []
        k = j
        joined_and = False
        while k < n and len(words) < max_words:
            t = tokens[k]
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
                if nxt not in r.stop_words and not self._is_verbish(tokens, k + 1) \
                        and not self.grammar.is_number_word(nxt) and not tokens[k + 1].text[:1].isupper():
                    # "enterprises and organizations", "soldiers and officers"
                    words.append("and")
                    joined_and = True
                    k += 1
                    continue
                break
            if w in r.stop_words or w in r.calendar_words or self.grammar.is_number_word(w) \
                    or w in r.plural_scales:
                break
            if self._is_verbish(tokens, k):
                # "armed men", "missing people": a participle before another noun-phrase word
                if k + 1 < n and tokens[k + 1].kind == "word" and tokens[k + 1].lower not in r.stop_words \
                        and not self._is_verbish(tokens, k + 1) and not words:
                    words.append(w)
                    k += 1
                    continue
                if not words:
                    # "24 dead", "12 injured": the participle is what is counted
                    if w.endswith("ed") or w in ("dead", "missing", "hurt"):
                        words.append(w)
                        k += 1
                break
            words.append(w)
            k += 1
        if words and words[-1] == "and":
            words.pop()
        return " ".join(words), k

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
        # skip the verb group and prepositions between subject and number
        while k >= 0 and skipped < 6:
            t = tokens[k]
            if t.kind != "word":
                if t.text in ("$", "€", "£") or (t.text in "-–" and skipped == 0):
                    k -= 1
                    continue
                return "", False
            w = t.lower
            if w in r.stop_words or w in r.change_words or w in self.qualifier_words or self._is_verbish(tokens, k) \
                    or w.endswith("s") and w[:-1] in r.change_words or w in ("stood", "totaled", "totalled", "numbered",
                                                                           "hit", "reached", "topped", "exceeded",
                                                                           "estimated", "put", "pegged", "set",
                                                                           "worth", "valued", "priced", "costing"):
                # an anaphor ("that number is 82") is a noun even though "number" is not a stop word
                k -= 1
                skipped += 1
                continue
            break
        words = []
        while k >= 0 and len(words) < 4:
            t = tokens[k]
            if t.kind != "word":
                break
            w = t.lower
            if w in r.stop_words or w in r.change_words or self._is_verbish(tokens, k) or w in r.calendar_words:
                break
            if t.text[:1].isupper() and words:
                break
            words.append(w)
            k -= 1
        words.reverse()
        if not words:
            return "", False
        phrase = " ".join(words)
        prev_word = tokens[k].lower if k >= 0 and tokens[k].kind == "word" else ""
        is_anaphor = len(words) == 1 and words[0] in r.anaphors and prev_word in ("that", "the", "this", "its")
        return phrase, is_anaphor

    def _change(self, tokens: list[Token], i: int, j: int) -> str | None:
        r = self.r
        k = i - 1
        seen = 0
        while k >= 0 and seen < r.change_window_before:
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

    def _is_name_number(self, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
        """'Army-2023', 'COVID-19', 'G20', 'Boeing 737', 'Section 427', '5G', 'S&P 500'."""
        r = self.r
        tok = tokens[i]
        n = len(tokens)
        if tok.kind != "num":
            return False
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None:
            if prev.kind == "word" and tok.glued:
                return True  # G20, MH17
            if prev.text in HYPHENS and tok.glued and i > 1 and tokens[i - 2].kind in ("word", "num") and prev.glued:
                w = tokens[i - 2]
                if w.kind == "word" and (w.text[:1].isupper() or w.lower in r.label_words):
                    return True  # Army-2023, COVID-19, F-35
            if prev.kind == "word" and (prev.lower in r.label_words or prev.lower.rstrip(".") in r.label_words) \
                    and not prev.text.isupper() and prev.lower not in self.qualifier_words:
                return True  # page 5, Section 427
            if prev.text == "." and i > 1 and tokens[i - 2].lower in ("no", "nos", "p", "pp", "vol", "art", "sec") \
                    and tokens[i - 2].text[:1].isupper():
                return True  # No. 1
            if prev.text == "#" and tok.glued:
                return True
            if prev.kind == "word" and prev.text[:1].isupper() and not tok.glued:
                low = prev.lower
                if not (low in r.stop_words or low in r.calendar_words or low in self.qualifier_words
                        or prev.text in r.currency_symbols or low in r.change_words
                        or low in r.measures_before or low.endswith("'s") or low.endswith("’s")
                        or low in self.grammar.number_words):
                    # A capitalized word right before: part of a name, unless the sentence starts there
                    at_start = i == 1 or (i > 1 and tokens[i - 2].text in ".:;\"“(")
                    if not at_start or prev.text.isupper() and len(prev.text) > 1:
                        return True
                    if at_start and prev.lower not in r.change_words:
                        return True
            if prev.text == "&" or (prev.kind == "word" and prev.text.isupper() and len(prev.text) >= 2 and not tok.glued
                                    and prev.text not in r.currency_symbols and prev.lower not in self.qualifier_words):
                return True
        nxt = tokens[phrase.j] if phrase.j < n else None
        if nxt is not None and nxt.glued and nxt.kind == "word" and not phrase.scaled:
            low = nxt.lower
            known = (low in r.scale_abbreviations or (low,) in r.measure_words or (nxt.text,) in r.measure_words_exact
                     or (low,) in r.percent_words or low in ("st", "nd", "rd", "th", "s", "am", "pm"))
            if not known:
                return True  # 5G, 4K, 3D
        return False

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
        if int(a) >= int(b):
            return True
        window = [t.lower for t in tokens[max(0, i - 6):min(n, j + 6)] if t.kind == "word"]
        return any(w in r.score_words for w in window)

    def _is_street(self, tokens: list[Token], j: int) -> bool:
        n = len(tokens)
        k = j
        caps = 0
        while k < n and tokens[k].kind == "word" and tokens[k].text[:1].isupper() and caps < 3:
            if tokens[k].lower.rstrip(".") in self.r.street_words and caps >= 1:
                return True
            caps += 1
            k += 1
        return False

    # ------------------------------------------------------------------ one number
    def _claim(self, view: str, tokens: list[Token], phrase: NumberPhrase, blocked: list[bool],
               previous: list[_Claim], sentence_claims: list[_Claim]):
        r = self.r
        n = len(tokens)
        i, j = phrase.i, phrase.j
        tok = tokens[i]
        if self._is_name_number(tokens, i, phrase):
            return None
        if tok.kind == "num" and self._is_score(tokens, i, j):
            k = j + 2
            return _Claim(0, 0, None, None, None, "=", "score", extra={"next": k, "drop": True}) if False else None
        if tok.kind == "num" and self._is_street(tokens, j):
            return None

        # Year-like numbers ("in 2004") are dates unless they clearly count something.
        if tok.kind == "num" and re.fullmatch(r"(?:1[5-9]|20)\d{2}", tok.text) and not phrase.scaled and j == i + 1:
            prev = tokens[i - 1].lower if i > 0 else ""
            if prev in ("in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "through",
                        "to", "and", "between", "early", "late", "mid", "the", "fiscal", "year", "season", "circa",
                        "c", "around", "spring", "summer", "autumn", "fall", "winter", "'s", "s") \
                    or (i > 0 and tokens[i - 1].text in HYPHENS) or prev.endswith("'s") or prev.endswith("’s"):
                if not (prev in ("around",) and self._np_after(tokens, j)[0]):
                    return _Claim(tok.start, tok.end, None, None, None, "=", "date", kind="date",
                                  extra={"year": int(tok.text), "iso": tok.text})

        # Negative numbers: "-3.2%", "minus 5 degrees"
        sign = 1
        start_tok = i
        if tok.kind == "num" and i > 0 and tokens[i - 1].text in MINUS and tok.glued and \
                (i == 1 or not tokens[i - 1].glued or tokens[i - 2].kind == "sym" and tokens[i - 2].text not in HYPHENS):
            if i == 1 or tokens[i - 2].kind not in ("num",) and not (tokens[i - 2].kind == "word" and tokens[i - 1].glued):
                sign = -1
                start_tok = i - 1
        elif i > 0 and tokens[i - 1].lower == "minus":
            sign = -1

        currency, cur_start = self._currency_before(tokens, i)
        if currency is not None and cur_start < start_tok:
            start_tok = cur_start
        qualifier, q_start, q_phrase = self._qualifier_before(tokens, start_tok)
        from_below = q_phrase in r.from_below

        low, high, value = phrase.low * sign, phrase.high * sign, (phrase.value * sign if phrase.value is not None else None)
        if sign < 0:
            low, high = min(low, high), max(low, high)
        end_tok = j
        kind = phrase.kind
        resolution = phrase.resolution

        # "80m" is 80 metres unless money is involved
        if phrase.ambiguous_scale and currency is None:
            nxt_unit, _ = self._unit_after(tokens, j, phrase, None)
            if nxt_unit is None or nxt_unit not in r.currency_symbols.values():
                factor = r.scale_abbreviations.get(phrase.scale_word, 1)
                low, high = low / factor, high / factor
                value = value / factor if value is not None else None
                resolution = resolution / factor
                end_tok = j - 1
                phrase.scaled = False

        # Range: "between 5 and 7", "5 to 7 million", "5-7", "8- to 16-meter", "from 5% to 7%"
        range_end = None
        k = end_tok
        # unit between the two ends ("5% to 7%", "$5 million to $7 million")
        unit1, k_after_unit = self._unit_after(tokens, k, phrase, currency)
        k2 = k_after_unit if unit1 in ("percent",) or (unit1 and unit1 in r.currency_symbols.values()) else k
        if k2 < n and tokens[k2].text in HYPHENS and k2 + 1 < n and tokens[k2 + 1].lower == "to":
            k2 += 1  # "8- to 16-meter"
        if k2 < n and (tokens[k2].lower in r.range_joiners or (tokens[k2].text in HYPHENS and tokens[k2].glued)):
            joiner = tokens[k2].lower
            k3 = k2 + 1
            if k3 < n and tokens[k3].text in r.currency_symbols:
                k3 += 1
            opener = i > 0 and (tokens[q_start - 1].lower if q_start > 0 else "") in r.range_openers
            if not opener and start_tok > 0 and tokens[start_tok - 1].lower in r.range_openers:
                opener = True
            second = self.grammar.parse_at(tokens, k3) if k3 < n and not blocked[k3] else None
            ok_joiner = (joiner in ("to", "through") or tokens[k2].text in HYPHENS or (joiner == "and" and opener)
                         or (joiner == "or" and second is not None))
            if second is not None and ok_joiner and second.kind != "vague":
                lo2, hi2 = second.low, second.high
                lo1, hi1 = low, high
                # "5 to 7 million": the scale of the second end applies to the first
                if second.scaled and not phrase.scaled and lo1 < lo2 / (r.scale_abbreviations.get(second.scale_word or "", 1) or 1):
                    f = self.grammar.scales.get(second.scale_word or "", r.scale_abbreviations.get(second.scale_word or "", 1))
                    if f and lo1 * f <= lo2:
                        lo1, hi1 = lo1 * f, hi1 * f
                change_here = self._change(tokens, start_tok, k3)
                is_change_pair = (tokens[start_tok - 1].lower == "from" if start_tok > 0 else False) and change_here
                if lo1 < hi2 and not is_change_pair:
                    range_end = (lo1, hi2, second)
                elif is_change_pair:
                    range_end = None
        if range_end is not None:
            lo1, hi2, second = range_end
            low, high, value = lo1, hi2, None
            qualifier = "range"
            end_tok = second.j
            phrase_for_unit = second
            kind = "range"
            resolution = second.resolution
        else:
            phrase_for_unit = phrase

        # Unit after the number (or after the range's second end)
        unit, after = self._unit_after(tokens, end_tok, phrase_for_unit, currency)
        if unit is None and currency is None and end_tok < n and tokens[end_tok].text in HYPHENS and tokens[end_tok].glued:
            # "42-year-old", "five-year plan"
            unit, after = self._unit_after(tokens, end_tok, phrase_for_unit, None)
        if currency is not None:
            if unit is not None and unit in r.currency_symbols.values():
                pass
            unit_final = currency
            if unit in r.currency_symbols.values():
                end_tok = after
        elif unit is not None:
            unit_final = unit
            end_tok = after
        else:
            unit_final = None

        # ages: "aged 42", "42-year-old man", "Smith, 42,"
        entity = ""
        prev_word = tokens[start_tok - 1].lower if start_tok > 0 and tokens[start_tok - 1].kind == "word" else ""
        if unit_final is None and prev_word in r.measures_before:
            unit_final = r.measures_before[prev_word]
        if unit_final == "year" and end_tok + 1 < n and tokens[end_tok].text in HYPHENS and tokens[end_tok + 1].lower == "old":
            unit_final = "age"
            end_tok += 2
        elif unit_final == "year" and end_tok < n and tokens[end_tok].lower == "old":
            unit_final = "age"
            end_tok += 1
        if unit_final is None and tokens[start_tok - 1].text == "," if start_tok > 0 else False:
            # "John Smith, 42, was arrested"
            if start_tok > 1 and tokens[start_tok - 2].text[:1].isupper() and end_tok < n and tokens[end_tok].text in ",)" \
                    and value is not None and 0 < value < 120 and float(value).is_integer():
                unit_final = "age"
                entity = tokens[start_tok - 2].lower

        # Qualifier after ("800 or more")
        if qualifier is None:
            for size in range(self.qual_after_max, 0, -1):
                window = tokens[end_tok:end_tok + size]
                if len(window) == size and all(t.kind == "word" for t in window):
                    key = tuple(t.lower for t in window)
                    if key in r.qualifiers_after:
                        qualifier = r.qualifiers_after[key]
                        break

        # Entity: the noun phrase counted
        anaphor = False
        subject = False
        np_start = end_tok
        if unit_final in (None, "age", "fraction") or phrase.kind in ("vague",) or unit_final in r.currency_symbols.values():
            k = end_tok
            # "thousands of soldiers", "a third of the votes", "nine of the 12 jurors"
            if k < n and tokens[k].lower == "of" and (kind in ("vague", "fraction") or phrase.words or True):
                k2 = k + 1
                while k2 < n and tokens[k2].lower in ("the", "its", "their", "his", "her", "our", "these", "those", "all"):
                    k2 += 1
                nxt_num = self.grammar.parse_at(tokens, k2) if k2 < n else None
                if nxt_num is not None and unit_final is None:
                    k2 = nxt_num.j
                if kind in ("vague", "fraction") or (nxt_num is not None) or unit_final in ("fraction",):
                    k = k2
            np, np_end = self._np_after(tokens, k) if k < n else ("", k)
            if np and not entity:
                entity = np
                if unit_final is None or unit_final in ("age",):
                    end_tok_np = np_end
                np_start = k
        if phrase.kind == "fraction" and unit_final is None:
            unit_final = "fraction"
        if not entity and unit_final not in ("date", "time"):
            np, anaphor = self._np_before(tokens, start_tok if qualifier is None else q_start)
            if anaphor:
                # "that number is 82": the entity of the latest count claim before it
                for c in reversed(sentence_claims + previous):
                    if c.unit == "count" and c.entity and not c.anaphor:
                        entity = c.entity
                        break
                anaphor = bool(entity)
            elif np:
                entity = np
                subject = True
        if unit_final is None:
            unit_final = "count"

        # A bare number with nothing it counts is no claim (layout debris, list numbers, "1920,").
        if unit_final == "count" and not entity:
            return None
        if unit_final == "count" and entity.split()[0] in r.street_words:
            return None
        # "one of the suspects", "no one": a pronoun, not a count
        if unit_final == "count" and phrase.words and phrase.value == 1 and not phrase.scaled and \
                (end_tok < n and tokens[end_tok].lower in ("of", "another", "day", "time") or prev_word in ("no", "the", "every", "any", "each", "some")):
            return None
        if unit_final == "count" and subject and phrase.words and phrase.value is not None and phrase.value <= 1:
            return None
        if unit_final == "count" and subject and entity in self.grammar.number_words:
            return None
        if unit_final == "count" and tok.kind == "word" and tok.lower in ("a", "an") and not phrase.scaled:
            return None

        # Interval from the qualifier
        if qualifier is None:
            qualifier = "vague" if kind == "vague" else ("~" if kind == "approximate" else "=")
        elif kind == "vague":
            qualifier = "vague"
        tol = r.tolerances.get("approximate", 0.1)
        if qualifier == "~" and value is not None:
            low, high = value * (1 - tol), value * (1 + tol)
            if value < 0:
                low, high = high, low
            if from_below:
                high = value
        elif qualifier == ">" and value is not None:
            low, high = value, math.inf
        elif qualifier == ">=" and value is not None:
            low, high = value, math.inf
        elif qualifier == "<" and value is not None:
            low, high = (0 if value > 0 and unit_final != "percent" else -math.inf), value
        elif qualifier == "<=" and value is not None:
            low, high = (0 if value > 0 and unit_final != "percent" else -math.inf), value

        first = tokens[start_tok].start if qualifier in ("=", "range", "vague") or q_start >= start_tok else tokens[q_start].start
        if qualifier not in ("=", "range", "vague") and q_start < start_tok:
            first = tokens[q_start].start
        else:
            first = tokens[start_tok].start
        last = tokens[min(end_tok, n) - 1].end if end_tok > 0 else tokens[j - 1].end
        claim = _Claim(first, max(last, tokens[j - 1].end), value, low, high, qualifier, unit_final,
                       change=self._change(tokens, start_tok, end_tok), entity=entity,
                       resolution=resolution, kind=kind, anaphor=anaphor, subject=subject,
                       extra={"next": end_tok})
        if "strict" not in claim.extra and qualifier in (">", "<"):
            claim.extra["strict"] = True
        return claim


def claim_rows_columns() -> list[str]:
    return list(CLAIM_COLUMNS)
