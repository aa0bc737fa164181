"""Typed errors. The library raises them; only ``cli.py`` turns them into exit codes."""

from __future__ import annotations

from typing import NamedTuple


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

    def __reduce__(self):
        # Built again from its fields: a worker process sends its unreadable articles back pickled,
        # and the default (the message as the only argument) cannot be unpickled, which broke the
        # whole pool of a run with an unreadable file among more than one batch of articles.
        return type(self), (self.path, self.problem)


class ArticleNote(NamedTuple):
    """Something the reader of a report should know about one input that is no error: a file of
    another type skipped in a folder, an article without text."""

    path: str
    message: str


def internal_error(path, exc: BaseException, doing: str) -> ArticleError:
    """A bug that tripped on one article (or one block of claims), as that article's error: the
    run names it, goes on with the others and exits 2 at the end."""
    import traceback
    from pathlib import Path

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return ArticleError(path, f"internal error while {doing}: {type(exc).__name__}: {exc}{where}; "
                              "please report it with this article")


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
