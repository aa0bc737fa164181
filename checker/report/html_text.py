"""Text helpers of the HTML page: escaping, numbers as people read them, small pieces of markup."""

from __future__ import annotations

import json
import math
from html import escape


def esc(value) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def attr_json(value) -> str:
    """JSON for a data- attribute: HTML-escaped, and with <, >, & as \\u escapes besides."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return esc(text)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def fmt_number(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "…"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        f = float(v)
        if math.isinf(f):
            return "…"
        if f.is_integer():
            return f"{int(f):,}"
        return f"{f:,.6g}" if abs(f) >= 1000 else f"{f:.6g}"
    return str(v)


def reading(claim: dict, unit: str | None = None) -> str:
    """How factcheck read a claim: "= 83", "> 800", "20–30"."""
    q = claim.get("qualifier")
    low, high, value = claim.get("low"), claim.get("high"), claim.get("value")
    if q is None and low is None and high is None and value is None:
        return ""  # a location (a comment, a rules entry), not an amount
    if q in ("=", "~"):
        text = f"{'≈' if q == '~' else '='} {fmt_number(value if value is not None else low)}"
    elif q in (">", ">="):
        text = f"{'≥' if q == '>=' else '>'} {fmt_number(low)}"
    elif q in ("<", "<="):
        text = f"{'≤' if q == '<=' else '<'} {fmt_number(high)}"
    else:
        text = f"{fmt_number(low)}–{fmt_number(high)}"
    if unit and unit != "count":
        text += f" {unit}"
    return text


def claim_info(c: dict) -> str:
    what = " ".join(str(x) for x in (c.get("text"), c.get("entity")) if x)
    unit = c.get("unit")
    return f"{what} ({unit})" if unit else what


def definition_list(items: dict, skip: tuple = ()) -> str:
    rows = []
    for key, value in items.items():
        if key in skip or value is None or value == "":
            continue
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        rows.append(f"<dt>{esc(str(key).replace('_', ' '))}</dt><dd>{esc(value)}</dd>")
    return f"<dl>{''.join(rows)}</dl>" if rows else ""


