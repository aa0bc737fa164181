"""Output formats: the registry, and the entry points the rest of factcheck calls.

Each format is one module with one ``Formatter`` subclass (``base.py`` holds the base and the
helpers they share). This module imports the format modules and registers them; format modules
never import it. Claims (``factcheck extract``) have their own three formats in ``claims.py``.
"""

from __future__ import annotations

from .base import Formatter
from .claims import claim_records, render_claims
from .csv_format import FINDING_CSV_COLUMNS, CsvFormatter
from .files import write_atomic
from .github import GithubFormatter, escape_data, escape_property
from .html_page import HtmlFormatter, render_html
from .json_format import JsonFormatter
from .markdown import MarkdownFormatter
from .sarif import SarifFormatter
from .table import TableFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    cls.name: cls
    for cls in (TableFormatter, MarkdownFormatter, JsonFormatter, CsvFormatter, SarifFormatter, GithubFormatter,
                HtmlFormatter)
}


def render(report: dict, fmt: str, result=None) -> str:
    """The report in format ``fmt``; ``result`` (the run result) is needed by the HTML page only."""
    return FORMATTERS[fmt](result).render(report)


__all__ = [
    "FINDING_CSV_COLUMNS",
    "FORMATTERS",
    "Formatter",
    "claim_records",
    "escape_data",
    "escape_property",
    "render",
    "render_claims",
    "render_html",
    "write_atomic",
]
