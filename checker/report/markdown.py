"""The Markdown format: for a file or a pull-request comment."""

from __future__ import annotations

import re

from tabulate import tabulate

from .base import Formatter, date_note, no_findings_line, summary_line, where


class MarkdownFormatter(Formatter):
    """Markdown: a findings table and the evidence, suited to a file or a pull-request comment."""

    name = "markdown"

    def render(self, report: dict) -> str:
        s = report["summary"]
        out = ["# factcheck report", "", summary_line(s), ""]
        findings = report["findings"]
        articles = {a["article"]: a for a in report["articles"]}
        if not findings:
            out += [no_findings_line(s), ""]
        else:
            out.append(_findings_table(findings))
            out.append("")
            out.append("## Evidence")
            out.append("")
            for n, f in enumerate(findings, 1):
                out += _evidence(n, f, articles)
                out.append("")
        if report.get("errors"):
            out.append("## Unreadable articles")
            out.append("")
            for e in report["errors"]:
                out.append(f"- `{e['path']}`: {_md(e['message'])}")
            out.append("")
        if report.get("notes"):
            out += ["## Notes", ""] + [f"- `{n['path']}`: {_md(n['message'])}" for n in report["notes"]] + [""]
        if report.get("errors"):
            out += [f"**{len(report['errors'])} article(s) could not be checked**: the findings above are those of the "
                    "others.", ""]
        return "\n".join(out)


def _findings_table(findings: list[dict]) -> str:
    rows = []
    for n, f in enumerate(findings, 1):
        sources = "<br>".join(f"{_md(c['text'])} ({_md(c['source'])}, `{where(c)}`)" for c in f["claims"])
        level = f["level"] + (" (suppressed)" if f.get("suppressed") else "")
        rows.append([n, level, f["rule"], _md(f["event"] or "-"), f["period"] or "-", _md(f["entity"]), sources])
    return tabulate(rows, headers=["#", "level", "rule", "event", "period", "entity", "sources"], tablefmt="github")


def _evidence(n: int, f: dict, articles: dict) -> list[str]:
    """Finding n as a list item: its title, verified fact, suppression, and each claim's sentence."""
    title = f"{n}. **{f['level']}** `{f['rule']}` {f['name']}: {_md(f['entity'])}"
    if f["event"]:
        title += f" at {_md(f['event'])}"
    if f["period"]:
        title += f" ({f['period']})"
    out = [title]
    if f.get("fact"):
        fact = f["fact"]
        out.append(f"   - verified fact: **{_md(str(fact['value']))}**, {_md(fact['source'])} "
                   f"(verified by {_md(fact['verified_by'])} on {fact['verified_on']})")
    if f.get("suppressed"):
        out.append(f"   - suppressed: {_md(f['suppressed']['reason'])}")
    for c in f["claims"]:
        sentence = _bold_claim(c["sentence"].replace("\n", " "), c["text"].replace("\n", " "))
        out.append(f"   - `{where(c)}` {_md(c['source'])}, {date_note(c, articles)}: {sentence}")
    return out


def _bold_claim(sentence: str, text: str) -> str:
    """The sentence, Markdown-escaped, with the claim in bold: the occurrence that stands as a
    word of its own ("**6** organizations", not "1**6** ministers"), else the first one."""
    m = re.search(rf"(?<![\w.,]){re.escape(text)}(?![\w]|[.,]\d)", sentence)
    start = m.start() if m else sentence.find(text)
    if start < 0:
        return _md(sentence)
    end = start + len(text)
    return f"{_md(sentence[:start])}**{_md(text)}**{_md(sentence[end:])}"


def _md(text) -> str:
    """Escape text for Markdown tables and prose (no HTML passes through)."""
    text = str(text)
    for ch in "\\`*_[]|<>":
        text = text.replace(ch, "\\" + ch)
    return text
