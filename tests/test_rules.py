"""rules/: validation errors name file, line and key; the bundled rules are found from anywhere;
every qualifier of the lexicon works in a sentence."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from checker.errors import RulesError
from checker.rules import RULE_FILES, load_rules

from tables import table_cases


def break_rules(rules_copy, case) -> tuple:
    path = rules_copy / case["file"]
    text = path.read_text(encoding="utf-8")
    assert case["find"] in text, f"{case['file']} no longer contains {case['find']!r}: update the table"
    text = text.replace(case["find"], case["replace"], 1)
    path.write_text(text, encoding="utf-8")
    line = None
    if case["line_of"] is not None:
        line = text.count("\n", 0, text.index(case["line_of"])) + 1
    return path, line


@pytest.mark.parametrize("case", table_cases("rules_errors.yaml"))
def test_broken_rules_raise_rules_error(rules_copy, case):
    path, line = break_rules(rules_copy, case)
    with pytest.raises(RulesError) as info:
        load_rules(rules_copy)
    err = info.value
    assert (err.path, err.line, err.key) == (str(path), line, case["key"])
    assert case["problem"] in err.problem
    where = f"{path}:{line}" if line else str(path)
    key = f"key '{case['key']}': " if case["key"] else ""
    assert str(err) == f"{where}: {key}{err.problem}"


@pytest.mark.parametrize("case", table_cases("rules_errors.yaml"))
def test_cli_reports_broken_rules_in_one_line(rules_copy, run_cli, seeds_dir, case):
    path, line = break_rules(rules_copy, case)
    # `extract` loads the rules as `run` does; check it on one case to keep the suite fast
    commands = [["run", seeds_dir, "--no-reports"]] + ([["extract", seeds_dir]] if case["id"] == "bad-qualifier" else [])
    for command in commands:
        result = run_cli(*command, "--rules", rules_copy)
        assert result.exit_code == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        where = f"{path}:{line}" if line else str(path)
        key = f"key '{case['key']}': " if case["key"] else ""
        assert len(lines) == 1 and lines[0].startswith(f"Error: {where}: {key}"), result.stderr
        assert case["problem"] in lines[0]


def test_missing_rules_file(rules_copy, run_cli, seeds_dir):
    (rules_copy / "facts.yaml").unlink()
    with pytest.raises(RulesError, match="facts.yaml: file not found"):
        load_rules(rules_copy)
    result = run_cli("run", seeds_dir, "--no-reports", "--rules", rules_copy)
    assert result.exit_code == 2 and "facts.yaml: file not found" in result.stderr


def test_missing_rules_folder(run_cli, seeds_dir, tmp_path):
    result = run_cli("run", seeds_dir, "--no-reports", "--rules", tmp_path / "nope")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope'}: rules folder not found"


def test_rules_option_is_used(rules_copy, run_cli, seeds_dir):
    """--rules DIR: the copy's edits take effect (FC101 switched off -> no error findings)."""
    path = rules_copy / "checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    level: error\n", "    level: \"off\"\n", 1), encoding="utf-8")
    result = run_cli("run", seeds_dir, "--no-reports", "-f", "json", "--rules", rules_copy)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [f for f in report["findings"] if f["rule"] == "FC101"] == []
    assert report["summary"]["rules"] == str(rules_copy)
    default = json.loads(run_cli("run", seeds_dir, "--no-reports", "-f", "json").stdout)
    assert [f["rule"] for f in default["findings"]].count("FC101") == 2


def test_every_rules_file_is_loaded(rules):
    assert sorted(rules.files) == sorted(RULE_FILES)


def test_default_rules_and_corpus_are_found_from_another_directory(tmp_path):
    """`factcheck run` from a folder without rules/ or seeds/ uses the bundled ones."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    # the `factcheck` script of this interpreter's environment (else the same entry point via -m)
    script = shutil.which("factcheck", path=os.path.dirname(sys.executable))
    command = [script] if script else [sys.executable, "-m", "checker"]
    result = subprocess.run(command + ["run", "-f", "json"], cwd=tmp_path,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["articles"] == 5
    assert report["summary"]["by_level"]["error"] == 2
    # the run wrote its reports where it was started, not into the package
    assert (tmp_path / "reports" / "findings.json").is_file()


# ----------------------------------------------------------------------------- the qualifier lexicon


def _extract(rules, text: str) -> list:
    from checker.extract import Extractor
    from checker.load import parse_article

    return Extractor(rules).extract(parse_article("t.txt", "t.txt", text, ".txt"))


def _phrases(section: str) -> list:
    from checker.rules import default_rules_dir

    table = getattr(load_rules(default_rules_dir()).qualifiers, section)
    return [pytest.param(" ".join(words), op, id=" ".join(words)) for words, op in table.items()]


@pytest.mark.parametrize("phrase, qualifier", _phrases("qualifiers_before"))
def test_every_qualifier_before_works(rules, phrase, qualifier):
    """Each `before:` entry of rules/qualifiers.yaml, in 'They said <phrase> 500 widgets were sold.'
    (a sign such as '>' is glued to the number: 'They said >500 widgets were sold.')"""
    written = f"{phrase} 500" if phrase[:1].isalpha() else f"{phrase}500"
    claims = [c for c in _extract(rules, f"They said {written} widgets were sold.") if c.unit == "count"]
    assert [(c.text, c.value, c.qualifier, c.entity) for c in claims] == \
        [(written, 500, qualifier, "widgets")]


def _after_params():
    return [pytest.param(*p.values, id=p.values[0]) for p in _phrases("qualifiers_after")]


@pytest.mark.parametrize("phrase, qualifier", _after_params())
def test_every_qualifier_after_works(rules, phrase, qualifier):
    """Each `after:` entry of rules/qualifiers.yaml, in 'They said 500 <phrase> widgets were sold.'"""
    claims = [c for c in _extract(rules, f"They said 500 {phrase} widgets were sold.") if c.unit in ("count", "age")]
    assert [(c.text, c.value, c.qualifier, c.entity) for c in claims] == \
        [(f"500 {phrase}", 500, qualifier, "widgets")]


def _from_below_params():
    from checker.rules import default_rules_dir

    rules = load_rules(default_rules_dir())
    params = []
    for words in sorted(rules.qualifiers.from_below):
        phrase = " ".join(words)
        marks = []
        if words not in rules.qualifiers.qualifiers_before:
            marks = [pytest.mark.xfail(strict=True, reason=(
                f"rules/qualifiers.yaml: from_below lists '{phrase}', which is not a `before:` phrase, so it is "
                f"never matched (the shorter '{' '.join(words[1:])}' is, and is not from below)"))]
        params.append(pytest.param(phrase, id=phrase, marks=marks))
    return params


@pytest.mark.parametrize("phrase", _from_below_params())
def test_every_from_below_phrase_caps_the_interval(rules, phrase):
    claims = [c for c in _extract(rules, f"They said {phrase} 500 widgets were sold.") if c.unit == "count"]
    assert len(claims) == 1
    assert claims[0].text == f"{phrase} 500"
    assert claims[0].high == 500 and claims[0].low < 500


# ----------------------------------------------------------------------------- the rule records


def test_rules_are_frozen_records_one_per_file(tmp_path):
    import dataclasses

    from checker.rules import load_rules_file

    rules = load_rules()
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.numbers = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.units.currency_symbols = {}
    with pytest.raises(TypeError):
        rules.checks.tolerances["relative"] = 0.5
    assert isinstance(rules.grammar.stop_words, frozenset)
    # swapping one file gives a new rule set and leaves the cached one as it was
    path = tmp_path / "facts.yaml"
    path.write_text("facts: []\n", encoding="utf-8")
    swapped = load_rules_file(path, rules)
    assert swapped.facts == () and swapped.files["facts.yaml"] == path
    assert rules.files["facts.yaml"] != path and swapped.numbers is rules.numbers
