"""Shared fixtures for the whole suite. Keep them generic: other test modules rely on them.

- paths: ``repo_root``, ``seeds_dir``, ``rules_dir`` (the bundled rules), ``data_dir``, ``golden_dir``
- ``rules``: the bundled rule set, loaded once per session
- ``cli``: a click ``CliRunner`` ; ``run_cli(*args)`` invokes ``factcheck`` in-process from a
  scratch working directory (so a run's default ``reports/`` never lands in the repository)
- ``make_corpus({"a.txt": "...", "b.txt": b"..."})``: a folder of articles under tmp_path
- ``rules_copy``: a writable copy of the bundled rules, to break on purpose
- ``--update-golden``: regenerate golden files instead of comparing with them
- Hypothesis profiles: ``ci`` (selected when the environment sets CI, as .ci/run does: thousands
  of examples, about a minute in all) and ``dev`` (a tenth of them, for the quick local run);
  ``EXAMPLES_SCALE`` is the factor property tests multiply their example counts by
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS_DIR = Path(__file__).resolve().parent

# No deadline: the first example of a run pays for loading the rules. Failing examples are kept in
# Hypothesis's database (.hypothesis/examples of the checkout, whatever the working directory;
# replayed first on the next run) and copied into the tests as @example regression cases. The
# database and fresh random examples are set explicitly: with CI set, Hypothesis's own defaults
# would otherwise turn the database off and replay the same derandomized examples on every run.
EXAMPLES_DB = DirectoryBasedExampleDatabase(REPO_ROOT / ".hypothesis" / "examples")
settings.register_profile("ci", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow],
                          database=EXAMPLES_DB, derandomize=False)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow], database=EXAMPLES_DB,
                          derandomize=False)
CI = bool(os.environ.get("CI"))
settings.load_profile("ci" if CI else "dev")
EXAMPLES_SCALE = 1.0 if CI else 0.1


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output instead of comparing.",
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return REPO_ROOT / "seeds"


@pytest.fixture(scope="session")
def rules_dir() -> Path:
    return REPO_ROOT / "rules"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return TESTS_DIR / "data"


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return TESTS_DIR / "golden"


@pytest.fixture(scope="session")
def rules(rules_dir):
    from checker.rules import load_rules

    return load_rules(rules_dir)


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


@pytest.fixture
def run_cli(cli, tmp_path, monkeypatch):
    """``run_cli("run", str(path), "-f", "json")`` -> click Result (stdout, stderr, exit_code).

    Runs in a scratch working directory; pass absolute paths. ``input=`` feeds stdin.
    """
    from checker.cli import main

    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)

    def invoke(*args, input=None):
        return cli.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False, prog_name="factcheck")

    invoke.cwd = workdir
    return invoke


@pytest.fixture
def make_corpus(tmp_path):
    """Write articles into a fresh folder: ``make_corpus({"a.txt": text, "sub/b.md": bytes})``."""
    counter = {"n": 0}

    def make(files: dict[str, str | bytes], name: str | None = None) -> Path:
        counter["n"] += 1
        root = tmp_path / (name or f"corpus{counter['n']}")
        root.mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                # newline="" keeps "\r\n" in the text as written by the test
                with open(path, "w", encoding="utf-8", newline="") as handle:
                    handle.write(content)
        return root

    return make


@pytest.fixture
def rules_copy(tmp_path, rules_dir) -> Path:
    """A writable copy of the bundled rules folder."""
    target = tmp_path / "rules"
    shutil.copytree(rules_dir, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target
