"""``factcheck.toml``: find it, read it, validate it, and merge it with the command line.

The file sits at the root of the newsroom's repository and is found by walking up from the
working directory (as ruff finds ``ruff.toml``). Its keys are flat, in kebab-case::

    corpus = ["articles"]          # folders of published articles (default: the bundled seeds/)
    rules = "rules"                # rules folder (default: the rules bundled with factcheck)
    fail-level = "error"           # suggestion, warning or error
    min-level = "suggestion"
    baseline = ".factcheck-baseline.json"
    format = "github"              # table, markdown, json, csv, sarif, github

Paths are relative to the file's folder. Command-line flags win over the file, the file over the
defaults, and every resolved value remembers where it came from (``factcheck config`` prints it).
An unknown key or a bad value stops the run with the file, the line, the key and what is allowed.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .errors import ConfigError, read_text_file
from .rules import LEVELS

CONFIG_NAME = "factcheck.toml"
FORMATS = ("table", "markdown", "json", "csv", "sarif", "github")

# key -> what it holds, for messages and for `factcheck config`.
KEYS = {
    "corpus": "folders of published articles to compare with",
    "rules": "rules folder",
    "fail-level": f"exit 1 when a finding is at or above this level ({', '.join(LEVELS)})",
    "min-level": f"leave findings below this level out of the report ({', '.join(LEVELS)})",
    "baseline": "baseline file: findings recorded there are not reported again",
    "format": f"report format ({', '.join(FORMATS)})",
    "store": "claim store file, or false for none (default: .factcheck-cache/claims.sqlite beside this file)",
    "jobs": "processes that load and extract articles (default: all cores)",
    "fields": "record fields of JSON exports, e.g. fields = {body = \"story_text\", id = \"guid\"}",
}
DEFAULTS: dict[str, Any] = {
    "corpus": None,       # None: the corpus bundled with factcheck
    "rules": None,        # None: the rules bundled with factcheck
    "fail-level": "error",
    "min-level": "suggestion",
    "baseline": None,
    "format": "table",
    "store": None,        # None: .factcheck-cache/claims.sqlite beside factcheck.toml
    "jobs": None,         # None: all cores
    "fields": None,       # None: the default field names (checker.load.records.Fields)
}

_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


@dataclass
class Setting:
    value: Any
    origin: str  # "default", "factcheck.toml:3" or "command line"


@dataclass
class Config:
    path: Path | None                 # the factcheck.toml in force, if any
    root: Path                        # folder that relative paths and article ids start from
    settings: dict[str, Setting] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.settings[key].value

    def origin(self, key: str) -> str:
        return self.settings[key].origin

    def override(self, **values: Any) -> "Config":
        """Command-line values win; ``None`` means the flag was not given."""
        for name, value in values.items():
            key = name.replace("_", "-")
            if key not in KEYS:
                raise KeyError(key)
            if value is None or value == () or value == []:
                continue
            if key in ("corpus",):
                value = [Path(v) for v in value]
            elif key in ("rules", "baseline"):
                value = Path(value)
            self.settings[key] = Setting(value, "command line")
        return self


def find_config(start: Path | None = None) -> Path | None:
    """The nearest factcheck.toml in ``start`` (default: the working directory) or its parents."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def display_path(path: Path) -> str:
    """A path as people read it in messages: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _key_line(lines: list[str], key: str) -> int | None:
    """Line of ``key = ...`` or ``[key]`` (tomllib keeps no positions, so scan the text)."""
    quoted = re.escape(key)
    assign = re.compile(rf"^\s*(?:{quoted}|\"{quoted}\"|'{quoted}')\s*[=.]")
    table = re.compile(rf"^\s*\[\[?\s*(?:{quoted}|\"{quoted}\"|'{quoted}')\s*[\].]")
    for number, line in enumerate(lines, 1):
        if assign.match(line) or table.match(line):
            return number
    return None


def _suggest(key: str) -> str:
    for known in KEYS:
        if key.replace("_", "-").lower() == known:
            return f" (did you mean '{known}'?)"
    return ""


def _parse_toml(text: str, lines: list[str], shown: str) -> dict:
    """The file's data; invalid TOML stops with the line tomllib names."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        line = None
        if m:
            line = int(m.group(1)) if m.group(1) else max(len(lines), 1)
            message = message[:m.start()]
        raise ConfigError(shown, line, None, f"invalid TOML: {message}") from None


# One validator per key: (value as written, folder of the file, error maker) -> value in force.
def _corpus_value(value, root: Path, bad) -> list[Path]:
    folders = [value] if isinstance(value, str) else value
    if not isinstance(folders, list) or not folders or not all(isinstance(f, str) and f.strip() for f in folders):
        raise bad("expected a folder or a list of folders, e.g. corpus = [\"articles\"]")
    resolved = []
    for folder in folders:
        full = root / folder
        if not full.is_dir():
            raise bad(f"folder '{folder}' not found (paths are relative to {display_path(root)})")
        resolved.append(full)
    return resolved


def _rules_value(value, root: Path, bad) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise bad("expected the path of a rules folder, e.g. rules = \"rules\"")
    if not (root / value).is_dir():
        raise bad(f"folder '{value}' not found (paths are relative to {display_path(root)})")
    return root / value


def _level_value(value, root: Path, bad) -> str:
    if value not in LEVELS:
        raise bad(f"unknown level {value!r}; allowed: {', '.join(LEVELS)}")
    return value


def _baseline_value(value, root: Path, bad) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise bad("expected the path of a baseline file, e.g. baseline = \".factcheck-baseline.json\"")
    return root / value


def _format_value(value, root: Path, bad) -> str:
    if value not in FORMATS:
        raise bad(f"unknown format {value!r}; allowed: {', '.join(FORMATS)}")
    return value


def _store_value(value, root: Path, bad) -> Path | bool:
    if value is False:
        return False
    if not isinstance(value, str) or not value.strip():
        raise bad("expected the path of the claim store file, or false for none, e.g. store = \".factcheck-cache/claims.sqlite\"")
    return root / value


def _jobs_value(value, root: Path, bad) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise bad("expected a number of processes (1 or more), e.g. jobs = 2")
    return value


def _fields_value(value, root: Path, bad) -> dict:
    from .errors import UsageError
    from .load.records import Fields

    if not isinstance(value, dict):
        raise bad("expected a table of slot = field name, e.g. fields = {body = \"story_text\"}")
    try:
        Fields().override(value)
    except UsageError as exc:
        raise bad(str(exc)) from None
    return value


_VALIDATORS = {
    "corpus": _corpus_value,
    "rules": _rules_value,
    "fail-level": _level_value,
    "min-level": _level_value,
    "baseline": _baseline_value,
    "format": _format_value,
    "store": _store_value,
    "jobs": _jobs_value,
    "fields": _fields_value,
}


def read_config(path: Path) -> Config:
    """Parse and validate one factcheck.toml."""
    path = Path(path)
    shown = display_path(path)
    text = read_text_file(path, ConfigError, shown)
    lines = text.splitlines()
    data = _parse_toml(text, lines, shown)

    root = path.resolve().parent
    config = Config(path=path.resolve(), root=root,
                    settings={k: Setting(v, "default") for k, v in DEFAULTS.items()})
    for key, value in data.items():
        line = _key_line(lines, key)
        where = f"{path.name}:{line}" if line else path.name

        def bad(problem: str, key=key, line=line) -> ConfigError:
            return ConfigError(shown, line, key, problem)

        if key not in KEYS:
            raise bad(f"unknown key{_suggest(key)}; allowed: {', '.join(KEYS)}")
        config.settings[key] = Setting(_VALIDATORS[key](value, root, bad), where)
    return config


def load_config(explicit: str | Path | None = None, start: Path | None = None) -> Config:
    """The configuration in force: ``explicit`` (--config), else the nearest factcheck.toml,
    else the defaults. Without a file, relative paths start from the git work tree's top (when
    there is one) or the working directory."""
    if explicit is not None:
        return read_config(Path(explicit))
    found = find_config(start)
    if found is not None:
        return read_config(found)
    from .vcs import toplevel

    here = (start or Path.cwd()).resolve()
    root = toplevel(here) or here
    return Config(path=None, root=root, settings={k: Setting(v, "default") for k, v in DEFAULTS.items()})


def describe(config: Config) -> list[tuple[str, str, str]]:
    """(key, value as TOML would say it, where it came from) for every key."""
    rows = []
    for key in KEYS:
        value = config[key]
        if value is None:
            shown = {"corpus": "(bundled seeds/)", "rules": "(bundled rules/)"}.get(key, "(none)")
        elif isinstance(value, list):
            shown = ", ".join(_relative(v, config.root) for v in value)
        elif isinstance(value, Path):
            shown = _relative(value, config.root)
        else:
            shown = str(value)
        rows.append((key, shown, config.origin(key)))
    return rows


def _relative(path: Path, root: Path) -> str:
    path = Path(path)
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
