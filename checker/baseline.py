"""Baselines: today's findings recorded by fingerprint, so that a check reports only new ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .compare import Finding
from .errors import RulesError, read_text_file

BASELINE_FORMAT = "factcheck-baseline"
BASELINE_VERSION = 1


def baseline_entries(findings: Iterable[Finding]) -> list[dict]:
    entries = {}
    for f in findings:
        if f.suppressed:
            continue
        entries[f.fingerprint] = {
            "fingerprint": f.fingerprint, "rule": f.rule, "event": f.event, "entity": f.entity,
            "period": f.period, "articles": sorted({c["article"] for c in f.claims}),
            "values": [c["text"] for c in f.claims],
        }
    return [entries[k] for k in sorted(entries, key=lambda k: (entries[k]["rule"], entries[k]["articles"], k))]


def render_baseline(findings: Iterable[Finding]) -> str:
    doc = {"format": BASELINE_FORMAT, "version": BASELINE_VERSION, "findings": baseline_entries(findings)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path | str) -> set[str]:
    """Fingerprints recorded in a baseline file."""
    path = Path(path)
    text = read_text_file(path, not_found="baseline file not found (make one with `factcheck baseline -o FILE`)",
                          what="baseline")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulesError(path, exc.lineno, None, f"invalid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("format") != BASELINE_FORMAT:
        raise RulesError(path, 1, "format", f"not a factcheck baseline (expected \"format\": \"{BASELINE_FORMAT}\")")
    if doc.get("version") != BASELINE_VERSION:
        raise RulesError(path, None, "version", f"unsupported baseline version {doc.get('version')!r}; "
                                                f"allowed: {BASELINE_VERSION}")
    entries = doc.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                                for e in entries):
        raise RulesError(path, None, "findings", "expected a list of {\"fingerprint\": ...} entries")
    return {e["fingerprint"] for e in entries}
