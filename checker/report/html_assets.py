"""The HTML page's look: its colours, stylesheet and script, and the Content-Security-Policy
that lets only them apply and run (by hash).

The stylesheet and script are kept as written, one rule per line, so some lines are long.
"""

from __future__ import annotations

import base64
import hashlib

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
    if (!el.hasAttribute("tabindex")) { el.tabIndex = -1; }
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

  /* Claims: the table is drawn from the page's claims data (html_claims.py): each row is
     [index into data.articles, number of its mark or 0, the claim's own columns (data.own)...];
     an entry of data.articles holds the article's shared columns (data.shared), then its DOM id;
     a cell of a text column (data.words) is an index into data.strings. */
  function fmtAmount(v) {
    if (Math.abs(v) >= 1000 || Number.isInteger(v)) {
      return v.toLocaleString("en-US", {maximumSignificantDigits: Number.isInteger(v) ? 21 : 6});
    }
    return String(Number(v.toPrecision(6)));
  }
  var claimsData = doc.getElementById("claims-data");
  var claimsTable = doc.getElementById("claims");
  if (claimsData && claimsTable) {
    var data = JSON.parse(claimsData.textContent);
    var where = data.columns.map(function (col) {
      var s = data.shared.indexOf(col);
      return s >= 0 ? {shared: s} : {own: data.own.indexOf(col) + 2, word: data.words.indexOf(col) >= 0};
    });
    var titles = {};
    var frag = doc.createDocumentFragment();
    data.rows.forEach(function (row, order) {
      var article = data.articles[row[0]];
      var markId = row[1] ? article[data.shared.length] + "-c" + row[1] : null;
      var tr = doc.createElement("tr");
      tr.setAttribute("data-order", order);
      var cells = {};
      data.columns.forEach(function (col, i) {
        var v = "shared" in where[i] ? article[where[i].shared] : row[where[i].own];
        v = v === undefined ? null : v;
        if (v !== null && where[i].word) { v = data.strings[v]; }
        cells[col] = v;
        var td = doc.createElement("td");
        if (data.classes[i]) { td.className = data.classes[i]; }
        if (typeof v === "number") { td.setAttribute("data-num", v); }
        var shown = v === null ? "" : (typeof v === "number" && (col === "low" || col === "high")) ? fmtAmount(v) : String(v);
        if (col === "text" && markId) {
          var a = doc.createElement("a");
          a.href = "#" + markId;
          a.textContent = shown;
          td.appendChild(a);
        } else {
          td.textContent = shown;
        }
        tr.appendChild(td);
      });
      if (markId) {
        var what = [cells.text, cells.entity].filter(function (x) { return x; }).join(" ");
        (titles[markId] = titles[markId] || []).push(cells.unit ? what + " (" + cells.unit + ")" : what);
      }
      frag.appendChild(tr);
    });
    claimsTable.tBodies[0].appendChild(frag);
    Object.keys(titles).forEach(function (id) {
      var mark = doc.getElementById(id);
      if (mark && !mark.title) { mark.title = titles[id].join("; "); }
    });
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


def stylesheet() -> str:
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

