"""SARIF 2.1.0, for code-scanning UIs.

In a `factcheck check` report the first claim of each finding is in a checked article, so that is
where the result points; the other claims, and the verified fact, become related locations.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from .base import Formatter

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note", "off": "none"}
FINGERPRINT_KEY = "factcheck/v1"


def artifact_uri(article: str) -> dict:
    """artifactLocation of an article id: relative ids are relative to the repository root."""
    if article.startswith("/"):
        return {"uri": "file://" + quote(article, safe="/")}
    return {"uri": quote(article, safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(c: dict) -> dict:
    region: dict = {"startLine": max(int(c.get("line") or 1), 1)}
    if c.get("column"):
        region["startColumn"] = int(c["column"])
        text = c.get("text") or ""
        if text and "\n" not in text and "\r" not in text and c.get("start") is not None:
            region["endColumn"] = int(c["column"]) + len(text)
    if c.get("text"):
        region["snippet"] = {"text": c["text"]}
    return region


def _physical(c: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": artifact_uri(c["article"]), "region": _region(c)}}


def _claim_note(c: dict) -> str:
    said = f"{c.get('source') or c['article']}"
    if c.get("published"):
        said += f", {c['published']}"
    sentence = (c.get("sentence") or "").replace("\n", " ").strip()
    return f"{said}: \"{c.get('text') or ''}\"" + (f" in: {sentence}" if sentence else "")


def _rules_of(report: dict) -> list[dict]:
    checks = report.get("checks")
    if not checks:
        checks = {}
        for f in report["findings"]:
            checks.setdefault(f["rule"], {"name": f["name"], "level": f["level"], "summary": f["name"]})
    rules = []
    for code, c in sorted(checks.items()):
        rules.append({
            "id": code,
            "name": c["name"],
            "shortDescription": {"text": c["summary"]},
            "defaultConfiguration": {"level": SARIF_LEVEL[c["level"]], "enabled": c["level"] != "off"},
            "help": {"text": f"`factcheck rules {code}` explains {code} with a passing and a failing example."},
        })
    return rules


class SarifFormatter(Formatter):
    """SARIF 2.1.0: one result per finding, suppressed findings carry their suppression."""

    name = "sarif"

    def render(self, report: dict) -> str:
        rules = _rules_of(report)
        index = {r["id"]: i for i, r in enumerate(rules)}
        results = [_result(f, index) for f in report["findings"]]
        summary = report["summary"]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "factcheck",
                    "version": summary.get("version", ""),
                    "semanticVersion": summary.get("version", ""),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {k: summary[k] for k in ("articles", "claims", "findings", "suppressed", "baselined",
                                                       "checked") if k in summary},
            }],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _result(f: dict, index: dict) -> dict:
    """One finding as a SARIF result: at its first claim, the others and the fact related."""
    claims = f["claims"]
    result: dict = {
        "ruleId": f["rule"],
        "level": SARIF_LEVEL[f["level"]],
        "message": {"text": f["message"]},
        "partialFingerprints": {FINGERPRINT_KEY: f["fingerprint"]},
        "properties": {k: f[k] for k in ("name", "event", "period", "entity", "unit")},
    }
    if f["rule"] in index:
        result["ruleIndex"] = index[f["rule"]]
    if claims:
        result["locations"] = [_physical(claims[0])]
    related = _related_locations(f)
    if related:
        result["relatedLocations"] = related
    suppressed = f.get("suppressed")
    if suppressed:
        result["suppressions"] = [_suppression(suppressed)]
    return result


def _related_locations(f: dict) -> list[dict]:
    """The claims after the first, then the verified fact, numbered from 1."""
    related = []
    for c in f["claims"][1:]:
        loc = _physical(c)
        loc["message"] = {"text": _claim_note(c)}
        related.append(loc)
    fact = f.get("fact")
    if fact:
        related.append(_fact_location(fact))
    for n, loc in enumerate(related, 1):
        loc["id"] = n
    return related


def _fact_location(fact: dict) -> dict:
    loc = {"physicalLocation": {"artifactLocation": artifact_uri(fact["file"]),
                                "region": {"startLine": int(fact.get("line") or 1)}}}
    loc["message"] = {"text": f"verified fact: {fact['value']} {fact['entity']} at {fact['event']}"
                              + (f" ({fact['period']})" if fact.get("period") else "")
                              + f"; source: {fact['source']}; verified by {fact['verified_by']} "
                              f"on {fact['verified_on']}"}
    return loc


def _suppression(suppressed: dict) -> dict:
    entry = {"kind": "inSource" if suppressed.get("kind") == "inline" else "external",
             "status": "accepted", "justification": suppressed.get("reason") or ""}
    where = suppressed.get("where")
    props = {k: v for k, v in (("where", where), ("accepted_by", suppressed.get("accepted_by")),
                              ("expires", suppressed.get("expires"))) if v}
    if props:
        entry["properties"] = props
    return entry
