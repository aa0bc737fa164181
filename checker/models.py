"""The records that flow between stages, and the columns of the claim and finding tables."""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple

# One row per numeric assertion. The JSON/CSV/JSONL contracts use these names.
CLAIM_COLUMNS = [
    "article",     # path relative to the folder given on the command line
    "source",      # outlet
    "published",   # YYYY-MM-DD or None
    "value",       # the number as stated (None for ranges and vague amounts)
    "low",         # interval the claim allows (None = unbounded)
    "high",
    "qualifier",   # = ~ > >= < <= range vague
    "change",      # up / down / None
    "unit",        # count, ISO 4217 code, percent, a measure, date, time, ordinal
    "entity",      # counted noun phrase as written (lower case)
    "entity_key",  # canonical key for matching (aliases applied, singular head)
    "event",       # event key ("army-2023", "mcis-11") or None
    "period",      # year the claim is about, or None
    "story",       # the story the article belongs to (content grouping of the input), e.g. "aceh-quake-meriah"
    "predicate",   # what happened to what is counted (rules/frames.yaml: killed, injured, paid...) or None
    "counted",     # class of what is counted (people, children, buildings...) or None
    "part",        # what marks the claim as a part of a whole ("including", a subgroup class) or None
    "place",       # the place named in the claim's clause ("bener meriah") or None
    "who",         # whose figure it is: the surname or name nearest before the number in its clause, or None
    "time",        # the time its clause speaks of, resolved against the article's date ("2011-03-01", "2008-05", "2004") or None
    "as_of",       # when the figure was reported: the article's date, or None
    "text",        # the exact characters of the article
    "sentence",    # the sentence, as on disk
    "start",       # character offsets into the file as on disk
    "end",
    "line",        # 1-based
    "column",      # 1-based, in characters
]

# The columns the scope stage adds to the extractor's claims (story grouping and claim frames).
SCOPE_COLUMNS = ("story", "predicate", "counted", "part", "place", "who", "time", "as_of")

# What the extractor records of a claim besides CLAIM_COLUMNS, for the comparison and the facts:
# never part of the public output (claims_table, JSON, CSV, extract).
INTERNAL_COLUMNS = (
    "resolution",  # the smallest step the number is written to (1000 for "3,000"): rounding tolerance
    "head",        # head noun of entity_key (block key when there is no counted class)
    "series",      # the event's series without its edition or year ("army"), or ""
    "context",     # content words around a one-word-entity claim (frozenset)
    "increment",   # an increment ("another 20 people"), not a total
)


class ClaimRow(NamedTuple):
    """One row of the claim table as the extractor writes it: the CLAIM_COLUMNS but the
    SCOPE_COLUMNS (added later), then the INTERNAL_COLUMNS. A NamedTuple rather than a frozen
    dataclass: as immutable and typed, but built at the cost of a dict (the extractor writes one
    per claim) and it goes into a DataFrame as it is."""

    article: str
    source: str
    published: str | None
    value: float | str | None
    low: float | None
    high: float | None
    qualifier: str
    change: str | None
    unit: str
    entity: str
    entity_key: str
    event: str | None
    period: int | None
    text: str
    sentence: str
    start: int
    end: int
    line: int
    column: int
    resolution: float
    head: str
    series: str
    context: frozenset
    increment: bool

    def as_dict(self) -> dict:
        return dict(zip(self._fields, self, strict=True))


# The columns of ClaimRow, in order (checked against the declarations above at import).
ROW_COLUMNS = ClaimRow._fields
if ROW_COLUMNS != tuple(c for c in CLAIM_COLUMNS if c not in SCOPE_COLUMNS) + INTERNAL_COLUMNS:
    raise AssertionError("ClaimRow must hold CLAIM_COLUMNS (but SCOPE_COLUMNS) then INTERNAL_COLUMNS, in order")

# Units that are not amounts: extracted, never compared as counts.
NON_QUANTITY_UNITS = frozenset({"date", "time", "ordinal"})


@dataclass
class Article:
    id: str                  # path relative to the folder given (or the file name)
    path: str                # path as given / resolved on disk
    text: str                # exactly the characters of the file
    source: str              # outlet
    source_origin: str       # "metadata", "dateline", "filename"
    published: _dt.date | None = None
    date_origin: str = "none"   # "metadata", "text" (inferred), "none"
    title: str | None = None
    url: str | None = None
    body_start: int = 0      # offset where the text proper begins (after metadata)
    line_starts: list[int] = field(default_factory=list)
    record: int | None = None   # JSON exports: the line of the file where the article's record starts
    field: str | None = None    # JSON exports: the record's field that is the text (offsets are inside it)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def summary(self) -> dict:
        return {
            "article": self.id,
            "path": self.path,
            "source": self.source,
            "source_from": self.source_origin,
            "published": self.published.isoformat() if self.published else None,
            "date_from": self.date_origin,
            "title": self.title,
            "url": self.url,
            # only for articles read from a JSON export: where in the file their text is
            **({"record": self.record, "field": self.field} if self.record is not None else {}),
        }


@dataclass(slots=True)
class Claim:
    """One claim as the extractor finds it, before it becomes a row of the claim table: a span of
    the text (``start``/``end``, offsets into the article) and what it says."""

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
    anaphor: bool = False    # the entity was taken from an earlier count ("that number is 82")
    subject: bool = False    # the entity came from the subject before the number
    year: int | None = None  # dates: the year written, if any
    iso: str | None = None   # dates: ISO 8601 form ("2023-08-14", "--08-14", "2021-03")
    next_token: int | None = None  # sentence scan resumes at this token (the claim's last token read)
    context: frozenset = frozenset()  # content words around a one-word-entity claim
    change_from: int | None = None  # "from X to Y": this is Y, and X's claim starts at this offset (extract/changes.py)


@dataclass
class LoadProblem:
    path: str
    message: str
