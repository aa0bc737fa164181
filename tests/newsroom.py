"""A newsroom repository in a temporary folder, for the tests of `factcheck check` and its CI files.

Layout: ``factcheck.toml`` (corpus = ["seeds"], rules = "rules"), ``rules/`` (a copy of the
bundled rules) and ``seeds/`` (the bundled corpus), committed on ``main``; a remote-tracking ref
``origin/main`` points at that commit, as in a pull-request job's checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"]

# The article of the acceptance test: the corpus says 83 (TASS) and 82 (Putin); this one says 84.
ARMY_84 = """---
title: Army-2023 closes its doors
date: 2023-08-21
source: Daily Test
---

The Army-2023 International Military-Technical Forum closed outside Moscow on Sunday.

Organizers said 84 foreign companies took part in Army-2023.
"""

# Says nothing the corpus disagrees with (76 countries at the 11th MCIS, as two seeds say).
CONSISTENT = """---
title: Security conference recap
date: 2023-08-20
source: Daily Test
---

Delegates from 76 countries attended the 11th Moscow Conference on International Security in August.
"""

# Repeats 83, one side of the corpus's own 83-against-82 discrepancy.
ARMY_83 = ARMY_84.replace("84 foreign", "83 foreign")

# A figure no other article mentions, against a verified fact of 150.
DRONES_120 = """---
title: Drones at Army-2023
date: 2023-08-21
source: Daily Test
---

The Army-2023 forum displayed 120 drones.
"""

DRONES_FACT = {"event": "army-2023", "entity": "drones", "value": 150, "verified_by": "Jane Desk",
               "verified_on": "2023-08-22", "source": "organizers' final exhibitor list"}
ARMY_EXCEPTION = {"event": "army-2023", "entity": "foreign companies", "values": [82, 83],
                  "reason": "82 counts exhibitors at the opening; 83 includes a late registrant",
                  "accepted_by": "Jane Desk"}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["HOME"] = str(repo.parent)  # no user config
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=check, env=env)


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def set_rules(repo: Path, facts: list | None = None, exceptions: list | None = None) -> None:
    if facts is not None:
        write(repo / "rules" / "facts.yaml", yaml.safe_dump({"facts": facts}, sort_keys=False))
    if exceptions is not None:
        write(repo / "rules" / "exceptions.yaml", yaml.safe_dump({"exceptions": exceptions}, sort_keys=False))


def make_newsroom(folder: Path, own_rules: bool = True) -> Path:
    """The corpus committed on main, checked out on branch ``pr``.

    With ``own_rules`` the repository has its own copy of the rules (to edit facts and
    exceptions); without, factcheck.toml names the bundled rules folder, whose parsed rules stay
    cached between tests (parsing a fresh copy costs more than checking the articles).
    """
    repo = folder / "newsroom"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    if own_rules:
        shutil.copytree(REPO_ROOT / "rules", repo / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "seeds", repo / "seeds")
    for p in (repo / "seeds").iterdir():
        p.chmod(0o644)
    rules = "rules" if own_rules else (REPO_ROOT / "rules").as_posix()
    write(repo / "factcheck.toml", f'corpus = ["seeds"]\nrules = "{rules}"\n')
    write(repo / "README.md", "# Newsroom\n\nOur 3 desks publish 12 stories a day.\n")
    commit_all(repo, "corpus")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def tool_env(**extra: str) -> dict:
    """Environment for running the installed `factcheck` command in a subprocess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


def line_col(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``text``."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def entry_line(path: Path, index: int) -> int:
    """Line of the ``index``-th entry (0-based) of the list in a rules file written by set_rules."""
    return [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("- ")][index]
