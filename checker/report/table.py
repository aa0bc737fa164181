"""The terminal table format."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from .base import Formatter, date_note, no_findings_line, summary_line, where


class TableFormatter(Formatter):
    """Terminal table: one row per finding, then the evidence sentences, then a summary."""

    name = "table"
    tablefmt = "simple_grid"

    def render(self, report: dict) -> str:
        out = []
        findings = report["findings"]
        articles = {a["article"]: a for a in report["articles"]}
        if findings:
            out.append(self.findings_table(findings))
            out.append("")
            for n, f in enumerate(findings, 1):
                out += _evidence(n, f, articles)
                out.append("")
        else:
            out.append(no_findings_line(report["summary"]))
            out.append("")
        for e in report.get("errors", []):
            out.append(f"unreadable: {e['path']}: {e['message']}")
        for note in report.get("notes", []):
            out.append(f"note: {note['path']}: {note['message']}")
        inferred = [a for a in report["articles"] if a.get("date_from") == "text"]
        for a in inferred:
            out.append(f"note: {a['article']}: date {a['published']} inferred from the text")
        out.append(summary_line(report["summary"]))
        return "\n".join(out) + "\n"

    def findings_table(self, findings: list[dict]) -> str:
        """One row per finding, its claims in the last cell."""
        rows = []
        for n, f in enumerate(findings, 1):
            sources = "\n".join(f"{c['text']}  ({c['source']}, {where(c)})" for c in f["claims"])
            state = f["level"] + (" (suppressed)" if f.get("suppressed") else "")
            rows.append([n, state, f["rule"], f["event"] or "-", f["period"] or "-", f["entity"], sources])
        return tabulate(rows, headers=["#", "level", "rule", "event", "period", "entity", "sources"],
                        tablefmt=self.tablefmt)


def _evidence(n: int, f: dict, articles: dict) -> list[str]:
    """Finding n: its title, verified fact, suppression, and each claim with its sentence wrapped."""
    out = [f"[{n}] {f['level']} {f['rule']} {f['name']}: {f['entity']}"
           + (f" at {f['event']}" if f["event"] else "") + (f" ({f['period']})" if f["period"] else "")]
    if f.get("fact"):
        fact = f["fact"]
        out.append(f"    verified fact: {fact['value']} ({fact['source']}; verified by {fact['verified_by']} "
                   f"on {fact['verified_on']}; {fact['where']})")
    if f.get("suppressed"):
        out.append(f"    suppressed: {f['suppressed']['reason']}")
    for c in f["claims"]:
        out.append(f"    {where(c)}:{c['column']} {c['source']}, {date_note(c, articles)}: \"{c['text']}\"")
        for line in textwrap.wrap(c["sentence"].replace("\n", " "), 96):
            out.append(f"        {line}")
    return out
