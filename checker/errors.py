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
