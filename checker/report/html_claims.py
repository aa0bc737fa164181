"""The Claims tab of the HTML page: the claim rows as one compact JSON block that the page's own
script draws as a sortable table.

A claim row as HTML cost about 750 bytes (24 cells, their classes and sort keys), so a text dense in
numbers made a page 9-30 times its size. As data a row holds only what differs from claim to claim:
the columns that are the same for every claim of an article (article, outlet, date, story) are
given once per article (and story: a sentence about another story puts its claims there) and named
by index, every text (a unit, an entity, the number as written)
once for the page and named by index, the mark a claim links to by its number, and trailing empty
cells are left out. Classes and sort keys are added by the script, once per column.
"""

from __future__ import annotations

import json
import math

from .html_articles import Articles
from .html_text import esc

NUMERIC_CLAIM_COLUMNS = {"value", "low", "high", "period", "start", "end", "line", "column"}
# Left out of the printed claims table, which must fit the width of a page.
UNPRINTED_CLAIM_COLUMNS = {"published", "change", "entity_key", "sentence", "start", "end", "story", "counted", "part",
                           "who", "time", "as_of"}
# Columns whose value is the article's, not the claim's: given once per article in the data.
PER_ARTICLE_COLUMNS = ("article", "source", "published", "story")
# The claim's own columns in the data, those every claim has first (empty cells at the end of a row
# are left out); the table keeps the order of the claims table.
FIRST_OWN_COLUMNS = ("start", "end", "line", "column", "text", "value", "low", "high", "qualifier", "unit", "entity",
                     "entity_key")


def _cell(value):
    """A value as JSON can hold it: infinities as text (JSON has none)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _mark_number(anchor: str | None) -> int:
    """The number of a claim's mark in its article ("a3-c17" -> 17), 0 for none."""
    return int(anchor.rsplit("-c", 1)[1]) if anchor else 0


def claims_data(records: list[dict], columns: list[str], articles: Articles) -> dict:
    """The rows of the claims table as compact data: each row is [index into "articles" (the
    article's values of the shared columns, then its DOM id), the number of the claim's mark in
    that article or 0, then the claim's own columns in the order of "own"], trailing empty cells
    left out; a cell of a text column ("words") is an index into "strings"."""
    shared = [c for c in columns if c in PER_ARTICLE_COLUMNS]
    own = sorted((c for c in columns if c not in PER_ARTICLE_COLUMNS),
                 key=lambda c: FIRST_OWN_COLUMNS.index(c) if c in FIRST_OWN_COLUMNS else len(FIRST_OWN_COLUMNS))
    keys: dict[tuple, int] = {}
    words = [c for c in own if _all_text(records, c)]
    strings: dict[str, int] = {}
    rows = []
    for r in records:
        values = tuple(_cell(r.get(c)) for c in shared)
        k = keys.setdefault((*values, articles.dom.get(r.get("article"))), len(keys))
        cells = [_cell(r.get(c)) for c in own]
        row = [k, _mark_number(articles.anchor_of(r)),
               *(strings.setdefault(v, len(strings)) if c in words and v is not None else v
                 for c, v in zip(own, cells, strict=True))]
        while row[-1] is None:
            row.pop()
        rows.append(row)
    classes = [" ".join(name for name, on in (("num", c in NUMERIC_CLAIM_COLUMNS),
                                              ("no-print", c in UNPRINTED_CLAIM_COLUMNS)) if on) for c in columns]
    return {"columns": columns, "classes": classes, "shared": shared, "own": own, "words": words,
            "strings": list(strings), "articles": [list(k) for k in keys], "rows": rows}


def _all_text(records: list[dict], column: str) -> bool:
    """Whether every value of COLUMN is text (or empty): such a column holds indexes into the
    data's strings, each written once (a dense text repeats the same unit, entity and figure)."""
    return all(isinstance(r.get(column), str) or r.get(column) is None for r in records)


def data_block(element_id: str, data) -> str:
    """DATA as a JSON block the page's script reads (never run: type application/json). <, > and &
    are written as \\u escapes, so no article text can close the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


def claims_table_html(records: list[dict], columns: list[str], articles: Articles) -> str:
    """The table's frame (filter, header) and its rows as data; the script fills the body."""
    out = ['<p class="claims-filter" hidden><label for="claims-q">Filter claims</label>'
           '<input type="search" id="claims-q" autocomplete="off"> '
           '<span id="claims-shown" class="muted" role="status" aria-live="polite"></span></p>',
           '<p class="muted">Click a column header to sort by it; click again to reverse.</p>',
           '<noscript><p class="muted">The claims table is drawn by the page\'s script; claims.csv (and '
           '<code>factcheck extract</code>) holds every claim.</p></noscript>',
           '<div class="scroll" role="region" aria-label="Claims table" tabindex="0">',
           '<table id="claims" class="sortable"><caption class="visually-hidden">Every claim extracted</caption>'
           "<thead><tr>"]
    for col, cls in zip(columns, claims_data([], columns, articles)["classes"], strict=True):
        attr = f' class="{cls}"' if cls else ""
        out.append(f'<th scope="col"{attr}><button type="button">{esc(col)}</button></th>')
    out.append("</tr></thead><tbody></tbody></table></div>")
    out.append(data_block("claims-data", claims_data(records, columns, articles)))
    return "\n".join(out)
