"""The articles of an HTML report: their texts and metadata, with a stable DOM id per article and
per highlighted claim."""

from __future__ import annotations

import numbers

from .html_text import esc


class Articles:
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
            out.append(esc(text[pos:start]))
            out.append(f'<mark id="{mark_id}"{self._mark_attributes(article_id, members)}>{esc(text[start:end])}</mark>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)

    def _mark_attributes(self, article_id: str, members: list) -> str:
        """A mark of a finding's claim says what it is (title); the others are kept small (a
        text dense in numbers has a mark every few characters): the page's script gives them their
        title from the claims data."""
        if not any((article_id, s, e) in self.in_finding for s, e in members):
            return ""
        info = "; ".join(self.span_info[(article_id, s, e)] for s, e in members)
        return f' class="in-finding" title="{esc(info)}"'

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


def sentence_html(claim: dict, articles: Articles) -> str:
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
        return esc(sentence)
    a, b = rel
    return f"{esc(sentence[:a])}<mark>{esc(sentence[a:b])}</mark>{esc(sentence[b:])}"


