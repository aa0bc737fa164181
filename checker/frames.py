"""Claim frames: what happened to what is counted, its class, whether it is a part, and where.

"40 killed", "40 injured" and "40 sheltering" are three facts about the same 40 "people"; "12
children" among the dead are a part of the toll, never a contradiction of it; "16 injured in
Ilam" and "55 wounded in Kermanshah" are two places. A frame reads these slots from the claim's own
clause, with the lexicons of `rules/frames.yaml`:

- predicate: the nearest predicate word or phrase in the counted phrase itself ("the dead", "death
  toll"), after it ("40 people were killed") or before the number ("killing 40 people", "the death
  toll rose to 24"), never across a clause break or another figure;
- counted: the class of the counted noun ("villagers" -> people), or people when the counted word is
  itself a predicate ("24 dead");
- part: a part marker before the number ("including 83 foreign companies", "of whom 12") or a
  counted class that is part of another ("children" of people);
- place: the capitalized words after a place preposition in the clause ("in Bener Meriah").
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
from dataclasses import dataclass, fields

from .models import NON_QUANTITY_UNITS, SCOPE_COLUMNS
from .normalize import singular
from .rules import FrameRules, Rules
from .timeslot import clause_time, opening_time

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\S")
_ARTICLES = frozenset({"the", "a", "an"})
_NAME_JOINERS = frozenset({"-", "‐", "‑", "–"})
_OPENING = 8  # tokens of a sentence's opening read for its time
_PEOPLE_PREDICATES = frozenset({"killed", "injured", "missing", "arrested", "evacuated", "displaced", "rescued",
                                "charged", "convicted", "sentenced", "sheltering"})
_COURT_PREDICATES = frozenset({"charged", "convicted", "sentenced"})


@dataclass(frozen=True)
class Frame:
    predicate: str | None = None
    counted: str | None = None
    part: str | None = None
    place: str | None = None
    who: str | None = None
    time: str | None = None   # the time the clause speaks of (timeslot.py: "2011-03-01", "2008-05", "2004")
    as_of: str | None = None  # when the figure was reported: the article's date


@dataclass(frozen=True)
class _Token:
    text: str
    lower: str
    start: int
    end: int


@functools.lru_cache(maxsize=512)
def tokens_of(sentence: str) -> tuple[_Token, ...]:
    """The tokens of a sentence (or an entity), once per sentence, not once per claim in it."""
    return tuple(_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(sentence))


@functools.lru_cache(maxsize=512)
def offsets_of(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The start and end offsets of a sentence's tokens (both increasing), for bisection."""
    tokens = tokens_of(sentence)
    return tuple(t.start for t in tokens), tuple(t.end for t in tokens)


@functools.lru_cache(maxsize=512)
def words_of(sentence: str) -> tuple[str, ...]:
    """The lower-case words of a sentence's tokens, once per sentence (a sentence dense in figures
    has a claim every few words: building them per claim cost as much as the whole frame)."""
    return tuple(t.lower for t in tokens_of(sentence))


def _plural_looking(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _possessor(word: str) -> str:
    """'monday' of "Monday's"."""
    return re.split(r"['’]", word, maxsplit=1)[0]


class FrameReader:
    """Reads frames with one set of lexicons; build once per rule set."""

    def __init__(self, rules: FrameRules, calendar_words: frozenset[str] = frozenset(),
                 common_words: frozenset[str] = frozenset()):
        self.rules = rules
        self.calendar = frozenset(w.lower() for w in calendar_words)
        self.common = frozenset(w.lower() for w in common_words)
        phrases: dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]] = {}
        for predicate in rules.predicates:
            for words in predicate.words:
                phrases.setdefault(words[0], []).append((words, predicate.name, predicate.classes))
        # longest phrase first; at equal length a predicate restricted to classes before a general one
        self.phrases = {first: sorted(found, key=lambda p: (-len(p[0]), not p[2])) for first, found in phrases.items()}
        self.noun_class = {noun: c.name for c in rules.classes for noun in c.nouns}
        self.part_of = {c.name: c.part_of for c in rules.classes}
        self.rising = frozenset(p.name for p in rules.predicates if p.rising)

    @classmethod
    def from_rules(cls, rules: Rules) -> FrameReader:
        """A reader with the frame lexicons and the grammar's calendar and function words."""
        grammar = rules.grammar
        common = frozenset(grammar.stop_words) | frozenset(grammar.determiners)
        return cls(rules.frames, frozenset(grammar.calendar_words), common)

    def read(self, sentence: str, start: int, end: int, entity: str = "", unit: str = "",
             published: _dt.date | None = None) -> Frame:
        """The frame of the claim at SENTENCE[start:end] (offsets into the sentence) counting ENTITY
        (in UNIT: an age's `who` is the person it is the age of), in an article of PUBLISHED."""
        tokens, words = tokens_of(sentence), words_of(sentence)
        starts, ends = offsets_of(sentence)
        first = bisect.bisect_right(ends, start)   # the first token that ends after START
        last = bisect.bisect_left(starts, end)     # the first token that starts at or after END
        entity_words = tuple(tokens_of(entity.lower()))
        after = last + self._entity_span(tokens, last, entity_words)
        noun_class = self._noun_class(entity_words)
        # what happens to people (killed, injured...) is never said of an amount or a measure: "died
        # after falling 150 metres" is a fall, "two decades" is nobody's toll
        measure = unit not in ("", "count", "age")
        predicate = self._predicate_in(entity_words, noun_class, measure) \
            or self._nearest_predicate(tokens, words, first, after, noun_class, measure)
        counted = noun_class or self._people_by_predicate(entity_words, predicate)
        part = self._part(words, first, counted)
        low, high = self._clause(tokens, first, after)
        place = self._place(tokens, low, high)
        who = self._aged_person(tokens, first, last) if unit == "age" else None
        time = clause_time(words[low:high], first - low, published, self.rules.speech_words) \
            or opening_time(words[:_OPENING], published, self.rules.speech_words)
        return Frame(predicate, counted, part, place, who or self._who(tokens, first), time,
                     published.isoformat() if published else None)

    # ----------------------------------------------------------------------------------------

    @staticmethod
    def _entity_span(tokens: list[_Token], at: int, entity: tuple[_Token, ...]) -> int:
        """How many tokens from AT spell the counted phrase (its words in order, others skipped)."""
        k, matched = at, 0
        words = [t.lower for t in entity]
        while k < len(tokens) and matched < len(words) and k - at <= len(words) + 3:
            if tokens[k].lower == words[matched] or singular(tokens[k].lower) == singular(words[matched]):
                matched += 1
            k += 1
        return k - at if matched == len(words) else 0

    def _match_at(self, words: list[str], k: int, counted: str | None, measure: bool = False) -> tuple[str, int] | None:
        for phrase, name, classes in self.phrases.get(words[k], ()):
            if classes and counted not in classes or measure and name in _PEOPLE_PREDICATES:
                continue
            if tuple(words[k:k + len(phrase)]) == phrase:
                return name, len(phrase)
        return None

    def _predicate_in(self, entity: tuple[_Token, ...], counted: str | None, measure: bool = False) -> str | None:
        words = [t.lower for t in entity]
        for k in range(len(words)):
            hit = self._match_at(words, k, counted, measure)
            if hit:
                return hit[0]
        return None

    def _is_break(self, token: _Token) -> bool:
        return token.lower in self.rules.clause_breaks or any(ch.isdigit() for ch in token.text)

    def _nearest_predicate(self, tokens: tuple[_Token, ...], words: tuple[str, ...], first: int, after: int,
                           counted: str | None, measure: bool = False) -> str | None:
        found_after = found_before = None
        for distance, k in enumerate(range(after, min(len(tokens), after + self.rules.window_after))):
            if self._is_break(tokens[k]):
                break
            hit = self._match_at(words, k, counted, measure)
            if hit:
                found_after = (distance, hit[0])
                break
        for distance, k in enumerate(range(first - 1, max(-1, first - 1 - self.rules.window_before), -1)):
            if self._is_break(tokens[k]):
                break
            hit = self._match_at(words, k, counted, measure)
            if hit:
                found_before = (distance, hit[0])
                break
        # the nearer wins; at equal distance the one after, which says what the counted thing is
        # ("arrested five buildings away")
        if found_after and (not found_before or found_after[0] <= found_before[0]):
            return found_after[1]
        return found_before[1] if found_before else None

    def _noun_class(self, entity: tuple[_Token, ...]) -> str | None:
        """The class of the counted phrase's head (its last one or two words), if the lexicon knows it."""
        words = [t.lower for t in entity]
        for size in (2, 1):
            if len(words) >= size:
                phrase = " ".join([*words[-size:-1], singular(words[-1])])
                if phrase in self.noun_class:
                    return self.noun_class[phrase]
        return None

    def _people_by_predicate(self, entity: tuple[_Token, ...], predicate: str | None) -> str | None:
        """People, for a figure with no counted noun ("12 were charged", "the toll rose to 24") or a
        predicate word for one ("24 dead", "40 arrests"); not for the counts, charges and sentences of
        a court ("four sentences of life", "two counts of assault"), which are things."""
        if predicate not in _PEOPLE_PREDICATES:
            return None
        if not entity or predicate not in _COURT_PREDICATES and self._predicate_in(entity, None):
            return "people"
        return None

    def _part(self, words: tuple[str, ...], first: int, counted: str | None) -> str | None:
        for marker in self.rules.part_markers:
            begin = first - len(marker)
            for shift in range(0, 3):  # "including some 83", "of whom at least 12"
                at = begin - shift
                if at >= 0 and tuple(words[at:at + len(marker)]) == marker:
                    return " ".join(marker)
        if counted and self.part_of.get(counted):
            return counted
        return None

    def _clause(self, tokens: list[_Token], first: int, after: int) -> tuple[int, int]:
        """The token range a frame's place and time are read from: the windows around the claim,
        within its clause (the claim's own tokens count as no break)."""
        low = first
        while low > 0 and first - low < self.rules.window_before and not self._is_break(tokens[low - 1]):
            low -= 1
        high = after
        while high < len(tokens) and high - after < self.rules.window_after and not self._is_break(tokens[high]):
            high += 1
        return low, high

    def _place(self, tokens: list[_Token], low: int, high: int) -> str | None:
        for k in range(low, high):
            if tokens[k].lower in self.rules.place_prepositions and k + 1 < high:
                name = self._capitalized_from(tokens, k + 1, high)
                if name:
                    return name
        return None

    def _who(self, tokens: list[_Token], first: int) -> str | None:
        """Whose figure it is: the nearest name before the number in its clause ("Bush rushed for 404
        yards", "DiLeo's 11 seasons"), as its last word (a surname). Not a name at the start of the
        sentence alone ("Officials"), a place ("in Aceh"), a date, or a source ("Putin said")."""
        k = first - 1
        while k >= 0 and first - k <= self.rules.window_who and not self._is_break_for_who(tokens, k):
            if self._is_name_word(tokens[k]):
                end = k
                while k - 1 >= 0 and self._is_name_word(tokens[k - 1]):
                    k -= 1
                if self._names_the_figure(tokens, k, end):
                    return _possessor(tokens[end].lower)
                return None
            k -= 1
        return None

    def _is_break_for_who(self, tokens: list[_Token], k: int) -> bool:
        """A clause break, but not an age in apposition ("Robert Buckley, 32, fell about 2,000 feet")."""
        if not self._is_break(tokens[k]):
            return False
        apposed = tokens[k].text.isdigit() and 0 < k < len(tokens) - 1 \
            and tokens[k - 1].text == "," and tokens[k + 1].text == ","
        return not apposed

    def _aged_person(self, tokens: list[_Token], first: int, last: int) -> str | None:
        """The person an age belongs to, by the last two words of the name beside it: "32-year-old
        Englishman Robert Buckley" and "Robert Buckley, 32," are "robert buckley"; "17-year-old
        Jeremy Ortiz" is not "Sheriff Deputy Ortiz, 35" ("deputy ortiz")."""
        k = last
        while k < len(tokens) and self._is_name_word(tokens[k]):
            k += 1
        if k > last:
            return " ".join(t.lower for t in tokens[max(last, k - 2):k])
        k = first - 1
        if k >= 1 and tokens[k].text == ",":
            end = k
            while k - 1 >= 0 and self._is_name_word(tokens[k - 1]) and end - k < 2:
                k -= 1
            if k < end:
                return " ".join(_possessor(t.lower) for t in tokens[k:end])
        return None

    def _is_name_word(self, token: _Token) -> bool:
        return token.text[:1].isupper() and token.lower not in self.calendar and token.lower not in _ARTICLES \
            and _possessor(token.lower) not in self.calendar

    def _names_the_figure(self, tokens: list[_Token], begin: int, end: int) -> bool:
        if begin == 0 and begin == end and (tokens[0].lower in self.common or _plural_looking(tokens[0].lower)):
            return False  # "The", "Officials", "Rescuers" opening a sentence: not a name
        if begin > 0 and tokens[begin - 1].lower in self.rules.place_prepositions:
            return False
        after = tokens[end + 1].lower if end + 1 < len(tokens) else ""
        return after not in self.rules.speech_words and not self._agent_or_source(tokens, begin)

    @staticmethod
    def _agent_or_source(tokens: list[_Token], begin: int) -> bool:
        """The name follows "by" or "to" within a short noun phrase ("according to X", "said by X",
        "arrested by a sheriff's SWAT team"): it did something to the figure's owner, it is not the owner."""
        for k in range(begin - 1, max(-1, begin - 4), -1):
            if tokens[k].lower in ("to", "by"):
                return True
            if not tokens[k].text[:1].islower() or tokens[k].lower in ("and", "or"):
                return False
        return False

    def _capitalized_from(self, tokens: list[_Token], k: int, high: int) -> str | None:
        if k < high and tokens[k].lower in _ARTICLES:
            k += 1
        words = []
        while k < high and tokens[k].text[:1].isupper() and _possessor(tokens[k].lower) not in self.calendar:
            words.append(tokens[k].lower)
            k += 1
        if k < len(tokens) and (tokens[k].text in _NAME_JOINERS or tokens[k].text[:1].isdigit()):
            return None  # "Army-2023", "G 20": a name with a number is an event or a model, not a place
        return " ".join(words) or None


# The claim table's frame columns, as models.py declares them (the scope columns but the story).
FRAME_COLUMNS = tuple(c for c in SCOPE_COLUMNS if c != "story")
if FRAME_COLUMNS != tuple(f.name for f in fields(Frame)):
    raise AssertionError("Frame's fields must be the frame columns of models.SCOPE_COLUMNS, in order")


def sentence_start(text: str, sentence: str, start: int) -> int:
    """Offset of the claim's SENTENCE in TEXT: its occurrence that holds the claim at START."""
    found = text.rfind(sentence, 0, start + len(sentence))
    return found if 0 <= found <= start else max(0, start - max(sentence.find(text[start:start + 1]), 0))


def _date(published) -> _dt.date | None:
    """The article's date of a claim row ("2011-03-02", a date, or None)."""
    if isinstance(published, _dt.date):
        return published
    try:
        return _dt.date.fromisoformat(str(published)) if published else None
    except ValueError:
        return None


def frame_reader(rules: Rules) -> FrameReader:
    """The frame reader of RULES (one per process: it holds the compiled lexicons)."""
    return FrameReader.from_rules(rules)


def frame_rows(claims: list, text: str, reader: FrameReader) -> list[dict]:
    """One article's claims (the extractor's ClaimRows; TEXT its text) as row dicts with the frame
    columns filled, for the claim table."""
    rows = [c._asdict() if hasattr(c, "_asdict") else dict(c) for c in claims]
    for row in rows:
        published = _date(row.get("published"))
        if row["unit"] in NON_QUANTITY_UNITS:
            # a date, a clock time or an ordinal is never compared: no frame is read for it (a text
            # dense in dates paid a frame per date), only when it was reported
            frame = Frame(as_of=published.isoformat() if published else None)
        else:
            offset = sentence_start(text, row["sentence"], int(row["start"]))
            frame = reader.read(row["sentence"], int(row["start"]) - offset, int(row["end"]) - offset,
                                row["entity"] or "", row["unit"] or "", published)
        for column in FRAME_COLUMNS:
            row[column] = getattr(frame, column)
    return rows
