"""Changes written "from X to Y" ("rose from 62 to 64", "cut rates from 5.25% to 5%", "jumped
from $4,200 to $5,900"): two claims, linked as one change. The "to" claim gets the direction of
the change (up when Y > X, down when Y < X, unless a change word already gave it one) and records
the start of the "from" claim it changed from (``Claim.change_from``); the "from" claim is the
starting level and takes no direction. Ranges ("from $999 up to $1,099", "between 5 and 7") are
read as ranges before this and are never linked."""

from __future__ import annotations

import itertools
import re

from ..models import Claim

# What may stand between the two claims ("from 62 to 64", "from 5.25% to 5%") and before the
# first one ("from", with the qualifier of the claim inside the claim's own text).
_BETWEEN = re.compile(r"\s+to\s+", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _direction(a: Claim, b: Claim) -> str | None:
    if a.value is None or b.value is None or a.value == b.value:
        return None
    return "up" if b.value > a.value else "down"


def _linked(view: str, a: Claim, b: Claim) -> bool:
    """Do the claims A and B read "from A to B", one unit on both ends?"""
    return a.unit == b.unit and a.unit not in ("date", "time", "ordinal") \
        and _BETWEEN.fullmatch(view, a.end, b.start) is not None \
        and _FROM_BEFORE.search(view, max(0, a.start - 8), a.start) is not None


def link_changes(view: str, claims: list[Claim]) -> list[Claim]:
    """The claims of one sentence (by start), each "to" claim of a "from X to Y" change given its
    direction and the start of its "from" claim (changed in place; the same list is returned)."""
    for a, b in itertools.pairwise(claims):
        if _linked(view, a, b):
            b.change_from = a.start
            if b.change is None:
                b.change = _direction(a, b)
            if a.change == b.change and a.change is not None:
                a.change = None  # the starting level is no change ("fell from 10 to 8": 10 is where it was)
    return claims
