"""The CSV format: one row per claim of each finding."""

from __future__ import annotations

import csv
import io

from .base import Formatter

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
