"""The sections of the HTML page: summary, filters, finding cards, claims table, articles."""

from __future__ import annotations

from ..rules import LEVELS
from .html_articles import Articles, sentence_html
from .html_text import attr_json, definition_list, esc, fmt_number, plural, reading

LEVEL_ORDER = tuple(reversed(LEVELS))  # most severe first

# Keys of a verified fact that the card already shows (value, and what the finding is about).
FACT_IMPLIED = ("value", "low", "high", "event", "period", "entity", "unit", "file", "line")


def finding_card(n: int, f: dict, articles: Articles) -> str:
    """One finding: what it is about, its notes, and each source's sentence side by side."""
    card_id = f"f{n}"
    claims = f.get("claims") or []
    outlier = f.get("outlier")
    parts = _card_header(n, f, card_id, claims)
    parts += _card_notes(f, claims)
    parts.append(f'<div class="sources" aria-label="Sources of finding {n}" role="group">')
    for c in claims:
        parts += _source_box(c, f, outlier is not None and c.get("article") == outlier, card_id, articles)
    parts.append("</div></article>")
    return "\n".join(parts)


def _card_header(n: int, f: dict, card_id: str, claims: list[dict]) -> list[str]:
    """The card's opening tag (with what the filters read), its title and the facts list."""
    level = f.get("level") or "suggestion"
    sources = sorted({c.get("source") or "" for c in claims})
    event_key = f"e:{f['event']}" if f.get("event") else "none"
    title = f"{esc(f.get('entity'))}"
    parts = [
        f'<article class="finding level-{esc(level)}" id="{card_id}" tabindex="-1" aria-labelledby="{card_id}-h" '
        f'data-num="{n}" data-level="{esc(level)}" data-event="{esc(event_key)}" '
        f'data-sources="{attr_json(["s:" + s for s in sources])}">',
        "<header>",
        f'<h3 id="{card_id}-h"><span class="num">#{n}</span> <span class="badge level-{esc(level)}">{esc(level)}</span> '
        f'<code>{esc(f.get("rule"))}</code> {esc(f.get("name"))}: {title}</h3>',
        "</header>",
        '<dl class="facts">',
    ]
    for label, value in (("Event", f.get("event")), ("Period", f.get("period")), ("Entity", f.get("entity")),
                         ("Unit", f.get("unit"))):
        parts.append(f"<div><dt>{label}</dt><dd>{esc(value if value not in (None, '') else '—')}</dd></div>")
    parts.append("</dl>")
    return parts


def _card_notes(f: dict, claims: list[dict]) -> list[str]:
    """The message, the verified fact, why the finding is suppressed, and who the outlier is."""
    parts = []
    if f.get("message"):
        parts.append(f'<p class="message">{esc(f["message"])}</p>')
    fact = f.get("fact")
    if fact:
        value = fact.get("value")
        if value is None and ("low" in fact or "high" in fact):
            value = f"{fmt_number(fact.get('low'))}–{fmt_number(fact.get('high'))}"
        parts.append(f'<div class="note fact"><strong>Verified fact:</strong> {esc(value)}'
                     f'{definition_list(fact, skip=FACT_IMPLIED)}</div>')
    suppressed = f.get("suppressed")
    if suppressed:
        parts.append(f'<div class="note suppressed-why"><strong>Suppressed:</strong> '
                     f'{esc(suppressed.get("reason") or "no reason given")}'
                     f'{definition_list(suppressed, skip=("reason",))}</div>')
    outlier = f.get("outlier")
    if outlier:
        odd = [c for c in claims if c.get("article") == outlier]
        others = {c.get("article") for c in claims if c.get("article") != outlier}
        if odd:
            parts.append(f'<p class="note outlier-note"><strong>Outlier:</strong> {esc(odd[0].get("source"))} '
                         f'({esc(outlier)}) gives {esc(odd[0].get("text"))}; the {len(others)} other sources agree '
                         f'with one another.</p>')
    return parts


def _source_box(c: dict, f: dict, is_outlier: bool, card_id: str, articles: Articles) -> list[str]:
    """One source of a finding: outlet, date, the number as written and read, the sentence, the link."""
    article_id = c.get("article")
    anchor = articles.anchor_of(c)
    outlet = articles.outlet_note(article_id)
    parts = [f'<section class="source{" outlier" if is_outlier else ""}">', f'<h4>{esc(c.get("source"))}</h4>']
    if is_outlier:
        parts.append('<span class="badge level-error outlier-tag">outlier</span>')
    if outlet:
        parts.append(f'<p class="muted">{esc(outlet)}</p>')
    if article_id in articles.meta or c.get("published"):
        parts.append(f'<p class="muted">{esc(articles.date_note(article_id, c.get("published")))}</p>')
    read = reading(c, f.get("unit"))
    parts.append(f'<p class="value">As written: <strong>{esc(c.get("text"))}</strong>'
                 + (f' <span class="muted">(read as {esc(read)})</span>' if read else "") + "</p>")
    parts.append(f'<blockquote class="sentence">{sentence_html(c, articles)}</blockquote>')
    where = f"{article_id}, line {c.get('line')}, column {c.get('column')}"
    if anchor:
        parts.append(f'<p><a class="open-article" href="#{anchor}" data-from="{card_id}">'
                     f'Read in the article<span class="visually-hidden"> from {esc(c.get("source"))}</span></a> '
                     f'<span class="muted">({esc(where)})</span></p>')
    else:
        parts.append(f'<p class="muted">{esc(where)}</p>')
    parts.append("</section>")
    return parts


def summary_section(report: dict, articles: Articles) -> str:
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
    out += [f"<div><dt>{esc(label)}</dt><dd>{esc(value)}</dd></div>" for label, value in stats]
    out.append("</dl>")
    out.append(f'<p class="rules">Rules: <code>{esc(s.get("rules"))}</code>'
               + (f' <span class="muted">· factcheck {esc(s.get("version"))}</span>' if s.get("version") else "")
               + "</p>")
    errors = report.get("errors") or []
    if errors:
        out.append('<h3>Unreadable articles</h3><ul>')
        out += [f"<li><code>{esc(e.get('path'))}</code>: {esc(e.get('message'))}</li>" for e in errors]
        out.append("</ul>")
    notes = report.get("notes") or []
    if notes:
        out.append('<h3>Notes</h3><ul>')
        out += [f"<li><code>{esc(n.get('path'))}</code>: {esc(n.get('message'))}</li>" for n in notes]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def filters_form(findings: list[dict], articles: Articles) -> str:
    counts = {level: 0 for level in LEVEL_ORDER}
    for f in findings:
        counts[f.get("level")] = counts.get(f.get("level"), 0) + 1
    events = sorted({f["event"] for f in findings if f.get("event")})
    has_none = any(not f.get("event") for f in findings)
    sources = sorted({c.get("source") or "" for f in findings for c in f.get("claims") or []})
    out = ['<form id="filters" class="filters" role="search" aria-label="Filter findings" hidden>',
           '<fieldset><legend>Level</legend>']
    for level, n in counts.items():
        out.append(f'<label class="check"><input type="checkbox" name="level" value="{esc(level)}" checked> '
                   f'{esc(level)} ({n})</label>')
    out.append("</fieldset>")
    out.append('<div><label class="field" for="f-event">Event</label><select id="f-event" name="event">'
               '<option value="">All events</option>')
    out += [f'<option value="e:{esc(e)}">{esc(e)}</option>' for e in events]
    if has_none:
        out.append('<option value="none">(no event)</option>')
    out.append("</select></div>")
    out.append('<div><label class="field" for="f-source">Source</label><select id="f-source" name="source">'
               '<option value="">All sources</option>')
    out += [f'<option value="s:{esc(s)}">{esc(s)}</option>' for s in sources]
    out.append("</select></div>")
    out.append('<div><label class="field" for="f-q">Search</label>'
               '<input type="search" id="f-q" name="q" placeholder="entity, sentence, outlet…" '
               'autocomplete="off"></div>')
    out.append('<div><button type="reset" class="plain">Clear filters</button></div>')
    out.append("</form>")
    out.append('<p id="shown" class="muted" role="status" aria-live="polite"></p>')
    return "\n".join(out)


def article_index(articles: Articles, claim_counts: dict) -> str:
    out = []
    out.append('<div class="scroll" role="region" aria-label="Articles checked" tabindex="0">')
    out.append("<table class=\"article-index\"><caption class=\"visually-hidden\">Articles checked</caption><thead><tr>"
               "<th scope=\"col\">Article</th><th scope=\"col\">Outlet</th><th scope=\"col\">Date</th>"
               "<th scope=\"col\">Claims</th><th scope=\"col\">Title</th></tr></thead><tbody>")
    for article_id in articles.order:
        meta = articles.meta.get(article_id, {})
        outlet = esc(meta.get("source"))
        note = articles.outlet_note(article_id)
        if note:
            outlet += f' <span class="muted">({esc(note)})</span>'
        name = esc(article_id)
        if article_id in articles.texts:
            name = f'<a href="#{articles.dom[article_id]}">{name}</a>'
        out.append(f"<tr><td>{name}</td><td>{outlet}</td>"
                   f"<td>{esc(articles.date_note(article_id, meta.get('published')))}</td>"
                   f'<td class="num">{esc(claim_counts.get(article_id, meta.get("claims", 0)))}</td>'
                   f"<td>{esc(meta.get('title'))}</td></tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def article_sections(articles: Articles) -> str:
    out = ['<p id="back" class="back" hidden><a id="back-link" href="#panel-findings">Back to the finding</a></p>']
    for article_id in articles.order:
        if article_id not in articles.texts:
            continue
        meta = articles.meta.get(article_id, {})
        dom = articles.dom[article_id]
        out.append(f'<section class="article-doc" id="{dom}" tabindex="-1" aria-labelledby="{dom}-h">')
        out.append(f'<h3 id="{dom}-h">{esc(article_id)}</h3>')
        items = [("Outlet", (meta.get("source") or "") + (f" ({articles.outlet_note(article_id)})"
                                                           if articles.outlet_note(article_id) else "")),
                 ("Date", articles.date_note(article_id, meta.get("published"))),
                 ("Title", meta.get("title")), ("URL", meta.get("url")),
                 ("Claims highlighted", len(articles.spans[article_id]))]
        out.append("<dl>" + "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in items
                                    if v not in (None, "")) + "</dl>")
        # The newline after <pre> is eaten by the HTML parser, so a text that starts with one keeps it.
        out.append(f'<pre class="article-text">\n{articles.marked_text(article_id)}</pre>')
        out.append("</section>")
    return "\n".join(out)


def page_title(summary: dict) -> str:
    by_level = summary.get("by_level", {})
    levels = ", ".join(plural(by_level.get(level, 0), level) for level in LEVEL_ORDER)
    return f"factcheck report: {plural(summary.get('findings', 0), 'finding')} ({levels})"


