"""Typed errors. The library raises them; only ``cli.py`` turns them into exit codes."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: bad input, bad rules or bad configuration (exit code 2)."""


class RulesError(FactcheckError):
    """A rules file is unreadable or invalid. The message names the file, line and key."""

    def __init__(self, path, line: int | None, key: str | None, problem: str):
        self.path = str(path)
        self.line = line
        self.key = key
        self.problem = problem
        where = self.path + (f":{line}" if line else "")
        what = f"key '{key}': " if key else ""
        super().__init__(f"{where}: {what}{problem}")


class ConfigError(RulesError):
    """factcheck.toml is unreadable or invalid (same shape as a rules error)."""


class ArticleError(FactcheckError):
    """One article cannot be read. The run reports it and goes on with the others."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UsageError(FactcheckError):
    """The command line asks for something impossible (no articles, unknown format...)."""


def read_text_file(path, error=RulesError, shown=None, not_found: str = "file not found",
                   what: str = "file") -> str:
    """The UTF-8 text of a rules, configuration or baseline file, or ``error(shown, None, None,
    problem)`` naming it (``shown`` defaults to the path)."""
    from pathlib import Path

    shown = path if shown is None else shown
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(shown, None, None, not_found) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(shown, None, None, f"cannot read {what} ({exc})") from None
