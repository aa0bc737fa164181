"""The example GitHub Actions workflow and the pre-commit hook do what the README says.

Both files are parsed and their commands run, as GitHub's runner and pre-commit would run them,
in a real git repository (tests/newsroom.py) with the installed `factcheck` command.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.config import tomllib  # tomllib, or tomli on Python 3.10

from newsroom import ARMY_84, REPO_ROOT, commit_all, git, make_newsroom, tool_env, write

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "factcheck.yml"
HOOKS = REPO_ROOT / ".pre-commit-hooks.yaml"
SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture
def newsroom(tmp_path):
    return make_newsroom(tmp_path, own_rules=False)


def workflow_steps() -> list[dict]:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = doc.get("on", doc.get(True))   # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    [job] = doc["jobs"].values()
    return job["steps"]


def run_workflow(repo: Path, tmp_path: Path) -> list[tuple[dict, subprocess.CompletedProcess]]:
    """Run the workflow's `run:` steps like GitHub's runner (bash -e -o pipefail, steps after a
    failure only when `if: always()`), without the install step: factcheck is installed here."""
    summary = tmp_path / "step-summary.md"
    env = tool_env(GITHUB_BASE_REF="main", GITHUB_STEP_SUMMARY=str(summary), GITHUB_ACTIONS="true", CI="true")
    ran = []
    failed = False
    for step in workflow_steps():
        if "run" not in step or "pip install" in step["run"]:
            continue
        if failed and "always()" not in str(step.get("if", "")):
            continue
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=120)
        failed = failed or proc.returncode != 0
        ran.append((step, proc))
    return ran


def test_workflow_shape():
    steps = workflow_steps()
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any(s.get("uses", "").startswith("actions/setup-python@") for s in steps)
    assert any("pip install" in s.get("run", "") for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "factcheck-report.md" in upload["with"]["path"] and upload["if"] == "always()"
    check = next(s for s in steps if "factcheck check" in s.get("run", ""))
    assert "--changed-since" in check["run"] and "-f github" in check["run"] and "-o factcheck-report.md" in check["run"]


def test_workflow_fails_a_pull_request_that_contradicts_the_corpus(newsroom, tmp_path):
    write(newsroom / "seeds/army-closes.md", ARMY_84)
    commit_all(newsroom, "add an article")
    ran = run_workflow(newsroom, tmp_path)
    check, proc = ran[0]
    assert "factcheck check" in check["run"]
    assert proc.returncode == 1, proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1 and "file=seeds/army-closes.md,line=9,col=17" in annotations[0]
    assert "1 article(s) added or modified since origin/main: seeds/army-closes.md" in proc.stderr
    # The steps that keep the full report ran too, and succeeded.
    assert [p.returncode for _, p in ran[1:]] == [0] * (len(ran) - 1) and len(ran) >= 3
    report = (newsroom / "factcheck-report.md").read_text(encoding="utf-8")
    assert "FC101" in report and "seeds/army-closes.md:9" in report
    assert (tmp_path / "step-summary.md").read_text(encoding="utf-8") == report
    sarif = json.loads((newsroom / "factcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["FC101"]


def staged_files(repo: Path, pattern: str) -> list[str]:
    """What pre-commit passes to a hook: the staged (added or modified) files its regex matches."""
    out = git(repo, "diff", "--cached", "--name-only", "--diff-filter=AM").stdout.split()
    return [name for name in out if re.search(pattern, name)]


def run_hook(repo: Path) -> subprocess.CompletedProcess:
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    command = shlex.split(hook["entry"]) + hook.get("args", []) + staged_files(repo, hook["files"])
    return subprocess.run(command, cwd=repo, env=tool_env(), capture_output=True, text=True, timeout=120)


def test_pre_commit_hook_checks_the_staged_articles(newsroom):
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["entry"].startswith("factcheck check")
    for name in ("a.md", "b.txt", "c.html", "d.htm"):
        assert re.search(hook["files"], name)
    assert not re.search(hook["files"], "factcheck.toml")

    write(newsroom / "seeds/army-closes.md", ARMY_84)
    write(newsroom / "README.md", "# Newsroom\n\nWe have 5 desks.\n")   # staged, but not an article
    git(newsroom, "add", "-A")
    proc = run_hook(newsroom)
    assert proc.returncode == 1, proc.stderr
    assert "seeds/army-closes.md:9" in proc.stdout and "FC101" in proc.stdout
    assert "README.md" not in proc.stdout
    assert "1 file(s) outside the corpus folders not checked" in proc.stderr



def readme_section() -> str:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Use in CI\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_readme_documents_ci_use():
    from checker.config import FORMATS, KEYS

    section = readme_section()
    for heading in ("### Exit codes", "### Formats", "### GitHub Actions", "### pre-commit", "### Baseline",
                    "### Configuration: factcheck.toml", "### Verified facts, accepted exceptions, inline suppressions"):
        assert heading in section
    for fmt in FORMATS:
        assert f"`{fmt}`" in section
    for key in KEYS:
        assert f"\n{key} " in section, key
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in section
    assert ".github/workflows/factcheck.yml" in section and ".pre-commit-hooks.yaml" in section
    # Every YAML and TOML block parses, and the workflow excerpt runs the same check as the file.
    blocks = re.findall(r"```(yaml|toml)\n(.*?)```", section, re.S)
    assert {kind for kind, _ in blocks} == {"yaml", "toml"}
    for kind, body in blocks:
        yaml.safe_load(body) if kind == "yaml" else tomllib.loads(body)
    check_step = next(s["run"] for s in workflow_steps() if "-f github" in s.get("run", ""))
    assert check_step in section


def test_readme_commands_exist():
    from click.testing import CliRunner

    from checker.cli import main

    commands = set(re.findall(r"^factcheck (\w+)", readme_section(), re.M))
    assert {"check", "baseline", "rules", "config"} <= commands
    for command in commands:
        assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0, command
