"""GitHub workflow commands: one annotation per finding, on its first claim (the checked article)."""

from __future__ import annotations

from .base import Formatter, summary_line

GITHUB_COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message (as @actions/core does)."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    """``::error file=...,line=...,col=...,title=...::message`` per finding, then a summary line.

    Suppressed findings get no annotation (they are counted in the summary). GitHub shows only a
    few annotations per step, so `factcheck check -f github -o FILE` also writes the full report
    (Markdown) to FILE.
    """

    name = "github"

    def render(self, report: dict) -> str:
        out = []
        for f in report["findings"]:
            if f.get("suppressed"):
                continue
            props = []
            if f["claims"]:
                c = f["claims"][0]
                props.append(f"file={escape_property(c['article'])}")
                if c.get("line"):
                    props.append(f"line={int(c['line'])}")
                if c.get("column"):
                    props.append(f"col={int(c['column'])}")
                    text = c.get("text") or ""
                    if text and "\n" not in text and c.get("start") is not None:
                        props.append(f"endColumn={int(c['column']) + len(text)}")
            props.append(f"title={escape_property(f['rule'] + ' ' + f['name'])}")
            out.append(f"::{GITHUB_COMMAND[f['level']]} {','.join(props)}::{escape_data(f['message'])}")
        out.append(f"factcheck: {summary_line(report['summary'])}")
        return "\n".join(out) + "\n"
