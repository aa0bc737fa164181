"""factcheck.toml: found by walking up, validated with file, line and key, overridden by flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import DEFAULTS, KEYS, describe, find_config, load_config, read_config
from checker.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_by_walking_up_and_paths_are_relative_to_it(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "my-rules").mkdir()
    config_file = write(tmp_path / "factcheck.toml", '''
# the newsroom's gate
corpus = ["articles"]
rules = "my-rules"
fail-level = "warning"
min-level = "warning"
baseline = ".factcheck-baseline.json"
format = "github"
''')
    deep = tmp_path / "articles" / "2023" / "08"
    deep.mkdir(parents=True)
    assert find_config(deep) == config_file.resolve()
    config = load_config(start=deep)
    assert config.path == config_file.resolve()
    assert config.root == tmp_path.resolve()
    assert config["corpus"] == [tmp_path.resolve() / "articles"]
    assert config["rules"] == tmp_path.resolve() / "my-rules"
    assert config["baseline"] == tmp_path.resolve() / ".factcheck-baseline.json"
    assert (config["fail-level"], config["min-level"], config["format"]) == ("warning", "warning", "github")
    assert config.origin("corpus") == "factcheck.toml:3"
    assert config.origin("format") == "factcheck.toml:8"


def test_without_a_file_the_defaults_apply(tmp_path):
    config = load_config(start=tmp_path)
    assert config.path is None
    assert {k: config[k] for k in KEYS} == DEFAULTS
    assert all(origin == "default" for _, _, origin in describe(config))


def test_command_line_wins(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-level = "warning"\nformat = "json"\n')
    config = load_config(start=tmp_path).override(fail_level="error", format=None, corpus=("elsewhere",))
    assert config["fail-level"] == "error" and config.origin("fail-level") == "command line"
    assert config["format"] == "json" and config.origin("format") == "factcheck.toml:2"
    assert config["corpus"] == [Path("elsewhere")] and config.origin("corpus") == "command line"


def test_explicit_config_file(tmp_path):
    path = write(tmp_path / "ci" / "gate.toml", 'min-level = "error"\n')
    assert load_config(path, start=tmp_path)["min-level"] == "error"


@pytest.mark.parametrize("text, line, key, problem", [
    ('\n\ncorpus = "articles"\nlevel = "error"\n', 4, "level", "unknown key; allowed: corpus, rules, fail-level"),
    ('min_level = "error"\n', 1, "min_level", "did you mean 'min-level'?"),
    ('fail-level = "fatal"\n', 1, "fail-level", "unknown level 'fatal'; allowed: suggestion, warning, error"),
    ('min-level = 3\n', 1, "min-level", "unknown level 3; allowed: suggestion, warning, error"),
    ('format = "xml"\n', 1, "format", "unknown format 'xml'; allowed: table, markdown, json, csv, sarif, github"),
    ('corpus = []\n', 1, "corpus", "expected a folder or a list of folders"),
    ('corpus = ["articles", 3]\n', 1, "corpus", "expected a folder or a list of folders"),
    ('corpus = "missing"\n', 1, "corpus", "folder 'missing' not found"),
    ('rules = "missing"\n', 1, "rules", "folder 'missing' not found"),
    ('baseline = 5\n', 1, "baseline", "expected the path of a baseline file"),
    ('[check]\nfail-level = "error"\n', 1, "check", "unknown key; allowed:"),
    ('"fail-level" = "nope"\n', 1, "fail-level", "unknown level 'nope'"),
])
def test_bad_keys_and_values_name_file_line_and_key(tmp_path, monkeypatch, text, line, key, problem):
    (tmp_path / "articles").mkdir()
    path = write(tmp_path / "factcheck.toml", text)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        read_config(path)
    err = info.value
    assert (err.path, err.line, err.key) == ("factcheck.toml", line, key)
    assert problem in err.problem
    assert str(err).startswith(f"factcheck.toml:{line}: key '{key}': ")


@pytest.mark.parametrize("text, line", [
    ('corpus = ["articles"\nrules = "x"\n', 2),
    ('fail-level = \n', 1),
    ('format = "json"\nformat = "csv"\n', 2),
])
def test_invalid_toml_names_the_line(tmp_path, monkeypatch, text, line):
    path = write(tmp_path / "factcheck.toml", text)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        read_config(path)
    assert info.value.line == line
    assert str(info.value).startswith(f"factcheck.toml:{line}: invalid TOML: ")


def test_paths_outside_the_working_directory_are_shown_in_full(tmp_path, monkeypatch):
    path = write(tmp_path / "cfg" / "factcheck.toml", 'format = "xml"\n')
    monkeypatch.chdir(tmp_path / "cfg")
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with pytest.raises(ConfigError) as info:
        read_config(path)
    assert info.value.path == str(path)
