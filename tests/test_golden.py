"""Golden reports: ``factcheck run seeds`` against the expected files in tests/golden/seeds/.

On a difference the test fails with a unified diff. When a change of output is intended,
regenerate the files and review the diff in version control:

    python -m pytest tests/test_golden.py --update-golden

The run happens from the repository root with the relative path ``seeds`` so that article paths
are the same on every machine. Machine- and release-specific fields of the JSON summary (the rules
folder, the version) are replaced by placeholders before comparing.
"""

from __future__ import annotations

import difflib
import json

import pytest
from click.testing import CliRunner

# file name in tests/golden/seeds -> how it is produced
GOLDEN_FILES = ("report.txt", "report.md", "findings.json", "claims.csv")
PLACEHOLDERS = {"rules": "<rules folder>", "version": "<version>"}


def normalize_json(text: str) -> str:
    data = json.loads(text)
    for key, placeholder in PLACEHOLDERS.items():
        if key in data.get("summary", {}):
            data["summary"][key] = placeholder
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def seeds_outputs(repo_root, tmp_path_factory):
    from checker.cli import main

    reports = tmp_path_factory.mktemp("reports")
    runner = CliRunner()
    mp = pytest.MonkeyPatch()
    mp.chdir(repo_root)
    try:
        result = runner.invoke(main, ["run", "seeds", "--reports-dir", str(reports)], catch_exceptions=False)
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    return {
        "report.txt": result.stdout,
        "report.md": (reports / "report.md").read_text(encoding="utf-8"),
        "findings.json": normalize_json((reports / "findings.json").read_text(encoding="utf-8")),
        "claims.csv": (reports / "claims.csv").read_text(encoding="utf-8"),
    }


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_seeds_report_matches_golden(seeds_outputs, golden_dir, update_golden, name):
    path = golden_dir / "seeds" / name
    actual = seeds_outputs[name]
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(actual)
        return
    assert path.exists(), f"{path} is missing: run pytest {__file__} --update-golden"
    with open(path, encoding="utf-8", newline="") as handle:
        expected = handle.read()
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"golden/seeds/{name}", tofile=f"factcheck run seeds ({name})", n=2))
        pytest.fail(f"{name} differs from the golden file (regenerate with --update-golden if intended):\n{diff}",
                    pytrace=False)


def test_seeds_output_is_deterministic(seeds_outputs, repo_root, tmp_path):
    """A second run gives byte-identical files (no timestamps, stable order)."""
    from checker.cli import main

    mp = pytest.MonkeyPatch()
    mp.chdir(repo_root)
    try:
        result = CliRunner().invoke(main, ["run", "seeds", "--reports-dir", str(tmp_path)], catch_exceptions=False)
    finally:
        mp.undo()
    assert result.stdout == seeds_outputs["report.txt"]
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == seeds_outputs["report.md"]
    assert normalize_json((tmp_path / "findings.json").read_text(encoding="utf-8")) == seeds_outputs["findings.json"]
    assert (tmp_path / "claims.csv").read_text(encoding="utf-8") == seeds_outputs["claims.csv"]


def test_golden_json_has_no_machine_paths(golden_dir):
    text = (golden_dir / "seeds" / "findings.json").read_text(encoding="utf-8")
    assert "/work/" not in text and "/home/" not in text and "\\\\" not in text
