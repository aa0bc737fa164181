"""Claims (``factcheck extract``): the claims table as JSON lines, CSV or a terminal table."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
from tabulate import tabulate

from ..models import CLAIM_COLUMNS


def _json_value(v):
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    if pd.isna(v) if not isinstance(v, (list, dict, str)) else False:
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)  # 41.0 -> 41, as in findings
    return v


def claim_records(claims: pd.DataFrame) -> list[dict]:
    if claims.empty:
        return []
    return [{k: _json_value(v) for k, v in rec.items()} for rec in claims[CLAIM_COLUMNS].to_dict("records")]


def render_claims(claims: pd.DataFrame, fmt: str) -> str:
    records = claim_records(claims)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in records)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in records:
            writer.writerow(r)
        return buf.getvalue()
    if fmt == "table":
        cols = ["article", "line", "column", "text", "value", "low", "high", "qualifier", "unit", "change",
                "entity", "event", "period"]
        rows = [[r[c] if r[c] is not None else "" for c in cols] for r in records]
        return tabulate(rows, headers=cols, tablefmt="simple") + f"\n{len(records)} claims\n"
    raise ValueError(f"unknown claims format {fmt!r}")
