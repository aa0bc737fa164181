"""Claims: every numeric assertion of an article as one row of the claim table.

For each number phrase the grammar finds (``numbers.py``), the extractor reads its context:
qualifier ("over", "nearly"), range ("between 5 and 7"), change direction ("rose 5%"), unit
(currency, percent, measure, date), the noun phrase it counts ("83 foreign companies"), or, with
no noun after it, the subject it is said of ("the death toll rose to 24") or the earlier claim it
refers back to ("that number is 82"). Numbers that are not amounts are recognised and kept out of
the counts: dates and times (extracted with their own units), ordinals, numbers inside names and
codes ("Army-2023", "G20", "Boeing 737"), labels ("page 5"), scores ("won 3-1"), phone and street
numbers, list numbering and layout debris (a bare number with nothing it counts).

The package, one module per dimension:

- ``extractor``: ``Extractor``, an article -> claim table rows (event, period, entity key);
- ``sentence``: one sentence -> its claims (spans, tallies, number phrases, conversions, context);
- ``claim``: one number phrase -> a claim or a rejection, through ``claim.STEPS`` in order;
- ``draft``: the records passed between steps (``SentenceContext``, ``Draft``, ``Rejection``);
- ``lexicon``: the word tables derived from the rules, built once and frozen;
- the steps and their helpers: ``reject``, ``names``, ``years``, ``sign``, ``scale``, ``units``,
  ``ranges``, ``qualifiers``, ``ages``, ``multipliers``, ``entity``, ``phrases``, ``counts``,
  ``bounds``; ``spans`` (dates, times, debris), ``tallies`` (votes, scores), ``context``,
  ``tokens`` (shapes of words), ``patterns`` (regular expressions).
"""

from __future__ import annotations

from ..models import CLAIM_COLUMNS
from .extractor import Extractor

__all__ = ["Extractor", "claim_rows_columns"]


def claim_rows_columns() -> list[str]:
    return list(CLAIM_COLUMNS)
