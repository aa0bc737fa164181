"""Output formats. Each is one small class with one job: render a run result as text."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import textwrap
from pathlib import Path

import pandas as pd
from tabulate import tabulate

from .models import CLAIM_COLUMNS


def _new_file_mode(path: Path) -> int:
    """The mode an ordinary write would give: the old file's, else 0o666 under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | Path, text: str) -> None:
    """Write a file so that readers see the old content or the new, never half of it.

    The temporary file is private (``mkstemp`` makes it 0600); before it replaces the target it
    gets the mode an ordinary write would have given, so a report can still be shared.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _new_file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "fchmod"):  # POSIX; on Windows mkstemp's file is not private anyway
                os.fchmod(handle.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _summary_line(summary: dict) -> str:
    levels = ", ".join(f"{n} {lvl}{'s' if n != 1 else ''}" for lvl, n in summary["by_level"].items())
    parts = [
        f"{summary['articles']} article{'s' if summary['articles'] != 1 else ''}",
        f"{summary['claims']} claims",
        f"{summary['findings']} finding{'s' if summary['findings'] != 1 else ''} ({levels})",
    ]
    if summary.get("suppressed"):
        parts.append(f"{summary['suppressed']} suppressed")
    if summary.get("baselined"):
        parts.append(f"{summary['baselined']} baselined")
    if summary.get("unreadable"):
        parts.append(f"{summary['unreadable']} unreadable")
    return "; ".join(parts)


def _where(c: dict) -> str:
    return f"{c['article']}:{c['line']}"


def _date_note(c: dict, articles: dict) -> str:
    a = articles.get(c["article"], {})
    if a.get("date_from") == "text":
        return f"{c['published']} (inferred from text)"
    return c["published"] or "undated"


class Formatter:
    name = ""

    def render(self, report: dict) -> str:
        raise NotImplementedError


class TableFormatter(Formatter):
    """Terminal table: one row per finding, then the evidence sentences, then a summary."""

    name = "table"
    tablefmt = "simple_grid"

    def render(self, report: dict) -> str:
        out = []
        findings = report["findings"]
        articles = {a["article"]: a for a in report["articles"]}
        if findings:
            rows = []
            for n, f in enumerate(findings, 1):
                sources = "\n".join(f"{c['text']}  ({c['source']}, {_where(c)})" for c in f["claims"])
                state = f["level"] + (" (suppressed)" if f.get("suppressed") else "")
                rows.append([n, state, f["rule"], f["event"] or "-", f["period"] or "-", f["entity"], sources])
            out.append(tabulate(rows, headers=["#", "level", "rule", "event", "period", "entity", "sources"],
                                tablefmt=self.tablefmt))
            out.append("")
            for n, f in enumerate(findings, 1):
                out.append(f"[{n}] {f['level']} {f['rule']} {f['name']}: {f['entity']}"
                           + (f" at {f['event']}" if f["event"] else "") + (f" ({f['period']})" if f["period"] else ""))
                if f.get("fact"):
                    fact = f["fact"]
                    out.append(f"    verified fact: {fact['value']} ({fact['source']}; verified by {fact['verified_by']} "
                               f"on {fact['verified_on']}; {fact['where']})")
                if f.get("suppressed"):
                    out.append(f"    suppressed: {f['suppressed']['reason']}")
                for c in f["claims"]:
                    out.append(f"    {_where(c)}:{c['column']} {c['source']}, {_date_note(c, articles)}: \"{c['text']}\"")
                    for line in textwrap.wrap(c["sentence"].replace("\n", " "), 96):
                        out.append(f"        {line}")
                out.append("")
        else:
            out.append("No discrepancies found.")
            out.append("")
        for e in report.get("errors", []):
            out.append(f"unreadable: {e['path']}: {e['message']}")
        inferred = [a for a in report["articles"] if a.get("date_from") == "text"]
        for a in inferred:
            out.append(f"note: {a['article']}: date {a['published']} inferred from the text")
        out.append(_summary_line(report["summary"]))
        return "\n".join(out) + "\n"


class MarkdownFormatter(Formatter):
    """Markdown: a findings table and the evidence, suited to a file or a pull-request comment."""

    name = "markdown"

    def render(self, report: dict) -> str:
        s = report["summary"]
        out = ["# factcheck report", "", _summary_line(s), ""]
        findings = report["findings"]
        articles = {a["article"]: a for a in report["articles"]}
        if not findings:
            out += ["No discrepancies found.", ""]
        else:
            rows = []
            for n, f in enumerate(findings, 1):
                sources = "<br>".join(f"{_md(c['text'])} ({_md(c['source'])}, `{_where(c)}`)" for c in f["claims"])
                level = f["level"] + (" (suppressed)" if f.get("suppressed") else "")
                rows.append([n, level, f["rule"], _md(f["event"] or "-"), f["period"] or "-", _md(f["entity"]), sources])
            out.append(tabulate(rows, headers=["#", "level", "rule", "event", "period", "entity", "sources"],
                                tablefmt="github"))
            out.append("")
            out.append("## Evidence")
            out.append("")
            for n, f in enumerate(findings, 1):
                title = f"{n}. **{f['level']}** `{f['rule']}` {f['name']}: {_md(f['entity'])}"
                if f["event"]:
                    title += f" at {_md(f['event'])}"
                if f["period"]:
                    title += f" ({f['period']})"
                out.append(title)
                if f.get("fact"):
                    fact = f["fact"]
                    out.append(f"   - verified fact: **{_md(str(fact['value']))}**, {_md(fact['source'])} "
                               f"(verified by {_md(fact['verified_by'])} on {fact['verified_on']})")
                if f.get("suppressed"):
                    out.append(f"   - suppressed: {_md(f['suppressed']['reason'])}")
                for c in f["claims"]:
                    sentence = _bold_claim(c["sentence"].replace("\n", " "), c["text"].replace("\n", " "))
                    out.append(f"   - `{_where(c)}` {_md(c['source'])}, {_date_note(c, articles)}: {sentence}")
                out.append("")
        if report.get("errors"):
            out.append("## Unreadable articles")
            out.append("")
            for e in report["errors"]:
                out.append(f"- `{e['path']}`: {_md(e['message'])}")
            out.append("")
        return "\n".join(out)


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


class JsonFormatter(Formatter):
    name = "json"

    def render(self, report: dict) -> str:
        return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


FINDING_CSV_COLUMNS = ["finding", "rule", "level", "suppressed", "event", "period", "entity", "unit", "article",
                       "source", "published", "value", "low", "high", "qualifier", "text", "line", "column",
                       "start", "end", "sentence"]


class CsvFormatter(Formatter):
    """One row per claim of each finding."""

    name = "csv"

    def render(self, report: dict) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(FINDING_CSV_COLUMNS)
        for n, f in enumerate(report["findings"], 1):
            for c in f["claims"]:
                writer.writerow([n, f["rule"], f["level"], bool(f.get("suppressed")), f["event"], f["period"],
                                 f["entity"], f["unit"], c["article"], c["source"], c["published"], c["value"],
                                 c["low"], c["high"], c["qualifier"], c["text"], c["line"], c["column"],
                                 c["start"], c["end"], c["sentence"]])
        return buf.getvalue()


FORMATTERS = {cls.name: cls for cls in (TableFormatter, MarkdownFormatter, JsonFormatter, CsvFormatter)}


def render(report: dict, fmt: str) -> str:
    return FORMATTERS[fmt]().render(report)


# SARIF and GitHub annotations (report_ci.py) add themselves to FORMATTERS.
from . import report_ci as _report_ci  # noqa: E402,F401

# ------------------------------------------------------------------ claims (extract)


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
