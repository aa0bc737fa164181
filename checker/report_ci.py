"""Moved to ``checker.report`` (``sarif.py``, ``github.py``); kept for callers not yet updated."""

from .report.github import GITHUB_COMMAND, GithubFormatter, escape_data, escape_property  # noqa: F401
from .report.sarif import FINGERPRINT_KEY, SARIF_LEVEL, SARIF_SCHEMA, SarifFormatter, artifact_uri  # noqa: F401
