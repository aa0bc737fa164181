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

from .base import Formatter
from .claims import claim_records
from .html_articles import Articles
from .html_assets import JS, content_security_policy, stylesheet
from .html_sections import (
    article_index,
    article_sections,
    claims_table_html,
    filters_form,
    finding_card,
    page_title,
    summary_section,
)
from .html_text import claim_info, esc, plural


def render_html(result, report: dict) -> str:
    """The report as one self-contained HTML page (deterministic: same input, same bytes)."""
    articles = Articles(result, report)
    claims_table = result.claims_table() if hasattr(result, "claims_table") else None
    records = claim_records(claims_table) if claims_table is not None else []
    columns = list(claims_table.columns) if claims_table is not None else []
    findings = report.get("findings") or []

    for r in records:
        articles.add_span(r, claim_info(r))
    for f in findings:
        for c in f.get("claims") or []:
            articles.add_span(c, claim_info(c), finding=True)
    articles.layout()

    claim_counts: dict = {}
    for r in records:
        claim_counts[r.get("article")] = claim_counts.get(r.get("article"), 0) + 1

    active = [(n, f) for n, f in enumerate(findings, 1) if not f.get("suppressed")]
    suppressed = [(n, f) for n, f in enumerate(findings, 1) if f.get("suppressed")]
    summary = report.get("summary", {})
    css, js = stylesheet(), JS
    text_count = sum(1 for a in articles.order if a in articles.texts)

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(css, js))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(page_title(summary))}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#panel-findings">Skip to the findings</a>',
        '<header class="page">',
        "<h1>factcheck report</h1>",
        f'<p class="lede">{esc(page_title(summary).split(": ", 1)[1])} across '
        f'{plural(summary.get("articles", text_count), "article")} from '
        f'{plural(summary.get("sources", 0), "source")}.</p>',
        "</header>",
        '<main id="main">',
        summary_section(report, articles),
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
        out.append(filters_form(findings, articles))
    out.append('<div class="finding-list" id="active-findings">')
    if active:
        out += [finding_card(n, f, articles) for n, f in active]
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
        out += [finding_card(n, f, articles) for n, f in suppressed]
        out.append('<p class="no-match empty" hidden>No suppressed finding matches these filters.</p>')
        out.append("</div></section>")
    out += [
        "</section>",
        '<section id="panel-claims" role="tabpanel" aria-labelledby="claims-h" tabindex="0">',
        f'<h2 id="claims-h">Claims ({len(records)})</h2>',
        claims_table_html(records, columns, articles) if records else '<p class="empty">No claims.</p>',
        "</section>",
        '<section id="panel-articles" role="tabpanel" aria-labelledby="articles-h" tabindex="0">',
        '<h2 id="articles-h">Articles</h2>',
        '<p class="muted">The full text of each article as on disk; every claim is highlighted, '
        "claims that take part in a finding more strongly.</p>",
        article_index(articles, claim_counts),
        article_sections(articles),
        "</section>",
        "</main>",
        f'<footer class="page">Generated by factcheck {esc(summary.get("version", ""))}. '
        "This page is self-contained: it loads nothing from the network.</footer>",
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


class HtmlFormatter(Formatter):
    """The self-contained HTML page; it needs the run result too (article texts, every claim)."""

    name = "html"

    def render(self, report: dict) -> str:
        return render_html(self.result, report)
