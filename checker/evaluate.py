"""Score the extractor against hand-labelled sentences (``factcheck eval``).

A gold file is JSON Lines: ``{"id": ..., "text": ..., "claims": [{"value" | "low"+"high",
"qualifier", "change", "unit", "entity", "text"}]}``. Each sentence is extracted as an article of
its own (no metadata). Only quantities are scored: claims with unit date, time or ordinal are
not quantities and are left out of the predictions.

Claims match when their values are equal (ranges and vague amounts: both ends) and each claim
counts at most once. Four scores are computed, each with its own one-to-one matching:
value; value + qualifier; value + unit; value + entity (same head noun, singular, lower case;
an empty gold entity matches an empty prediction).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError
from .extract import Extractor
from .load import parse_article
from .models import NON_QUANTITY_UNITS
from .normalize import head_noun, normalize_phrase
from .rules import QUALIFIERS, Rules

METRICS = ("value", "value+qualifier", "value+unit", "value+entity")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(1e-9, 1e-5 * max(abs(a), abs(b)))


def _point(claim: dict) -> tuple[float | None, float | None]:
    """(low, high) for ranges/vague amounts, (value, value) otherwise."""
    if claim.get("value") is not None and not isinstance(claim.get("value"), str):
        v = float(claim["value"])
        return v, v
    low, high = claim.get("low"), claim.get("high")
    return (float(low) if low is not None else None, float(high) if high is not None else None)


def _is_range(claim: dict) -> bool:
    return claim.get("qualifier") in ("range", "vague") or claim.get("value") is None


def same_value(gold: dict, pred: dict) -> bool:
    g, p = _point(gold), _point(pred)
    if _is_range(gold) != _is_range(pred):
        return False
    return _close(g[0], p[0]) and _close(g[1], p[1])


def _entity_key(entity: str) -> str:
    return head_noun(normalize_phrase(entity or ""))


def matches(metric: str, gold: dict, pred: dict) -> bool:
    if not same_value(gold, pred):
        return False
    if metric == "value+qualifier":
        return gold.get("qualifier", "=") == pred.get("qualifier")
    if metric == "value+unit":
        return gold.get("unit", "count") == pred.get("unit")
    if metric == "value+entity":
        return _entity_key(gold.get("entity", "")) == _entity_key(pred.get("entity", ""))
    return True


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "true_positives": self.tp, "gold": self.gold, "predicted": self.predicted}


@dataclass
class Evaluation:
    sentences: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    misses: list[dict] = field(default_factory=list)      # gold claims not matched by value
    false_hits: list[dict] = field(default_factory=list)  # predictions not matched by value
    mismatches: dict[str, list[dict]] = field(default_factory=dict)  # value matched, attribute differs
    by_domain: dict[str, dict[str, Score]] = field(default_factory=dict)

    def as_dict(self, show: bool = False) -> dict:
        out = {"sentences": self.sentences, "scores": {m: s.as_dict() for m, s in self.scores.items()},
               "by_domain": {d: {m: s.as_dict() for m, s in scores.items()} for d, scores in sorted(self.by_domain.items())}}
        if show:
            out["misses"] = self.misses
            out["false_hits"] = self.false_hits
            out["mismatches"] = self.mismatches
        return out


def read_gold(paths: list[str]) -> list[dict]:
    """Labelled sentences from JSONL files or folders of them; errors name file and line."""
    files: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = sorted(p.glob("*.jsonl"))
            if not found:
                raise UsageError(f"{given}: no .jsonl files")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"{given}: no such file or directory")
    items = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{f}:{n}: invalid JSON ({exc.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not isinstance(item.get("claims"), list):
                raise UsageError(f"{f}:{n}: expected an object with 'text' (string) and 'claims' (list)")
            for c in item["claims"]:
                if not isinstance(c, dict) or not ("value" in c or ("low" in c and "high" in c)):
                    raise UsageError(f"{f}:{n}: each claim needs 'value' or 'low' and 'high'")
                if c.get("qualifier", "=") not in QUALIFIERS:
                    raise UsageError(f"{f}:{n}: unknown qualifier {c.get('qualifier')!r}; allowed: {', '.join(QUALIFIERS)}")
            item.setdefault("id", f"{f.stem}:{n}")
            item.setdefault("domain", f.stem)
            items.append(item)
    return items


def predict(extractor: Extractor, text: str) -> list[dict]:
    loaded = parse_article("sentence", "sentence", text, ".txt")
    return [c.as_dict() for c in extractor.extract(loaded) if c.unit not in NON_QUANTITY_UNITS]


def _match(metric: str, gold: list[dict], pred: list[dict]) -> tuple[int, list[int], list[int]]:
    """Greedy one-to-one matching; returns (matches, unmatched gold idx, unmatched pred idx)."""
    used: set[int] = set()
    unmatched_gold = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and matches(metric, g, p):
                used.add(pi)
                break
        else:
            unmatched_gold.append(gi)
    return len(used), unmatched_gold, [pi for pi in range(len(pred)) if pi not in used]


def evaluate(items: list[dict], rules: Rules) -> Evaluation:
    extractor = Extractor(rules)
    ev = Evaluation()
    for item in items:
        ev.sentences += 1
        gold = item["claims"]
        pred = predict(extractor, item["text"])
        domain = ev.by_domain.setdefault(item["domain"], {m: Score() for m in METRICS})
        for metric in METRICS:
            tp, miss, false = _match(metric, gold, pred)
            for bucket in (ev.scores[metric], domain[metric]):
                bucket.tp += tp
                bucket.gold += len(gold)
                bucket.predicted += len(pred)
            if metric == "value":
                for gi in miss:
                    ev.misses.append({"id": item["id"], "text": item["text"], "gold": gold[gi]})
                for pi in false:
                    p = pred[pi]
                    ev.false_hits.append({"id": item["id"], "text": item["text"],
                                          "predicted": {k: p[k] for k in ("text", "value", "low", "high", "qualifier",
                                                                          "unit", "entity")}})
            elif miss:
                value_tp, value_miss, _ = _match("value", gold, pred)
                for gi in miss:
                    if gi in value_miss:
                        continue
                    g = gold[gi]
                    candidates = [p for p in pred if same_value(g, p)]
                    ev.mismatches.setdefault(metric, []).append({
                        "id": item["id"], "text": item["text"], "gold": g,
                        "predicted": [{k: p[k] for k in ("text", "qualifier", "unit", "entity", "change")} for p in candidates],
                    })
    return ev
