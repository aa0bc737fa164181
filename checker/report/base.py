"""What every output format shares: the ``Formatter`` base and the helpers of the text formats.

A format is one module with one ``Formatter`` subclass; ``checker.report`` (the registry) imports
the format modules, never the other way round.
"""

from __future__ import annotations


class Formatter:
    """One output format: renders the report dict of a run as text.

    ``result`` is the run result the report was made from, for formats that show more than the
    report dict holds (the HTML page shows the article texts and every claim); the others ignore it.
    """

    name = ""

    def __init__(self, result=None):
        self.result = result

    def render(self, report: dict) -> str:
        raise NotImplementedError


def summary_line(summary: dict) -> str:
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
        parts.append(f"{summary['unreadable']} unreadable, not checked")
    return "; ".join(parts)


def no_findings_line(summary: dict) -> str:
    """What a report says when it has no finding: honest about the articles it could not read."""
    if summary.get("unreadable"):
        n = summary["unreadable"]
        return (f"No discrepancies found in the {summary['articles']} article{'s' if summary['articles'] != 1 else ''} "
                f"read; {n} could not be checked.")
    return "No discrepancies found."


def where(c: dict) -> str:
    return f"{c['article']}:{c['line']}"


def date_note(c: dict, articles: dict) -> str:
    a = articles.get(c["article"], {})
    if a.get("date_from") == "text":
        return f"{c['published']} (inferred from text)"
    return c["published"] or "undated"
