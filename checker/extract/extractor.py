"""The extractor: an article -> the rows of the claim table (one ``ClaimRow`` per claim, with its
event, period, position and entity key)."""

from __future__ import annotations

import math
import re

from ..errors import ArticleNote
from ..load import Loaded
from ..models import Claim, ClaimRow
from ..normalize import canonical_entity, head_noun
from ..rules import Rules
from ..scope import EventRef, Scoper
from ..segment import split_sentences
from .context import ContextWords
from .formats import article_cues
from .lexicon import Lexicon
from .local_dollar import article_dollar, localized
from .patterns import CLAUSE_BREAK, LIST_NUMBER
from .sentence import MAX_NUMBERS_PER_SENTENCE, sentence_claims

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]{0,3}$")


def _round(x: float | None) -> float | None:
    if x is None or isinstance(x, float) and math.isinf(x):
        return None
    r = round(x, 6)
    return int(r) if float(r).is_integer() and abs(r) < 2**53 else r


# Lexicons already built, by rule set (the rule set kept too, so that its id is not reused): a run
# after the first with the same rules reuses its lexicon, about a tenth of a small run's cost.
_LEXICONS: dict[int, tuple[Rules, Lexicon]] = {}
_KEPT_LEXICONS = 4


def lexicon_of(rules: Rules) -> Lexicon:
    """The frozen word tables of RULES, built once per rule set."""
    kept = _LEXICONS.get(id(rules))
    if kept is None or kept[0] is not rules:
        while len(_LEXICONS) >= _KEPT_LEXICONS:
            _LEXICONS.pop(next(iter(_LEXICONS)))
        kept = _LEXICONS[id(rules)] = (rules, Lexicon.build(rules))
    return kept[1]


class Extractor:
    """Extracts the claims of articles with one rule set; build once, use for many articles."""

    def __init__(self, rules: Rules):
        self.r = rules
        self.lexicon = lexicon_of(rules)
        self.grammar = self.lexicon.grammar
        self.scoper = Scoper(rules)
        self.context_words = ContextWords(self.lexicon)
        # Per rule set, so kept on the instance: entity as written -> (entity_key, head noun).
        self._entity_keys: dict[str, tuple[str, str]] = {}
        self.notes: list[ArticleNote] = []  # sentences not read to their end (see take_notes)

    # ================================================================== public API
    def extract(self, loaded: Loaded) -> list[ClaimRow]:
        article = loaded.article
        view = loaded.view
        start = article.body_start
        sentences = split_sentences(view, start)
        mentions = self.scoper.mentions(view, start)
        article_year = article.published.year if article.published else None
        list_numbers = {m.end() for m in LIST_NUMBER.finditer(view)}
        rows: list[ClaimRow] = []
        previous: list[Claim] = []  # the article's count claims so far, for "that number"
        decimal_comma = article_cues(view)
        local_currencies = article_dollar(self.lexicon.local_dollars, view, article.source)
        for s, e in sentences:
            if not self.lexicon.numberish.search(view, s, e):
                continue
            claims, referable, unread_from = sentence_claims(self.lexicon, self.context_words, view, s, e, previous,
                                                             decimal_comma)
            previous.extend(referable)
            if unread_from is not None:
                self._note_unread(article, unread_from)
            if not claims:
                continue
            cues = self.scoper.period_cues(view, s, e)
            breaks = [m.start() for m in CLAUSE_BREAK.finditer(view, s, e)]
            sentence_text = article.text[s:e]
            for c in claims:
                if c.start in list_numbers:
                    continue
                event = self.scoper.event_at(mentions, c.start, s, e)
                iso = c.iso
                if c.unit in ("date", "time"):
                    period = c.year or self.scoper.period_at(cues, c.start, article_year, event, article_year, breaks)
                    if iso and iso.startswith("--") and period:
                        # "Monday, August 14": the year of the sentence's period
                        iso = iso.replace("--", f"{period}-")
                else:
                    period = self.scoper.period_at(cues, c.start, article_year, event, article_year, breaks)
                rows.append(self._row(article, c, event, period, sentence_text, iso, local_currencies))
        return rows

    def _note_unread(self, article, at: int) -> None:
        """Note a sentence whose numbers were too many to read them all (a table, a list of figures)."""
        line, column = article.position(at)
        self.notes.append(ArticleNote(article.path, f"line {line}, column {column}: more than "
                                                    f"{MAX_NUMBERS_PER_SENTENCE} numbers in one sentence "
                                                    "(a table or list of figures?); the rest of it was not read"))

    def take_notes(self) -> list[ArticleNote]:
        """The notes of the articles extracted since the last call (at most one per article)."""
        notes, self.notes = self.notes, []
        seen: set[str] = set()
        return [n for n in notes if not (n.path in seen or seen.add(n.path))]

    def _row(self, article, c: Claim, event: EventRef | None, period, sentence_text: str, iso: str | None,
             local_currencies: dict | None = None) -> ClaimRow:
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
        if c.unit == "date" and iso:
            value = iso
        return ClaimRow(
            article=article.id,
            source=article.source,
            published=article.published.isoformat() if article.published else None,
            value=_round(value) if not isinstance(value, str) else value,
            low=_round(c.low),
            high=_round(c.high),
            qualifier=c.qualifier,
            change=c.change,
            unit=localized(c.unit, article.text[c.start:c.end], local_currencies),
            entity=entity,
            entity_key=key,
            event=label,
            period=period,
            text=article.text[c.start:c.end],
            sentence=sentence_text,
            start=c.start,
            end=c.end,
            line=line,
            column=column,
            resolution=c.resolution,
            head=head,
            series=event.series if event else "",
            context=c.context,
            increment=self._is_increment(article.text, c, entity),
        )

    def _increment_in_text(self, text: str) -> bool:
        words = text.lower().split()
        return any(w in self.r.entities.increment_modifiers and (k + 1 == len(words) or words[k + 1] != "than")
                   for k, w in enumerate(words[1:], start=1))

    def _is_increment(self, text: str, c: Claim, entity: str) -> bool:
        """An increment ("another 20 people", "two additional life sentences"), not a total."""
        increments = self.r.entities.increment_modifiers
        if not increments or c.unit in ("date", "time", "ordinal"):
            return False
        if entity and entity.split(" ", 1)[0] in increments:
            return True
        if c.unit != "count" and self._increment_in_text(text[c.start:c.end]):
            return True  # "5 more days", "$2 billion more"
        before = _WORD_BEFORE.search(text, max(0, c.start - 24), c.start)
        return before is not None and before.group(1).lower() in increments

    def _entity_key(self, entity: str) -> tuple[str, str]:
        """(canonical key, its head noun) of an entity as written, computed once per string."""
        cached = self._entity_keys.get(entity)
        if cached is None:
            key = canonical_entity(entity, self.r.entities.entity_aliases, self.r.entities.ignored_modifiers)
            cached = self._entity_keys[entity] = (key, head_noun(key) if key else "")
        return cached
