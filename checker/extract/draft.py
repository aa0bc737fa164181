"""The records passed between the steps that read one number: the per-sentence context, the draft
claim the steps fill in, and the rejection a step returns for a number that is no claim."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Claim
from ..numbers import NumberPhrase, Token


@dataclass(slots=True)
class SentenceContext:
    """One sentence being read. ``blocked`` marks tokens that belong to dates, debris, scores and
    names (no number starts there); ``claims`` holds the sentence's claims found so far, in the
    order found; ``previous`` the article's count claims with an entity found so far (a copy
    made for the sentence; this sentence's are added as they are read), what "that number"
    refers back to. Steps only read them: the
    sentence loop (``sentence.py``, ``spans.py``, ``tallies.py``) changes them, through ``block``
    and ``add``."""

    view: str
    tokens: list[Token]
    blocked: list[bool]
    claims: list[Claim]
    previous: list[Claim]

    def block(self, a: int, b: int) -> None:
        for t in range(a, b):
            self.blocked[t] = True

    def add(self, claim: Claim, refer_back: bool = False) -> None:
        """A claim of the sentence; with ``refer_back``, a count with an entity is also one an
        anaphor later in the article may refer back to."""
        self.claims.append(claim)
        if refer_back and claim.unit == "count" and claim.entity:
            self.previous.append(claim)


@dataclass(frozen=True)
class Rejection:
    """A step's verdict that the number is no claim. ``block``: tokens [a, b) the sentence must
    no longer read as numbers ("9-14": nor is its second end an amount on its own)."""

    reason: str
    block: tuple[int, int] | None = None


@dataclass(slots=True)
class Draft:
    """The claim being read from one number phrase: the steps of ``claim.STEPS`` fill it in, in
    order. Token indices are into ``SentenceContext.tokens``."""

    phrase: NumberPhrase   # the grammar's phrase (replaced, never changed, when a step rereads it)
    i: int                 # the phrase's first token (phrase.i)
    j: int                 # one past its last token (phrase.j)
    tok: Token             # the phrase's first token
    n: int                 # number of tokens in the sentence
    start_tok: int         # first token of the number with its sign and currency
    end_tok: int           # one past the last token read (number, unit, qualifier after...)
    low: float = 0.0
    high: float = 0.0
    value: float | None = None
    kind: str = "cardinal"
    resolution: float = 1.0
    sign: int = 1
    currency: str | None = None
    qualifier: str | None = None
    q_start: int = 0       # first token of the qualifier before the number (start_tok if none)
    q_phrase: tuple = ()   # the qualifier phrase before the number, as words
    from_below: bool = False
    unit: str | None = None
    after_unit: int = 0    # one past the unit's last token
    factor: float = 1.0    # factor of the unit ("27 cents": 0.01)
    entity: str = ""
    prev_word: str = ""    # the word before start_tok
    anaphor: bool = False
    subject: bool = False

    def scale(self, factor: float) -> None:
        """Multiply the amount by a unit's factor ("two-tenths of a mile", "three more years")."""
        self.low, self.high = self.low * factor, self.high * factor
        self.value = self.value * factor if self.value is not None else None

    def q0(self) -> int:
        """Where the number starts with its qualifier."""
        return self.q_start if self.qualifier is not None else self.start_tok
