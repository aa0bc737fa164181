"""Which event and which period (year) a claim is about.

Events come from ``rules/events.yaml`` aliases and from capitalized names headed by an event noun;
definite descriptions ("the forum", "the event") refer back to the latest event they fit. Periods
come from an explicit year in the clause, from "last year" / "this year" counted from the
article's date (or the event's year), and otherwise from the event's year or the article's.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .rules import EventRule, Rules

_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|"
    "twenty-second|twenty-third|twenty-fourth|twenty-fifth|thirtieth|fortieth|fiftieth"
)
# An edition ordinal just before a name: "11th", "XI", "Eleventh". Matched backwards from the
# name (on the few characters before it) so that the name patterns start with a literal.
_ORD_BEFORE = re.compile(rf"(?:^|[^\w-])(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|[IVXLC]{{1,7}}|(?i:{_ORDINAL_WORDS}))[ \t]+$")
_YEAR = r"(?:19|20)\d{2}"

# Capitalized runs: "Army-2023 International Military-Technical Forum", "World Cup", "11th Moscow
# Conference on International Security". Connectors may stand between capitalized words.
_CAP_WORD = r"(?:[A-Z][\w'’&]*(?:[.-][\w'’&]+)*|(?:19|20)\d{2})"
_CAP_RUN = re.compile(
    rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|on|for|and|de|the|in)[ \t]+)?{_CAP_WORD}){{0,10}}"
)


class _SpanIndex:
    """Spans (start, end), possibly overlapping, asked whether one of them overlaps a range or
    covers a point in O(log n) (sorted starts, running maximum of ends), so that an article of
    many mentions costs n log n, not n squared."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))

    def overlaps(self, s: int, e: int) -> bool:
        """Some span has a < e and s < b."""
        k = bisect.bisect_left(self.starts, e)
        return k > 0 and self.reach[k - 1] > s

    def covers(self, p: int) -> bool:
        """Some span has a <= p < b."""
        k = bisect.bisect_right(self.starts, p)
        return k > 0 and self.reach[k - 1] > p


# "the Patriot Expo venue": a name of a place, not of an event.
_VENUE_AFTER = re.compile(r"[ \t]+(?:venue|center|centre|hall|park|arena|stadium|grounds?|site|building|complex|museum)\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<which>last|this|next|previous|past|coming|current)[ \t]+year(?:['’]s)?\b"
    r"|\ba[ \t]+year[ \t]+(?P<dir>earlier|ago|before|later|on)\b"
    r"|\b(?P<prev>the[ \t]+(?:previous|prior|preceding)[ \t]+year)\b",
    re.I,
)
_EXPLICIT_YEAR = re.compile(
    rf"\b(?:(?i:in|during|for|of|by|throughout|from|early|late|mid|mid-|spring|summer|autumn|fall|winter)|"
    rf"January|February|March|April|May|June|July|August|September|October|November|December|"
    rf"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
    rf"[ \t]+(?:\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+)?(?P<year>{_YEAR})\b"
    rf"|\b\d{{1,2}}\.\d{{1,2}}\.(?P<year2>{_YEAR})\b|\b(?P<year3>{_YEAR})-\d{{2}}-\d{{2}}\b",
)
# Every relative cue says "year", every explicit one holds a year: sentences without skip the scan.
_YEAR_WORD_ANYCASE = re.compile("year", re.I)
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NUMBERED = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Pieces of a capitalized name: a year in it, a leading article, a connector after its head
# noun, an edition ordinal just before it.
_YEAR_RE = re.compile(_YEAR)
# Letters that match an ASCII letter case-insensitively but do not lower-case to it ("İ" to two
# characters, "ı" and "ſ" to themselves).
_FOLDED_APART = re.compile("[\u0130\u0131\u017f]")
_YEAR_WORD = re.compile(rf"\b({_YEAR})\b")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_CONNECTOR = re.compile(r"[ \t]+(?:of|on|for|in)[ \t]")
_ORD_END = re.compile(rf"(\d{{1,3}}(?:st|nd|rd|th)|[IVXLC]{{1,7}}|{_ORDINAL_WORDS})[ \t]+$", re.I)


@dataclass(frozen=True)
class EventRef:
    series: str            # rules id or slug of the name
    year: int | None = None
    edition: int | None = None
    annual: bool = False
    name: str = ""

    def label(self, period: int | None = None) -> str:
        if self.year is not None:
            return f"{self.series}-{period if period is not None else self.year}"
        if self.edition is not None:
            return f"{self.series}-{self.edition}"
        if self.annual and period is not None:
            return f"{self.series}-{period}"
        return self.series


@dataclass
class Mention:
    start: int
    end: int
    event: EventRef
    named: bool   # a name (True) or a definite description (False)


def _ordinal_value(text: str | None, ordinals: dict[str, int]) -> int | None:
    if not text:
        return None
    t = text.strip()
    m = _NUMBERED.fullmatch(t)
    if m:
        return int(m.group(1))
    if _ROMAN_RE.fullmatch(t):
        total, values = 0, {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
        for i, ch in enumerate(t):
            v = values[ch]
            total += -v if i + 1 < len(t) and values[t[i + 1]] > v else v
        return total or None
    low = t.lower()
    if low in ordinals:
        return ordinals[low]
    if "-" in low:
        tens, _, unit = low.partition("-")
        tens_v = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}.get(tens)
        if tens_v and unit in ordinals:
            return tens_v + ordinals[unit]
    return None


def _slug(name: str) -> str:
    return _NON_SLUG.sub("-", name.lower()).strip("-")


def _word_present(word: tuple[str, re.Pattern], view: str, start: int, lowered: str | None,
                  has_word: dict[str, bool]) -> bool:
    """Does the view hold an alias's longest word (from ``start``)? Remembered in ``has_word``."""
    low, word_re = word
    present = has_word.get(low)
    if present is None:
        if lowered is not None and low.isascii():
            present = lowered.find(low, start) != -1
        else:
            present = word_re.search(view, start) is not None
        has_word[low] = present
    return present


def _merge_overlaps(found: list[Mention]) -> list[Mention]:
    """Overlapping mentions (sorted by start, longest first): keep the first (longest) one; two
    names of the same series ("11th Moscow Conference" matched twice) merge what each knows."""
    kept: list[Mention] = []
    for mt in found:
        if kept and mt.start < kept[-1].end:
            prev = kept[-1]
            if mt.named and prev.named and mt.event.series == prev.event.series:
                kept[-1] = Mention(prev.start, max(prev.end, mt.end), EventRef(
                    prev.event.series, prev.event.year or mt.event.year,
                    prev.event.edition or mt.event.edition, prev.event.annual, prev.event.name), True)
            continue
        kept.append(mt)
    return kept


class Scoper:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.kind_nouns = set(rules.events.event_nouns) | set(rules.events.generic_references)
        for ev in rules.events.events:
            self.kind_nouns.update(ev.kinds)
        self.patterns: list[tuple[re.Pattern, EventRule]] = []
        # For each pattern, the longest literal word it holds (case-insensitive), or None: an
        # article without that word cannot match the pattern, so the pattern need not scan it.
        self.pattern_words: list[tuple[str, re.Pattern] | None] = []
        for ev in rules.events.events:
            for alias in ev.aliases:
                self.patterns.append((self._alias_pattern(alias), ev))
                self.pattern_words.append(self._literal_word(re.sub(r"\{year\}|\{edition\}", " ", alias)))
                if ("{year}" in alias or "{edition}" in alias) and ev.kinds:
                    base = re.split(r"\{year\}|\{edition\}", alias)[0].strip(" -–")
                    if base:
                        kinds = "|".join(re.escape(k) for k in sorted(ev.kinds, key=len, reverse=True))
                        words = r"[\s\-–]+".join(re.escape(w) for w in re.split(r"[\s\-–]+", base))
                        self.patterns.append(
                            (re.compile(rf"\b(?P<name>{words}[ \t]+(?:{kinds}))\b", re.I), ev)
                        )
                        self.pattern_words.append(self._literal_word(base))
        nouns = "|".join(re.escape(n) for n in sorted(self.kind_nouns, key=len, reverse=True))
        self.description = re.compile(
            rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|(?:[Ll]ast|[Tt]his|[Nn]ext)[ \t]+year['’]s)"
            rf"[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}?(?P<noun>{nouns})\b"
        )
        heads = "|".join(re.escape(n.capitalize()) for n in sorted(rules.events.event_nouns, key=len, reverse=True))
        self.event_head = re.compile(r"\b(?:" + heads + r")\b")
        # The same nouns anywhere (no word boundaries): a capitalized run without one of them
        # holds no event head, so most runs are passed over with one search.
        self.head_anywhere = re.compile(heads)

    @staticmethod
    def _literal_word(text: str) -> tuple[str, re.Pattern] | None:
        """The longest word of an alias (its words are matched literally, with separators between
        them), lower-cased and as a case-insensitive pattern; None if it has no word."""
        words = [w for w in re.split(r"[\s\-–]+", text) if w]
        if not words:
            return None
        word = max(words, key=len)
        return word.lower(), re.compile(re.escape(word), re.I)

    @staticmethod
    def _alias_pattern(alias: str) -> re.Pattern:
        parts = re.split(r"(\{year\}|\{edition\})", alias)
        out = []
        for part in parts:
            if part == "{year}":
                out.append(rf"(?P<year>{_YEAR})")
            elif part == "{edition}":
                out.append(r"(?P<edition>\d{1,3})")
            else:
                words = [w for w in re.split(r"[\s\-–]+", part)]
                out.append(r"[\s\-–]*".join(re.escape(w) for w in words if w) if part.strip(" -–") else r"[\s\-–]*")
        body = r"[\s\-–]*".join(p for p in out if p)
        return re.compile(rf"\b(?P<name>{body})(?![\w-])", re.I)

    # ----------------------------------------------------------------- events
    def mentions(self, view: str, start: int = 0) -> list[Mention]:
        """Event mentions of an article in text order, descriptions resolved."""
        found, taken = self._alias_mentions(view, start)
        found += self._name_mentions(view, start, taken)
        found += self._description_mentions(view, start, taken)
        found.sort(key=lambda mt: (mt.start, -mt.end))
        return self._resolve(_merge_overlaps(found))

    def _alias_mentions(self, view: str, start: int) -> tuple[list[Mention], list[tuple[int, int]]]:
        """Mentions of the events of ``rules/events.yaml`` by their aliases, and the spans they take."""
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        has_word: dict[str, bool] = {}
        # An ASCII word is found case-insensitively in the lower-cased text as the regex engine
        # finds it, unless the text holds one of the letters its case folding treats apart.
        lowered = None if _FOLDED_APART.search(view) else view.lower()
        for (pattern, ev), word in zip(self.patterns, self.pattern_words, strict=True):
            if word is not None and not _word_present(word, view, start, lowered, has_word):
                continue
            for m in pattern.finditer(view, start):
                mention = self._alias_mention(m, ev, view)
                found.append(mention)
                taken.append((mention.start, mention.end))
        return found, taken

    def _alias_mention(self, m: re.Match, ev: EventRule, view: str) -> Mention:
        """The mention an alias match makes, with its year, and its edition written in the alias
        or as an ordinal just before it ("11th Moscow Conference")."""
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        s0 = m.start()
        edition = int(groups["edition"]) if groups.get("edition") else None
        ordm = _ORD_BEFORE.search(view, max(0, s0 - 24), s0) if edition is None else None
        if ordm is not None:
            edition = _ordinal_value(ordm.group("ord"), self.rules.numbers.ordinals)
            if edition is not None:
                s0 = ordm.start("ord")
        return Mention(s0, m.end(), EventRef(ev.id, year, edition, ev.annual, ev.name), True)

    def _name_mentions(self, view: str, start: int, taken: list[tuple[int, int]]) -> list[Mention]:
        """Capitalized names headed by an event noun ("World Cup") outside the alias mentions."""
        found = []
        overlaps = _SpanIndex(taken).overlaps
        runs = _CAP_RUN.finditer(view, start) if self.head_anywhere.search(view, start) else ()
        for m in runs:
            if not self.head_anywhere.search(view, m.start(), m.end()):
                continue  # no event noun in this run
            if not self._heads_name(m.group()):
                continue
            s, e = m.start(), m.end()
            if _VENUE_AFTER.match(view, e) or overlaps(s, e):
                continue
            ref = self._name_ref(m.group(), view, s)
            if ref is not None:
                found.append(Mention(s, e, ref, True))
        return found

    def _heads_name(self, text: str) -> bool:
        """Does an event noun head the name? It ends it ("World Cup") or a connector follows it
        ("Conference on International Security"); "Exhibition Center" names a place."""
        heads = list(self.event_head.finditer(text))
        return any(h.end() == len(text) or _CONNECTOR.match(text, h.end()) for h in heads)

    def _name_ref(self, text: str, view: str, s: int) -> EventRef | None:
        """The event a capitalized name at ``s`` names: its slug, year and edition."""
        if len(text.split()) < 2 and not _YEAR_RE.search(text):
            return None  # a bare capitalized "Forum" at the start of a sentence names nothing
        year_m = _YEAR_WORD.search(text)
        name = _YEAR_WORD.sub(" ", text)
        name = _LEADING_ARTICLE.sub("", name.strip())
        ordinal = None
        first = name.split()[0] if name.split() else ""
        if _ordinal_value(first, self.rules.numbers.ordinals):
            ordinal = _ordinal_value(first, self.rules.numbers.ordinals)
            name = name[len(first):].strip()
        pre = _ORD_END.search(view[max(0, s - 16):s])
        if pre and ordinal is None:
            ordinal = _ordinal_value(pre.group(1), self.rules.numbers.ordinals)
        if not name:
            return None
        return EventRef(_slug(name), int(year_m.group(1)) if year_m else None, ordinal, False, name.strip())

    def _description_mentions(self, view: str, start: int, taken: list[tuple[int, int]]) -> list[Mention]:
        """Definite descriptions ("the forum", "this year's show"), unresolved: series "?noun"."""
        found = []
        covers = _SpanIndex(taken).covers
        for m in self.description.finditer(view, start):
            if covers(m.start("noun")):
                continue
            found.append(Mention(m.start(), m.end(), EventRef("?" + m.group("noun").lower()), False))
        return found

    def _resolve(self, mentions: list[Mention]) -> list[Mention]:
        """Give descriptions the event they refer to, and fill a series' year/edition from the
        article's other mentions of it ("the 11th MCIS" ... "MCIS")."""
        known: dict[str, EventRef] = {}
        for mt in mentions:
            if mt.named:
                prev = known.get(mt.event.series)
                if prev is None or (prev.year is None and mt.event.year) or (prev.edition is None and mt.event.edition):
                    known[mt.event.series] = EventRef(
                        mt.event.series, mt.event.year or (prev.year if prev else None),
                        mt.event.edition or (prev.edition if prev else None), mt.event.annual,
                        mt.event.name)
        kinds_of = {ev.id: set(ev.kinds) for ev in self.rules.events.events}
        out: list[Mention] = []
        last_named: list[EventRef] = []
        for mt in mentions:
            if mt.named:
                ref = mt.event
                full = known.get(ref.series, ref)
                if ref.year is None and ref.edition is None:
                    ref = full
                last_named.append(ref)
                out.append(Mention(mt.start, mt.end, ref, True))
                continue
            noun = mt.event.series[1:]
            target = None
            for ref in reversed(last_named):
                kinds = kinds_of.get(ref.series, {ref.series.rsplit("-", 1)[-1]})
                if noun in self.rules.events.generic_references or noun in kinds or noun.rstrip("s") in kinds:
                    target = ref
                    break
            if target is not None:
                out.append(Mention(mt.start, mt.end, target, False))
        return out

    @staticmethod
    def event_at(mentions: list[Mention], pos: int, sent_start: int, sent_end: int) -> EventRef | None:
        """The event a number at ``pos`` is about: the nearest mention before it in its sentence,
        else the first after it in the sentence, else the latest before the sentence."""
        before_in = None
        after_in = None
        before = None
        for mt in mentions:
            if mt.start < sent_start:
                before = mt
            elif mt.start < pos:
                before_in = mt
            elif mt.start < sent_end and after_in is None:
                after_in = mt
        chosen = before_in or after_in or before
        return chosen.event if chosen else None

    # ----------------------------------------------------------------- periods
    def period_cues(self, view: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
        """(start, end, kind, value) of period cues in a span: kind "year" (explicit) or
        "relative" (value = offset in years)."""
        cues = []
        relative = _RELATIVE.finditer(view, start, end) if _YEAR_WORD_ANYCASE.search(view, start, end) else ()
        for m in relative:
            if m.group("which"):
                w = m.group("which").lower()
                offset = {"last": -1, "previous": -1, "past": 0, "this": 0, "current": 0, "next": 1, "coming": 1}[w]
                if w == "past":
                    continue  # "the past year" is a span up to now, not a calendar year
            elif m.group("dir"):
                offset = {"earlier": -1, "ago": -1, "before": -1, "later": 1, "on": 1}[m.group("dir").lower()]
            else:
                offset = -1
            cues.append((m.start(), m.end(), "relative", offset))
        explicit = _EXPLICIT_YEAR.finditer(view, start, end) if _YEAR_RE.search(view, start, end) else ()
        for m in explicit:
            year = m.group("year") or m.group("year2") or m.group("year3")
            cues.append((m.start(), m.end(), "year", int(year)))
        cues.sort()
        return cues

    @staticmethod
    def period_at(cues, pos: int, ref_year: int | None, event: EventRef | None,
                  article_year: int | None, clause_breaks: list[int]) -> int | None:
        """The year a number at ``pos`` is about (see module docstring)."""
        def clause_of(p: int) -> int:
            return sum(1 for b in clause_breaks if b <= p)

        here = clause_of(pos)
        best = None
        best_distance = None
        for s, e, kind, value in cues:
            if clause_of(s) != here:
                continue
            distance = pos - e if e <= pos else (s - pos) * 1.5 + 1
            if distance < 0:
                continue
            if best_distance is None or distance < best_distance:
                best, best_distance = (kind, value), distance
        if best is not None:
            kind, value = best
            if kind == "year":
                return value
            base = ref_year if ref_year is not None else (event.year if event and event.year else article_year)
            return base + value if base is not None else None
        if event is not None and event.year is not None:
            return event.year
        return article_year
