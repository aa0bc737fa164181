"""Verified facts (``rules/facts.yaml``): a claim about the same event, period, entity and unit
whose interval misses the fact's is FC201 (FC202 when it meets the fact only once a round figure is
read with its rounding tolerance), whether or not another article mentions it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .compare import (
    FINDING_CLAIM_FIELDS,
    Finding,
    bounds,
    comparable,
    entity_relation,
    fingerprint,
    intervals_overlap,
    plain,
    rounding_tolerance,
    widen,
)
from .normalize import canonical_entity
from .records import file_id, make_finding, where_line
from .rules import Fact, Rules


def fact_record(fact: Fact, rules: Rules, root: Path | None = None) -> dict:
    path = rules.files.get("facts.yaml", rules.directory / "facts.yaml")
    return {
        "event": fact.event, "period": fact.period, "entity": fact.entity, "unit": fact.unit,
        "value": fact.value_text, "low": fact.low, "high": fact.high, "source": fact.source,
        "verified_by": fact.verified_by, "verified_on": fact.verified_on.isoformat(), "where": fact.where,
        "file": file_id(path, root), "line": where_line(fact.where),
    }


def _about(data: pd.DataFrame, events: pd.Series, series: pd.Series, fact: Fact) -> pd.Series:
    """Which claims are about the fact's event, period and unit."""
    name = fact.event.lower()
    about = events.eq(name)
    if fact.period is not None:
        # "army" with period 2023 names the same edition as "army-2023".
        about = (about | series.eq(name)) & data["period"].eq(fact.period).fillna(False).astype(bool)
    return about & data["unit"].eq(fact.unit)


def _fact_finding(row: dict, fact: Fact, rules: Rules, root: Path | None) -> Finding | None:
    """FC201/FC202 for one claim about the fact's entity, or None when it agrees."""
    interval = bounds(row)
    target = (fact.low, fact.high, False, False)
    if intervals_overlap(interval, target):
        return None
    code = "FC202" if intervals_overlap(widen(interval, rounding_tolerance(row, rules)), target) else "FC201"
    record = fact_record(fact, rules, root)
    period = None if pd.isna(row["period"]) else int(row["period"])
    verb = "contradicts" if code == "FC201" else "differs, within rounding, from"
    what = f"{row['entity']}" + (f" at {row['event']}" if row["event"] else "") + (f" in {period}" if period else "")
    message = (f"{row['text']} {what} ({row['article']}:{row['line']}) {verb} the verified fact: "
               f"{fact.value_text} ({fact.source}; verified by {fact.verified_by} on "
               f"{record['verified_on']}; {record['file']}:{record['line']})")
    finding = make_finding(code, rules, event=row["event"] or None, period=period, entity=row["entity"],
                           unit=row["unit"], message=message,
                           claims=[{k: plain(row[k]) for k in FINDING_CLAIM_FIELDS}], fact=record)
    if finding is not None:
        finding.fingerprint = fingerprint(finding)
    return finding


def fact_findings(claims: pd.DataFrame, rules: Rules, root: Path | None = None) -> list[Finding]:
    """FC201/FC202: claims whose interval misses a verified fact about the same thing."""
    if not rules.facts:
        return []
    data = comparable(claims)
    if data.empty:
        return []
    events = data["event"].fillna("").astype(str).str.lower()
    series = data["series"].fillna("").astype(str).str.lower()
    findings: list[Finding] = []
    for fact in rules.facts:
        mask = _about(data, events, series, fact)
        if not mask.any():
            continue
        key = canonical_entity(fact.entity, rules.entities.entity_aliases, rules.entities.ignored_modifiers)
        for row in data[mask].to_dict("records"):
            if entity_relation(row["entity_key"], key, rules) != "same":
                continue
            finding = _fact_finding(row, fact, rules, root)
            if finding is not None:
                findings.append(finding)
    return findings
