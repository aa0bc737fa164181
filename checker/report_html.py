"""Moved to ``checker.report`` (``html_page.py`` and its ``html_*`` helpers); kept for callers not
yet updated."""

from .report.html_assets import LEVEL_COLOURS, TEXT_PAIRS, content_security_policy  # noqa: F401
from .report.html_page import render_html  # noqa: F401
from .report.html_text import reading  # noqa: F401
