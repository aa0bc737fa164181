"""What the desk knows on top of the articles, applied to the findings of a comparison.

- Verified facts (``checker.facts``): claims that miss a fact are findings of their own.
- Accepted exceptions (``rules/exceptions.yaml``): a discrepancy the desk has reviewed, matched
  by event, entity and values, never by line. Findings they cover stay in the report, marked
  suppressed. An exception past its expiry date suppresses nothing and is FC302; one that covers
  no finding is FC301.
- Inline suppressions (``checker.suppress``): a comment over the paragraph of a claim.

How a finding is suppressed. A finding groups claims from several articles; each pair of claims
from two articles whose intervals do not overlap is one disagreement in it (for a fact finding,
the claim against the fact). A pair is covered when an exception lists both values (for the same
event and entity), or when either claim sits in a paragraph under an inline ``ignore`` of the
finding's rule. The finding is suppressed when every pair that counts is covered; when ``check``
looks at given articles, only the pairs that involve one of them count, so a disagreement inside
the corpus never decides whether a new article passes.
"""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path
from typing import Iterable

import pandas as pd

from .compare import Finding, bounds, claim_list, entity_relation, intervals_overlap
from .facts import fact_findings
from .load import Loaded
from .normalize import canonical_entity
from .records import file_id, location_claim, make_finding, short_digest, where_line
from .rules import LEVEL_RANK, Exception_, Rules
from .suppress import Suppressions

# --------------------------------------------------------------------------------------------
# Accepted exceptions


def _numbers(c: dict) -> tuple[float, ...]:
    """The figures a claim states: its value, or both ends of a range."""
    value = c.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(float(value)):
        return (float(value),)
    return tuple(float(x) for x in (c.get("low"), c.get("high")) if x is not None and not pd.isna(x))


def _listed(numbers: Iterable[float], values: list[float]) -> bool:
    numbers = list(numbers)
    return bool(numbers) and all(any(math.isclose(n, v, rel_tol=1e-9, abs_tol=1e-9) for v in values) for n in numbers)


def _exception_matches(exc: Exception_, f: Finding, rules: Rules) -> bool:
    if (f.event or "").lower() != exc.event.lower():
        return False
    key = canonical_entity(exc.entity, rules.entities.entity_aliases, rules.entities.ignored_modifiers)
    have = canonical_entity(f.entity, rules.entities.entity_aliases, rules.entities.ignored_modifiers)
    return entity_relation(have, key, rules) == "same"


def _exception_record(exc: Exception_) -> dict:
    return {"kind": "exception", "reason": exc.reason, "accepted_by": exc.accepted_by,
            "expires": exc.expires.isoformat() if exc.expires else None, "where": exc.where}


def exception_problems(rules: Rules, used: set[int], live: list, today: _dt.date,
                       root: Path | None = None) -> list[Finding]:
    """FC302 for expired exceptions, FC301 for live ones that covered nothing."""
    path = rules.files.get("exceptions.yaml", rules.directory / "exceptions.yaml")
    out = []
    live_ids = {id(e): i for i, e in enumerate(live)}
    for exc in rules.exceptions:
        index = live_ids.get(id(exc))
        values = ", ".join(str(int(v)) if float(v).is_integer() else str(v) for v in exc.values)
        if index is None:
            code = "FC302"
            message = (f"exception {exc.where} ({exc.entity} at {exc.event}: {values}) expired on "
                       f"{exc.expires.isoformat()}; it no longer suppresses anything: renew or remove it")
        elif index not in used:
            code = "FC301"
            message = (f"exception {exc.where} ({exc.entity} at {exc.event}: {values}) matches no finding; "
                       "remove it")
        else:
            continue
        finding = make_finding(code, rules, event=exc.event, period=None, entity=exc.entity, unit="",
                               message=message,
                               claims=[location_claim(file_id(path, root), where_line(exc.where), 1,
                                                      f"values: {values}", f"reason: {exc.reason}", "rules")])
        if finding is not None:
            finding.fingerprint = short_digest(code, exc.event, exc.entity, values)
            out.append(finding)
    return out


# --------------------------------------------------------------------------------------------
# Review


def _claim_pairs(f: Finding) -> list[tuple[int, ...]]:
    """Disagreements inside a finding: claims of two articles whose intervals do not overlap.
    A fact finding has one: its claim (index 0) against the fact."""
    if f.fact is not None:
        return [(0,)]
    out = []
    claims = f.claims
    for x in range(len(claims)):
        for y in range(x + 1, len(claims)):
            a, b = claims[x], claims[y]
            if a["article"] == b["article"]:
                continue
            if not intervals_overlap(bounds(a), bounds(b)):
                out.append((x, y))
    return out


def _lead_with(f: Finding, targets: set[str]) -> None:
    """Put the checked articles' claims first, in the claims and in the message, since a check
    reports the finding at the checked article."""
    order = sorted(range(len(f.claims)), key=lambda i: f.claims[i]["article"] not in targets)
    if order == list(range(len(f.claims))):
        return
    f.claims = [f.claims[i] for i in order]
    if f.headline:
        f.message = f"{f.headline}: {claim_list(f.claims)}"


class _Review:
    """One review: the exceptions in force, which of them were used, the inline suppressions."""

    def __init__(self, rules: Rules, suppressions: Suppressions, today: _dt.date):
        self.rules = rules
        self.suppressions = suppressions
        self.live = [e for e in rules.exceptions if e.expires is None or e.expires >= today]
        self.used: set[int] = set()

    def cover(self, f: Finding, pair: tuple) -> dict | None:
        """What suppresses one disagreement of a finding (an exception listing its values, or an
        inline comment over one of its claims), or None. Marks what applies as used."""
        members = [f.claims[i] for i in pair]
        numbers = [n for c in members for n in _numbers(c)]
        if f.fact is not None:
            numbers += sorted({f.fact["low"], f.fact["high"]})
        record = None
        for index, exc in enumerate(self.live):
            if _listed(numbers, exc.values) and _exception_matches(exc, f, self.rules):
                self.used.add(index)
                record = record or _exception_record(exc)
        for c in members:
            comment = self.suppressions.covering(c, f.rule)
            if comment is not None:
                comment.used = True
                record = record or comment.record()
        return record

    def apply(self, f: Finding, targets: set[str] | None) -> bool:
        """Mark ``f`` suppressed when every disagreement that counts is covered; False when it
        is left out (a disagreement inside the corpus, not the checked articles' doing)."""
        pairs = _claim_pairs(f)
        relevant = pairs if targets is None else [p for p in pairs if any(f.claims[i]["article"] in targets
                                                                           for i in p)]
        if targets is not None and not relevant and (pairs or not any(c["article"] in targets for c in f.claims)):
            return False
        # Every pair is looked at, so that an exception or comment counts as used wherever it applies.
        covers = {pair: self.cover(f, pair) for pair in pairs}
        if relevant and all(covers[p] is not None for p in relevant):
            f.suppressed = covers[relevant[0]]
        if targets is not None:
            _lead_with(f, targets)
        return True


def review(loaded: list[Loaded], claims: pd.DataFrame, findings: list[Finding], rules: Rules, *,
           targets: set[str] | None = None, today: _dt.date | None = None, root: Path | None = None,
           exception_findings: bool = True) -> list[Finding]:
    """Add fact findings, apply exceptions and inline suppressions, add the findings about them,
    and (when ``targets`` is given) keep only the findings that involve those articles."""
    today = today or _dt.date.today()
    suppressions = Suppressions.scan(loaded, rules)
    state = _Review(rules, suppressions, today)
    out = [f for f in list(findings) + fact_findings(claims, rules, root) if state.apply(f, targets)]
    out.extend(suppressions.findings(rules, targets))
    if exception_findings:
        out.extend(exception_problems(rules, state.used, state.live, today, root))
    out.sort(key=lambda f: (-LEVEL_RANK.get(f.level, -1), f.event or "", f.entity,
                            f.claims[0]["article"] if f.claims else ""))
    return out
