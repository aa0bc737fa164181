"""HTML report: one self-contained page where an editor reads the disputed sentences side by side.

The page loads nothing: styles and script are inline and allowed by hash in a strict
Content-Security-Policy (``default-src 'none'``), so the file can be mailed, archived or opened
from disk. Every piece of article text is escaped; the policy is the second line of defence should
an escape ever be missed. The output depends only on its inputs (no timestamps, no set order), so
two runs over the same articles give the same bytes.

Without script the page is still complete: every section is shown, filters and tabs are simply
absent. The script adds tabs, filters, search, sortable claims and the jump from a finding to the
highlighted sentence in the full article.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import numbers
from html import escape

from .report import claim_records
from .rules import LEVELS

# Colours, kept here so that tests can check their contrast (WCAG AA: 4.5:1 for text).
TEXT = "#1b1b1f"
MUTED = "#4f5561"
BACKGROUND = "#ffffff"
SURFACE = "#f4f5f7"
BORDER = "#8a8f98"
LINK = "#0b57a4"
FOCUS = "#1a5fb4"
MARK = "#fff1a6"           # every claim in an article
MARK_FINDING = "#ffc98a"   # claims that take part in a finding
LEVEL_COLOURS = {          # badge background; badge text is white
    "error": "#a61b1b",
    "warning": "#8a4b00",
    "suggestion": "#1f5b99",
}
# Pairs (foreground, background) the page uses for text; tests assert each is at least 4.5:1.
TEXT_PAIRS = [
    (TEXT, BACKGROUND), (MUTED, BACKGROUND), (TEXT, SURFACE), (MUTED, SURFACE), (LINK, BACKGROUND),
    (LINK, SURFACE), (TEXT, MARK), (TEXT, MARK_FINDING),
] + [("#ffffff", colour) for colour in LEVEL_COLOURS.values()]

LEVEL_ORDER = tuple(reversed(LEVELS))  # most severe first

NUMERIC_CLAIM_COLUMNS = {"value", "low", "high", "period", "start", "end", "line", "column"}
# Keys of a verified fact that the card already shows (value, and what the finding is about).
FACT_IMPLIED = ("value", "low", "high", "event", "period", "entity", "unit", "file", "line")
# Left out of the printed claims table, which must fit the width of a page.
UNPRINTED_CLAIM_COLUMNS = {"published", "change", "entity_key", "sentence", "start", "end"}

CSS = """
*,*::before,*::after{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:%(text)s;background:%(bg)s}
main,header.page,footer.page{max-width:80rem;margin:0 auto;padding:0 1rem}
header.page{padding-top:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:1.5rem 0 .75rem}
h3{font-size:1.1rem;margin:0}
h4{font-size:1rem;margin:0}
a{color:%(link)s}
a:hover{text-decoration-thickness:2px}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.95em}
:focus-visible{outline:3px solid %(focus)s;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:%(bg)s;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.muted{color:%(muted)s}
.lede{margin:.25rem 0 1rem;color:%(muted)s}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(7rem,1fr));gap:.5rem;margin:0;padding:0}
.stats div{background:%(surface)s;border-radius:6px;padding:.5rem .75rem}
.stats dt{font-size:.85rem;color:%(muted)s}
.stats dd{margin:0;font-size:1.35rem;font-weight:600}
.rules{margin:.75rem 0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%%;font-size:.9rem}
th,td{border-bottom:1px solid %(border)s;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:%(surface)s}
.scroll{overflow-x:auto;max-width:100%%}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:0 .45rem;font-size:.85rem;font-weight:600;letter-spacing:.02em;text-transform:uppercase}
%(levels)s
[role=tablist]{display:flex;flex-wrap:wrap;gap:.25rem;border-bottom:2px solid %(border)s;margin-top:1.5rem}
[role=tab]{font:inherit;font-weight:600;background:%(surface)s;color:%(text)s;border:2px solid %(border)s;border-bottom:0;border-radius:6px 6px 0 0;padding:.45rem 1rem;cursor:pointer;margin-bottom:-2px}
[role=tab][aria-selected=true]{background:%(bg)s;border-bottom:2px solid %(bg)s}
[role=tabpanel]:focus-visible{outline-offset:4px}
.filters{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:flex-end;background:%(surface)s;border-radius:6px;padding:.75rem;margin:0 0 .75rem}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.filters legend,.filters label.field{font-size:.85rem;font-weight:600;color:%(text)s;display:block;padding:0}
.filters select,.filters input[type=search],.claims-filter input{font:inherit;padding:.25rem .4rem;border:1px solid %(border)s;border-radius:4px;background:%(bg)s;color:%(text)s;min-width:12rem;max-width:100%%}
::placeholder{color:%(muted)s;opacity:1}
.filters .check{display:inline-flex;gap:.3rem;align-items:center}
.filters input[type=checkbox]{width:1.1rem;height:1.1rem;margin:0}
button.plain{font:inherit;padding:.3rem .8rem;border:1px solid %(border)s;border-radius:4px;background:%(bg)s;color:%(text)s;cursor:pointer}
.finding{border:1px solid %(border)s;border-left:6px solid var(--level);border-radius:6px;padding:.75rem 1rem 1rem;margin:0 0 1rem;background:%(bg)s}
.finding.level-error{--level:%(error)s}
.finding.level-warning{--level:%(warning)s}
.finding.level-suggestion{--level:%(suggestion)s}
.finding header{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline}
.finding .num{color:%(muted)s;font-weight:400}
.facts{display:flex;flex-wrap:wrap;gap:.15rem 1.25rem;margin:.4rem 0;padding:0;font-size:.9rem}
.facts div{display:flex;gap:.35rem}
.facts dt{color:%(muted)s}
.facts dd{margin:0;font-weight:600}
.message{margin:.4rem 0;color:%(muted)s;font-size:.9rem}
.note{background:%(surface)s;border-radius:4px;padding:.4rem .6rem;margin:.5rem 0;font-size:.95rem}
.note dl{margin:.2rem 0 0;display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem}
.note dt{color:%(muted)s}
.note dd{margin:0;overflow-wrap:anywhere}
.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%%,19rem),1fr));gap:.75rem;margin-top:.5rem}
.source{border:1px solid %(border)s;border-radius:6px;padding:.6rem .75rem;display:flex;flex-direction:column;gap:.3rem}
.source.outlier{border:2px dashed %(error)s}
.source p{margin:0}
.source .value strong{font-size:1.15rem}
.sentence{margin:.25rem 0;padding:.4rem .6rem;border-left:3px solid %(border)s;background:%(surface)s;font-family:Georgia,"DejaVu Serif",serif;overflow-wrap:anywhere}
mark{background:%(mark)s;color:%(text)s;padding:0 .1em;border-radius:2px}
.sentence mark,mark.in-finding{background:%(mark_finding)s;font-weight:600}
mark.current{outline:3px solid %(focus)s;outline-offset:1px}
.outlier-tag{align-self:flex-start}
.empty{font-style:italic}
.suppressed-list .finding{background:%(surface)s}
.article-doc{border-top:2px solid %(border)s;padding-top:.5rem;margin-top:1.5rem}
.article-doc dl{display:flex;flex-wrap:wrap;gap:.1rem 1.25rem;margin:.25rem 0;font-size:.9rem}
.article-doc dl div{display:flex;gap:.35rem}
.article-doc dt{color:%(muted)s}
.article-doc dd{margin:0;overflow-wrap:anywhere}
.article-text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"DejaVu Serif",serif;font-size:1rem;line-height:1.6;background:%(surface)s;border-radius:6px;padding:.75rem 1rem;margin:.5rem 0}
.back{position:sticky;top:0;z-index:2;background:%(bg)s;padding:.4rem 0;margin:0}
.claims-filter{margin:0 0 .5rem}
.claims-filter label{font-weight:600;margin-right:.5rem}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:%(text)s;cursor:pointer;text-align:left}
th button::after{content:"";display:inline-block;width:1em;color:%(muted)s}
th[aria-sort=ascending] button::after{content:"\\25B2"}
th[aria-sort=descending] button::after{content:"\\25BC"}
td.sentence-cell{min-width:22rem}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
th.num button{text-align:right}
footer.page{color:%(muted)s;font-size:.85rem;padding-bottom:2rem;margin-top:2rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){
body{font-size:15px}
.filters select,.filters input[type=search]{min-width:0;width:100%%}
.filters>div{width:100%%}
[role=tab]{padding:.4rem .6rem}
}
@media print{
body{font-size:11pt}
.skip,[role=tablist],.filters,#shown,.claims-filter,.back,.no-match,th button::after{display:none!important}
[role=tabpanel][hidden]{display:block!important}
.finding[hidden]{display:block!important}
tr[hidden]{display:table-row!important}
.finding,.source{break-inside:avoid}
.scroll{overflow:visible}
a{color:%(text)s;text-decoration:none}
mark,.badge,.sentence{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.article-doc{break-before:page}
#claims{font-size:8pt}
#claims th,#claims td{padding:.15rem .25rem}
#claims td,.article-index td{overflow-wrap:anywhere}
#claims .no-print{display:none}
}
"""

JS = r"""
(function () {
  "use strict";
  var doc = document;
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }

  /* Tabs (WAI-ARIA tabs pattern). Without script every panel stays visible. */
  var tablist = doc.querySelector('[role="tablist"]');
  var tabs = all('[role="tab"]');
  function panelOf(tab) { return doc.getElementById(tab.getAttribute("aria-controls")); }
  function activate(tab, focus) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      panelOf(t).hidden = !on;
    });
    if (focus) { tab.focus(); }
  }
  if (tablist && tabs.length) {
    tablist.hidden = false;
    activate(tabs[0], false);
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { activate(tab, false); });
      tab.addEventListener("keydown", function (e) {
        var j = null;
        if (e.key === "ArrowRight") { j = (i + 1) % tabs.length; }
        else if (e.key === "ArrowLeft") { j = (i - 1 + tabs.length) % tabs.length; }
        else if (e.key === "Home") { j = 0; }
        else if (e.key === "End") { j = tabs.length - 1; }
        if (j !== null) { e.preventDefault(); activate(tabs[j], true); }
      });
    });
  }

  /* Jumps between a finding and the claim in its article, by fragment (#f1, #a2-c7). */
  var back = doc.getElementById("back");
  var backLink = doc.getElementById("back-link");
  var cameFrom = null;
  var currentMark = null;
  function show(id) {
    var el = id ? doc.getElementById(id) : null;
    if (!el) { return; }
    var panel = el.closest('[role="tabpanel"]');
    if (panel && panel.hidden) {
      tabs.forEach(function (t) { if (panelOf(t) === panel) { activate(t, false); } });
    }
    if (el.tagName === "MARK") {
      if (currentMark) { currentMark.classList.remove("current"); }
      el.classList.add("current");
      currentMark = el;
      if (back && backLink && cameFrom) {
        backLink.setAttribute("href", "#" + cameFrom);
        backLink.textContent = "Back to finding " + (doc.getElementById(cameFrom).getAttribute("data-num") || "");
        back.hidden = false;
      }
    }
    cameFrom = null;
    el.scrollIntoView({block: "center"});
    el.focus({preventScroll: true});
  }
  doc.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) { return; }
    cameFrom = a.getAttribute("data-from");
    if (a.getAttribute("href") === location.hash) { e.preventDefault(); show(location.hash.slice(1)); }
  });
  window.addEventListener("hashchange", function () { show(location.hash.slice(1)); });
  if (location.hash) { show(location.hash.slice(1)); }

  /* Filters and search over the finding cards. */
  var form = doc.getElementById("filters");
  var cards = all(".finding");
  var status = doc.getElementById("shown");
  var texts = cards.map(function (c) { return c.textContent.toLowerCase().replace(/\s+/g, " "); });
  function applyFilters() {
    var levels = all('input[name="level"]', form).filter(function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    var ev = form.elements.event.value;
    var src = form.elements.source.value;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card, i) {
      var ok = levels.indexOf(card.getAttribute("data-level")) >= 0 &&
        (ev === "" || card.getAttribute("data-event") === ev) &&
        (src === "" || JSON.parse(card.getAttribute("data-sources")).indexOf(src) >= 0) &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    all(".finding-list").forEach(function (list) {
      var none = list.querySelector(".no-match");
      if (none) { none.hidden = list.querySelectorAll(".finding:not([hidden])").length > 0; }
    });
    status.textContent = "Showing " + shown + " of " + cards.length +
      " finding" + (cards.length === 1 ? "" : "s") + ".";
  }
  if (form && cards.length) {
    form.hidden = false;
    form.addEventListener("input", applyFilters);
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(applyFilters, 0); });
    applyFilters();
  }

  /* Claims: sort by a column (click its header), filter by text. */
  all("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var heads = all("thead th", table);
    function key(cell) {
      var num = cell.getAttribute("data-num");
      if (num !== null) { return {n: parseFloat(num)}; }
      var s = cell.textContent.trim();
      return s === "" ? null : {s: s};
    }
    function compare(a, b) {
      if (a === null || b === null) { return a === b ? 0 : null; }
      if ("n" in a && "n" in b) { return a.n - b.n; }
      if ("n" in a) { return -1; }
      if ("n" in b) { return 1; }
      return a.s.localeCompare(b.s, "en", {numeric: true, sensitivity: "base"});
    }
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows).map(function (r) {
          return {row: r, key: key(r.cells[col]), order: +r.getAttribute("data-order")};
        });
        rows.sort(function (a, b) {
          var c = compare(a.key, b.key);
          if (c === null) { return a.key === null ? 1 : -1; }  /* empty cells last either way */
          return c * dir || a.order - b.order;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  });
  var claimsFilter = doc.getElementById("claims-q");
  var claimsStatus = doc.getElementById("claims-shown");
  if (claimsFilter) {
    claimsFilter.parentNode.hidden = false;
    var rows = all("#claims tbody tr");
    var rowTexts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    claimsFilter.addEventListener("input", function () {
      var words = claimsFilter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return rowTexts[i].indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      claimsStatus.textContent = "Showing " + shown + " of " + rows.length + " claims.";
    });
  }
})();
"""


def _css() -> str:
    levels = "\n".join(f".badge.level-{name}{{background:{colour}}}" for name, colour in LEVEL_COLOURS.items())
    return CSS % {
        "text": TEXT, "muted": MUTED, "bg": BACKGROUND, "surface": SURFACE, "border": BORDER, "link": LINK,
        "focus": FOCUS, "mark": MARK, "mark_finding": MARK_FINDING, "levels": levels,
        "error": LEVEL_COLOURS["error"], "warning": LEVEL_COLOURS["warning"],
        "suggestion": LEVEL_COLOURS["suggestion"],
    }


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load; only this page's own style and script (by hash) may apply or run."""
    return (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def _e(value) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def _attr_json(value) -> str:
    """JSON for a data- attribute: HTML-escaped, and with <, >, & as \\u escapes besides."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _e(text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _number(v) -> str:
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
        text = f"{'≈' if q == '~' else '='} {_number(value if value is not None else low)}"
    elif q in (">", ">="):
        text = f"{'≥' if q == '>=' else '>'} {_number(low)}"
    elif q in ("<", "<="):
        text = f"{'≤' if q == '<=' else '<'} {_number(high)}"
    else:
        text = f"{_number(low)}–{_number(high)}"
    if unit and unit != "count":
        text += f" {unit}"
    return text


class _Articles:
    """Article texts and metadata, with a stable DOM id per article and per claim."""

    def __init__(self, result, report: dict):
        self.meta = {a["article"]: a for a in report.get("articles", [])}
        self.texts: dict[str, str] = {}
        self.line_starts: dict[str, list[int]] = {}
        self.order: list[str] = []
        for item in getattr(result, "loaded", []) or []:
            article = item.article
            self.texts[article.id] = article.text
            self.line_starts[article.id] = list(article.line_starts or [0])
            self.order.append(article.id)
            self.meta.setdefault(article.id, article.summary())
        for article_id in self.meta:
            if article_id not in self.texts:
                self.order.append(article_id)
        self.dom = {article_id: f"a{n}" for n, article_id in enumerate(self.order, 1)}
        # Highlighted spans per article: (start, end) -> mark id, and what each span is.
        self.spans: dict[str, dict[tuple[int, int], str]] = {a: {} for a in self.order}
        self.span_info: dict[tuple[str, int, int], str] = {}
        self.in_finding: set[tuple[str, int, int]] = set()
        self.anchor: dict[tuple[str, int, int], str] = {}

    def valid_span(self, article_id: str, start, end) -> bool:
        text = self.texts.get(article_id)
        return (text is not None and isinstance(start, numbers.Integral) and isinstance(end, numbers.Integral)
                and not isinstance(start, bool) and 0 <= start < end <= len(text))

    def span_of(self, claim: dict) -> tuple[int, int] | None:
        """Where a claim is in its article's text: its offsets, else its line, column and text
        (findings about a suppression comment carry only those)."""
        article_id, start, end = claim.get("article"), claim.get("start"), claim.get("end")
        if self.valid_span(article_id, start, end):
            return int(start), int(end)
        line, column, written = claim.get("line"), claim.get("column"), claim.get("text") or ""
        starts = self.line_starts.get(article_id)
        if not (starts and written and isinstance(line, numbers.Integral) and isinstance(column, numbers.Integral)
                and 1 <= line <= len(starts) and column >= 1):
            return None
        at = starts[line - 1] + column - 1
        if self.texts[article_id][at:at + len(written)] == written:
            return at, at + len(written)
        return None

    def anchor_of(self, claim: dict) -> str | None:
        span = self.span_of(claim)
        return self.anchor.get((claim.get("article"), *span)) if span else None

    def add_span(self, claim: dict, info: str, finding: bool = False) -> None:
        span = self.span_of(claim)
        if span is None:
            return
        article_id = claim.get("article")
        start, end = span
        spans = self.spans[article_id]
        if (start, end) not in spans:
            spans[(start, end)] = f"{self.dom[article_id]}-c{len(spans) + 1}"
            self.span_info[(article_id, start, end)] = info
        if finding:
            self.in_finding.add((article_id, start, end))

    def layout(self) -> None:
        """Group overlapping spans under one mark; every claim of a group points at that mark."""
        # Each group: [start, end, mark id, member spans]; a mark covers all of its members.
        self.groups: dict[str, list[list]] = {}
        for article_id, spans in self.spans.items():
            groups: list[list] = []
            for (start, end) in sorted(spans, key=lambda s: (s[0], -s[1])):
                if groups and start < groups[-1][1]:
                    groups[-1][1] = max(groups[-1][1], end)
                    groups[-1][3].append((start, end))
                else:
                    groups.append([start, end, spans[(start, end)], [(start, end)]])
                self.anchor[(article_id, start, end)] = groups[-1][2]
            self.groups[article_id] = groups

    def marked_text(self, article_id: str) -> str:
        text = self.texts[article_id]
        out = []
        pos = 0
        for start, end, mark_id, members in self.groups[article_id]:
            finding = any((article_id, s, e) in self.in_finding for s, e in members)
            info = "; ".join(self.span_info[(article_id, s, e)] for s, e in members)
            cls = ' class="in-finding"' if finding else ""
            out.append(_e(text[pos:start]))
            out.append(f'<mark id="{mark_id}"{cls} tabindex="-1" title="{_e(info)}">{_e(text[start:end])}</mark>')
            pos = end
        out.append(_e(text[pos:]))
        return "".join(out)

    def date_note(self, article_id: str, published) -> str:
        meta = self.meta.get(article_id, {})
        if not published:
            return "undated"
        if meta.get("date_from") == "text":
            return f"{published} (inferred from text)"
        return str(published)

    def outlet_note(self, article_id: str) -> str:
        if self.meta.get(article_id, {}).get("source_from") == "filename":
            return "outlet not stated; named after the file"
        return ""


def _claim_info(c: dict) -> str:
    what = " ".join(str(x) for x in (c.get("text"), c.get("entity")) if x)
    unit = c.get("unit")
    return f"{what} ({unit})" if unit else what


def _sentence_html(claim: dict, articles: _Articles) -> str:
    """The evidence sentence with the claim's characters in <mark>."""
    sentence = claim.get("sentence") or ""
    span = articles.span_of(claim)
    rel = None
    if sentence and span is not None:
        start, end = span
        text = articles.texts[claim.get("article")]
        at = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
        if at != -1 and at <= start and end <= at + len(sentence):
            rel = (start - at, end - at)
    if rel is None:
        written = claim.get("text") or ""
        if written and sentence.count(written) == 1:
            at = sentence.index(written)
            rel = (at, at + len(written))
    if rel is None:
        return _e(sentence)
    a, b = rel
    return f"{_e(sentence[:a])}<mark>{_e(sentence[a:b])}</mark>{_e(sentence[b:])}"


def _dl(items: dict, skip: tuple = ()) -> str:
    rows = []
    for key, value in items.items():
        if key in skip or value is None or value == "":
            continue
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        rows.append(f"<dt>{_e(str(key).replace('_', ' '))}</dt><dd>{_e(value)}</dd>")
    return f"<dl>{''.join(rows)}</dl>" if rows else ""


def _finding_card(n: int, f: dict, articles: _Articles) -> str:
    level = f.get("level") or "suggestion"
    card_id = f"f{n}"
    claims = f.get("claims") or []
    sources = sorted({c.get("source") or "" for c in claims})
    event_key = f"e:{f['event']}" if f.get("event") else "none"
    title = f"{_e(f.get('entity'))}"
    parts = [
        f'<article class="finding level-{_e(level)}" id="{card_id}" tabindex="-1" aria-labelledby="{card_id}-h" '
        f'data-num="{n}" data-level="{_e(level)}" data-event="{_e(event_key)}" '
        f'data-sources="{_attr_json(["s:" + s for s in sources])}">',
        "<header>",
        f'<h3 id="{card_id}-h"><span class="num">#{n}</span> <span class="badge level-{_e(level)}">{_e(level)}</span> '
        f'<code>{_e(f.get("rule"))}</code> {_e(f.get("name"))}: {title}</h3>',
        "</header>",
        '<dl class="facts">',
    ]
    for label, value in (("Event", f.get("event")), ("Period", f.get("period")), ("Entity", f.get("entity")),
                         ("Unit", f.get("unit"))):
        parts.append(f"<div><dt>{label}</dt><dd>{_e(value if value not in (None, '') else '—')}</dd></div>")
    parts.append("</dl>")
    if f.get("message"):
        parts.append(f'<p class="message">{_e(f["message"])}</p>')
    fact = f.get("fact")
    if fact:
        value = fact.get("value")
        if value is None and ("low" in fact or "high" in fact):
            value = f"{_number(fact.get('low'))}–{_number(fact.get('high'))}"
        parts.append(f'<div class="note fact"><strong>Verified fact:</strong> {_e(value)}'
                     f'{_dl(fact, skip=FACT_IMPLIED)}</div>')
    suppressed = f.get("suppressed")
    if suppressed:
        parts.append(f'<div class="note suppressed-why"><strong>Suppressed:</strong> '
                     f'{_e(suppressed.get("reason") or "no reason given")}{_dl(suppressed, skip=("reason",))}</div>')
    outlier = f.get("outlier")
    if outlier:
        odd = [c for c in claims if c.get("article") == outlier]
        others = {c.get("article") for c in claims if c.get("article") != outlier}
        if odd:
            parts.append(f'<p class="note outlier-note"><strong>Outlier:</strong> {_e(odd[0].get("source"))} '
                         f'({_e(outlier)}) gives {_e(odd[0].get("text"))}; the {len(others)} other sources agree '
                         f'with one another.</p>')
    parts.append(f'<div class="sources" aria-label="Sources of finding {n}" role="group">')
    for c in claims:
        article_id = c.get("article")
        is_outlier = outlier is not None and article_id == outlier
        anchor = articles.anchor_of(c)
        outlet = articles.outlet_note(article_id)
        parts.append(f'<section class="source{" outlier" if is_outlier else ""}">')
        parts.append(f'<h4>{_e(c.get("source"))}</h4>')
        if is_outlier:
            parts.append('<span class="badge level-error outlier-tag">outlier</span>')
        if outlet:
            parts.append(f'<p class="muted">{_e(outlet)}</p>')
        if article_id in articles.meta or c.get("published"):
            parts.append(f'<p class="muted">{_e(articles.date_note(article_id, c.get("published")))}</p>')
        read = reading(c, f.get("unit"))
        parts.append(f'<p class="value">As written: <strong>{_e(c.get("text"))}</strong>'
                     + (f' <span class="muted">(read as {_e(read)})</span>' if read else "") + "</p>")
        parts.append(f'<blockquote class="sentence">{_sentence_html(c, articles)}</blockquote>')
        where = f"{article_id}, line {c.get('line')}, column {c.get('column')}"
        if anchor:
            parts.append(f'<p><a class="open-article" href="#{anchor}" data-from="{card_id}">'
                         f'Read in the article<span class="visually-hidden"> from {_e(c.get("source"))}</span></a> '
                         f'<span class="muted">({_e(where)})</span></p>')
        else:
            parts.append(f'<p class="muted">{_e(where)}</p>')
        parts.append("</section>")
    parts.append("</div></article>")
    return "\n".join(parts)


def _summary(report: dict, articles: _Articles) -> str:
    s = report.get("summary", {})
    by_level = s.get("by_level", {})
    stats = [("Articles", s.get("articles", len(articles.order))), ("Sources", s.get("sources", "")),
             ("Claims", s.get("claims", ""))]
    stats += [(f"{level.capitalize()}s", by_level.get(level, 0)) for level in LEVEL_ORDER]
    stats.append(("Suppressed", s.get("suppressed", 0)))
    if s.get("baselined"):
        stats.append(("Baselined", s["baselined"]))
    if s.get("unreadable"):
        stats.append(("Unreadable", s["unreadable"]))
    out = ['<section aria-labelledby="summary-h">', '<h2 id="summary-h">Summary</h2>', '<dl class="stats">']
    out += [f"<div><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>" for label, value in stats]
    out.append("</dl>")
    out.append(f'<p class="rules">Rules: <code>{_e(s.get("rules"))}</code>'
               + (f' <span class="muted">· factcheck {_e(s.get("version"))}</span>' if s.get("version") else "")
               + "</p>")
    errors = report.get("errors") or []
    if errors:
        out.append('<h3>Unreadable articles</h3><ul>')
        out += [f"<li><code>{_e(e.get('path'))}</code>: {_e(e.get('message'))}</li>" for e in errors]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _filters(findings: list[dict], articles: _Articles) -> str:
    counts = {level: 0 for level in LEVEL_ORDER}
    for f in findings:
        counts[f.get("level")] = counts.get(f.get("level"), 0) + 1
    events = sorted({f["event"] for f in findings if f.get("event")})
    has_none = any(not f.get("event") for f in findings)
    sources = sorted({c.get("source") or "" for f in findings for c in f.get("claims") or []})
    out = ['<form id="filters" class="filters" role="search" aria-label="Filter findings" hidden>',
           '<fieldset><legend>Level</legend>']
    for level, n in counts.items():
        out.append(f'<label class="check"><input type="checkbox" name="level" value="{_e(level)}" checked> '
                   f'{_e(level)} ({n})</label>')
    out.append("</fieldset>")
    out.append('<div><label class="field" for="f-event">Event</label><select id="f-event" name="event">'
               '<option value="">All events</option>')
    out += [f'<option value="e:{_e(e)}">{_e(e)}</option>' for e in events]
    if has_none:
        out.append('<option value="none">(no event)</option>')
    out.append("</select></div>")
    out.append('<div><label class="field" for="f-source">Source</label><select id="f-source" name="source">'
               '<option value="">All sources</option>')
    out += [f'<option value="s:{_e(s)}">{_e(s)}</option>' for s in sources]
    out.append("</select></div>")
    out.append('<div><label class="field" for="f-q">Search</label>'
               '<input type="search" id="f-q" name="q" placeholder="entity, sentence, outlet…" '
               'autocomplete="off"></div>')
    out.append('<div><button type="reset" class="plain">Clear filters</button></div>')
    out.append("</form>")
    out.append('<p id="shown" class="muted" role="status" aria-live="polite"></p>')
    return "\n".join(out)


def _claims_table(records: list[dict], columns: list[str], articles: _Articles) -> str:
    out = ['<p class="claims-filter" hidden><label for="claims-q">Filter claims</label>'
           '<input type="search" id="claims-q" autocomplete="off"> '
           '<span id="claims-shown" class="muted" role="status" aria-live="polite"></span></p>',
           '<p class="muted">Click a column header to sort by it; click again to reverse.</p>',
           '<div class="scroll" role="region" aria-label="Claims table" tabindex="0">',
           '<table id="claims" class="sortable"><caption class="visually-hidden">Every claim extracted</caption>'
           "<thead><tr>"]
    classes = {col: " ".join(name for name, on in (("num", col in NUMERIC_CLAIM_COLUMNS),
                                                   ("sentence-cell", col == "sentence"),
                                                   ("no-print", col in UNPRINTED_CLAIM_COLUMNS)) if on)
               for col in columns}
    attrs = {col: f' class="{cls}"' if cls else "" for col, cls in classes.items()}
    out += [f'<th scope="col"{attrs[col]}><button type="button">{_e(col)}</button></th>' for col in columns]
    out.append("</tr></thead><tbody>")
    for order, r in enumerate(records):
        cells = []
        for col in columns:
            v = r.get(col)
            num = ""
            if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(float(v)):
                num = f' data-num="{_e(repr(float(v)))}"'
            shown = "" if v is None else (_number(v) if col in ("low", "high") else str(v))
            body = _e(shown)
            if col == "text":
                anchor = articles.anchor_of(r)
                if anchor:
                    body = f'<a href="#{anchor}">{body}</a>'
            cells.append(f"<td{attrs[col]}{num}>{body}</td>")
        out.append(f'<tr data-order="{order}">{"".join(cells)}</tr>')
    out.append("</tbody></table></div>")
    return "\n".join(out)


def _article_index(articles: _Articles, claim_counts: dict) -> str:
    out = []
    out.append('<div class="scroll" role="region" aria-label="Articles checked" tabindex="0">')
    out.append("<table class=\"article-index\"><caption class=\"visually-hidden\">Articles checked</caption><thead><tr>"
               "<th scope=\"col\">Article</th><th scope=\"col\">Outlet</th><th scope=\"col\">Date</th>"
               "<th scope=\"col\">Claims</th><th scope=\"col\">Title</th></tr></thead><tbody>")
    for article_id in articles.order:
        meta = articles.meta.get(article_id, {})
        outlet = _e(meta.get("source"))
        note = articles.outlet_note(article_id)
        if note:
            outlet += f' <span class="muted">({_e(note)})</span>'
        name = _e(article_id)
        if article_id in articles.texts:
            name = f'<a href="#{articles.dom[article_id]}">{name}</a>'
        out.append(f"<tr><td>{name}</td><td>{outlet}</td>"
                   f"<td>{_e(articles.date_note(article_id, meta.get('published')))}</td>"
                   f'<td class="num">{_e(claim_counts.get(article_id, meta.get("claims", 0)))}</td>'
                   f"<td>{_e(meta.get('title'))}</td></tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def _article_sections(articles: _Articles) -> str:
    out = ['<p id="back" class="back" hidden><a id="back-link" href="#panel-findings">Back to the finding</a></p>']
    for article_id in articles.order:
        if article_id not in articles.texts:
            continue
        meta = articles.meta.get(article_id, {})
        dom = articles.dom[article_id]
        out.append(f'<section class="article-doc" id="{dom}" tabindex="-1" aria-labelledby="{dom}-h">')
        out.append(f'<h3 id="{dom}-h">{_e(article_id)}</h3>')
        items = [("Outlet", (meta.get("source") or "") + (f" ({articles.outlet_note(article_id)})"
                                                           if articles.outlet_note(article_id) else "")),
                 ("Date", articles.date_note(article_id, meta.get("published"))),
                 ("Title", meta.get("title")), ("URL", meta.get("url")),
                 ("Claims highlighted", len(articles.spans[article_id]))]
        out.append("<dl>" + "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in items
                                    if v not in (None, "")) + "</dl>")
        # The newline after <pre> is eaten by the HTML parser, so a text that starts with one keeps it.
        out.append(f'<pre class="article-text">\n{articles.marked_text(article_id)}</pre>')
        out.append("</section>")
    return "\n".join(out)


def _title(summary: dict) -> str:
    by_level = summary.get("by_level", {})
    levels = ", ".join(_plural(by_level.get(level, 0), level) for level in LEVEL_ORDER)
    return f"factcheck report: {_plural(summary.get('findings', 0), 'finding')} ({levels})"


def render_html(result, report: dict) -> str:
    """The report as one self-contained HTML page (deterministic: same input, same bytes)."""
    articles = _Articles(result, report)
    claims_table = result.claims_table() if hasattr(result, "claims_table") else None
    records = claim_records(claims_table) if claims_table is not None else []
    columns = list(claims_table.columns) if claims_table is not None else []
    findings = report.get("findings") or []

    for r in records:
        articles.add_span(r, _claim_info(r))
    for f in findings:
        for c in f.get("claims") or []:
            articles.add_span(c, _claim_info(c), finding=True)
    articles.layout()

    claim_counts: dict = {}
    for r in records:
        claim_counts[r.get("article")] = claim_counts.get(r.get("article"), 0) + 1

    active = [(n, f) for n, f in enumerate(findings, 1) if not f.get("suppressed")]
    suppressed = [(n, f) for n, f in enumerate(findings, 1) if f.get("suppressed")]
    summary = report.get("summary", {})
    css, js = _css(), JS
    text_count = sum(1 for a in articles.order if a in articles.texts)

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy(css, js))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(_title(summary))}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#panel-findings">Skip to the findings</a>',
        '<header class="page">',
        "<h1>factcheck report</h1>",
        f'<p class="lede">{_e(_title(summary).split(": ", 1)[1])} across '
        f'{_plural(summary.get("articles", text_count), "article")} from '
        f'{_plural(summary.get("sources", 0), "source")}.</p>',
        "</header>",
        '<main id="main">',
        _summary(report, articles),
        '<div role="tablist" aria-label="Report sections" hidden>',
        f'<button type="button" role="tab" id="tab-findings" aria-controls="panel-findings" aria-selected="true">'
        f"Findings ({len(active)})</button>",
        f'<button type="button" role="tab" id="tab-claims" aria-controls="panel-claims" aria-selected="false" '
        f'tabindex="-1">Claims ({len(records)})</button>',
        f'<button type="button" role="tab" id="tab-articles" aria-controls="panel-articles" aria-selected="false" '
        f'tabindex="-1">Articles ({text_count})</button>',
        "</div>",
        '<section id="panel-findings" role="tabpanel" aria-labelledby="findings-h" tabindex="0">',
        '<h2 id="findings-h">Findings</h2>',
    ]
    if findings:
        out.append(_filters(findings, articles))
    out.append('<div class="finding-list" id="active-findings">')
    if active:
        out += [_finding_card(n, f, articles) for n, f in active]
        out.append('<p class="no-match empty" hidden>No finding matches these filters.</p>')
    else:
        out.append('<p class="empty">No discrepancies found.</p>')
    out.append("</div>")
    if suppressed:
        out.append('<section class="suppressed-list" aria-labelledby="suppressed-h">')
        out.append(f'<h2 id="suppressed-h">Suppressed findings ({len(suppressed)})</h2>')
        out.append('<p class="muted">Accepted by the desk or ignored in the article, each with its reason. '
                   "They do not count towards the totals above.</p>")
        out.append('<div class="finding-list">')
        out += [_finding_card(n, f, articles) for n, f in suppressed]
        out.append('<p class="no-match empty" hidden>No suppressed finding matches these filters.</p>')
        out.append("</div></section>")
    out += [
        "</section>",
        '<section id="panel-claims" role="tabpanel" aria-labelledby="claims-h" tabindex="0">',
        f'<h2 id="claims-h">Claims ({len(records)})</h2>',
        _claims_table(records, columns, articles) if records else '<p class="empty">No claims.</p>',
        "</section>",
        '<section id="panel-articles" role="tabpanel" aria-labelledby="articles-h" tabindex="0">',
        '<h2 id="articles-h">Articles</h2>',
        '<p class="muted">The full text of each article as on disk; every claim is highlighted, '
        "claims that take part in a finding more strongly.</p>",
        _article_index(articles, claim_counts),
        _article_sections(articles),
        "</section>",
        "</main>",
        f'<footer class="page">Generated by factcheck {_e(summary.get("version", ""))}. '
        "This page is self-contained: it loads nothing from the network.</footer>",
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
