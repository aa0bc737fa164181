"""What git says about the work tree: its top folder and the files changed since a ref.

``changed_since(REF)`` answers "which articles does this pull request add or edit": the files
added or modified between the merge base of REF and HEAD and the work tree, plus untracked
files that are not ignored. In CI the work tree is a clean checkout of the pull request, so this
is exactly what the pull request changes; on a writer's machine it also covers edits not yet
committed, which is what a writer checking their branch expects. Deleted files are left out,
and a renamed file counts as added (renames are not followed).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import UsageError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=False, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (it is needed for --changed-since)") from None


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "no message"


def toplevel(path: Path) -> Path | None:
    """Top folder of the git work tree that holds ``path``, or None outside one (or without git)."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path, capture_output=True, check=False)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if proc.returncode != 0:
        return None
    return Path(proc.stdout.decode("utf-8").strip()).resolve()


def changed_since(ref: str, cwd: Path | None = None) -> list[Path]:
    """Absolute paths of the files added or modified since ``ref`` (see the module docstring)."""
    cwd = (cwd or Path.cwd()).resolve()
    top = toplevel(cwd)
    if top is None:
        raise UsageError(f"--changed-since needs a git repository, and {cwd} is not inside one")
    if ref.startswith("-"):
        raise UsageError(f"--changed-since: {ref!r} is not a git revision")
    proc = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    if proc.returncode != 0:
        raise UsageError(f"--changed-since: git knows no commit {ref!r} (in CI, fetch the base branch: "
                         "actions/checkout with fetch-depth: 0)")
    proc = _git(["merge-base", ref, "HEAD"], top)
    if proc.returncode != 0:
        raise UsageError(f"--changed-since: no common ancestor of {ref!r} and HEAD ({_first_line(proc.stderr)})")
    base = proc.stdout.decode().strip()
    proc = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=AM", base, "--"], top)
    if proc.returncode != 0:
        raise UsageError(f"--changed-since: git diff failed ({_first_line(proc.stderr)})")
    names = [n for n in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    proc = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    if proc.returncode == 0:
        names += [n for n in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    out: list[Path] = []
    seen: set[Path] = set()
    for name in names:
        path = top / name
        if path.is_file() and path not in seen:
            seen.add(path)
            out.append(path)
    return sorted(out)
