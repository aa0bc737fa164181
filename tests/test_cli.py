"""The command-line surface: help for every command, exit codes, error messages, output files."""

from __future__ import annotations

import json

import click
import pytest

from checker import __version__
from checker.cli import CLAIM_FORMATS, RUN_FORMATS, main


def _commands(group: click.Group, prefix: tuple = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append(prefix + (name,))
        if isinstance(command, click.Group):
            out.extend(_commands(command, prefix + (name,)))
    return out


COMMANDS = _commands(main)


def _command(path: tuple[str, ...]) -> click.Command:
    command = main
    for name in path:
        command = command.commands[name]
    return command


def test_the_known_commands_are_registered():
    assert {("run",), ("extract",)} <= set(COMMANDS)


@pytest.mark.parametrize("path", [()] + COMMANDS, ids=lambda p: " ".join(p) or "factcheck")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help(run_cli, path, flag):
    result = run_cli(*path, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: factcheck {' '.join(path)}".rstrip())
    command = _command(path)
    summary = (command.help or "").strip().splitlines()
    assert summary and summary[0].strip(), f"`factcheck {' '.join(path)}` has no help text"
    assert summary[0].strip()[:40] in " ".join(result.stdout.split())


# Commands of other modules whose options still lack a help text (strict: remove when fixed).
OPTIONS_WITHOUT_HELP: dict = {}


def _option_params():
    return [pytest.param(path, id=" ".join(path), marks=[pytest.mark.xfail(strict=True, reason=OPTIONS_WITHOUT_HELP[path])]
                         if path in OPTIONS_WITHOUT_HELP else []) for path in COMMANDS]


@pytest.mark.parametrize("path", _option_params())
def test_every_option_has_help(path):
    command = _command(path)
    missing = [param.opts for param in command.params
               if isinstance(param, click.Option) and not param.hidden and not param.help]
    assert missing == [], f"options of `factcheck {' '.join(path)}` without help: {missing}"


def test_version(run_cli):
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factcheck, version {__version__}"


# ----------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize("args, code", [
    ([], 0),
    (["--fail-level", "error"], 1),
    (["--fail-level", "warning"], 1),
    (["--fail-level", "suggestion"], 1),
    (["--fail-level", "error", "--min-level", "error"], 1),
], ids=["no-fail-level", "fail-error", "fail-warning", "fail-suggestion", "min-level-error"])
def test_exit_codes_on_seeds(run_cli, seeds_dir, args, code):
    result = run_cli("run", seeds_dir, "--no-reports", *args)
    assert result.exit_code == code, result.output
    assert result.stderr == ""
    assert "2 errors" in result.stdout


def test_fail_level_without_findings_at_that_level(run_cli, make_corpus):
    root = make_corpus({"a.txt": "date 2023-08-15\nThe forum drew 800 delegates from 76 countries.",
                        "b.txt": "date 2023-08-15\nMore than 800 delegates from 76 countries came to the forum."})
    result = run_cli("run", root, "--no-reports", "-f", "json", "--fail-level", "error")
    levels = [f["level"] for f in json.loads(result.stdout)["findings"]]
    assert "error" not in levels and levels, levels
    assert result.exit_code == 0


def test_min_level_leaves_out_lower_findings(run_cli, seeds_dir):
    report = json.loads(run_cli("run", seeds_dir, "--no-reports", "-f", "json", "--min-level", "error").stdout)
    assert [f["level"] for f in report["findings"]] == ["error", "error"]


def test_missing_path_is_exit_2_with_a_message(run_cli, tmp_path):
    missing = tmp_path / "nope"
    for command in ("run", "extract"):
        result = run_cli(command, missing, *(["--no-reports"] if command == "run" else []))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == f"Error: {missing}: no such file or directory\n"


def test_folder_without_articles_is_exit_2(run_cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli("run", tmp_path / "empty", "--no-reports")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 'empty'}: no articles found")


UNREADABLE = {
    "a.txt": "date 2023-08-15\nThe Army-2023 forum drew 83 foreign companies.",
    "b.txt": "date 2023-08-16\nThe Army-2023 forum drew 82 foreign companies.",
    "broken.txt": b"\x00\x01\x02 not text",
}


@pytest.mark.parametrize("fail_level", [None, "error"])
def test_an_unreadable_article_is_reported_and_the_others_checked(run_cli, make_corpus, fail_level):
    root = make_corpus(UNREADABLE)
    args = ["run", root, "--no-reports", "-f", "json"] + (["--fail-level", fail_level] if fail_level else [])
    result = run_cli(*args)
    assert result.exit_code == 2  # a finding at the fail level never hides bad input
    report = json.loads(result.stdout)
    assert [a["article"] for a in report["articles"]] == ["a.txt", "b.txt"]
    assert [f["rule"] for f in report["findings"]] == ["FC101"]
    assert report["errors"] == [{"path": str(root / "broken.txt"), "message": "binary file (contains NUL bytes), not an article"}]
    assert result.stderr.splitlines() == [
        f"Error: {root / 'broken.txt'}: binary file (contains NUL bytes), not an article",
        "Error: 1 article(s) could not be read; the others were checked",
    ]


def test_an_unreadable_article_in_extract(run_cli, make_corpus):
    root = make_corpus(UNREADABLE)
    result = run_cli("extract", root)
    assert result.exit_code == 2
    assert sorted({json.loads(line)["article"] for line in result.stdout.splitlines()}) == ["a.txt", "b.txt"]
    assert f"Error: {root / 'broken.txt'}: binary file" in result.stderr


def test_no_readable_article_is_exit_2(run_cli, make_corpus):
    root = make_corpus({"broken.txt": b"\xff\xfe\x00"})
    result = run_cli("run", root, "--no-reports")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == "Error: no article could be read"


def test_a_crash_is_exit_2_with_one_line(run_cli, seeds_dir, monkeypatch):
    import checker.pipeline

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(checker.pipeline, "compare_claims", crash)
    result = run_cli("run", seeds_dir, "--no-reports")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: internal error: RuntimeError: boom (")
    assert "Traceback" not in result.output


# ----------------------------------------------------------------------------- options


@pytest.mark.parametrize("command, choices", [("run", RUN_FORMATS), ("extract", CLAIM_FORMATS)])
def test_format_choices(run_cli, seeds_dir, command, choices):
    result = run_cli(command, seeds_dir, "-f", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format'" in result.stderr
    for choice in choices:
        assert f"'{choice}'" in result.stderr


@pytest.mark.parametrize("fmt", [f for f in RUN_FORMATS if f != "html"])
def test_run_formats(run_cli, seeds_dir, fmt):
    result = run_cli("run", seeds_dir, "--no-reports", "-f", fmt)
    assert result.exit_code == 0 and result.stdout.strip()


@pytest.mark.parametrize("fmt", CLAIM_FORMATS)
def test_extract_formats(run_cli, seeds_dir, fmt):
    result = run_cli("extract", seeds_dir, "-f", fmt)
    assert result.exit_code == 0 and "000_4e0e0dac921ab872.txt" in result.stdout


@pytest.mark.parametrize("command", ["run", "extract"])
def test_output_file_is_written_atomically(run_cli, seeds_dir, tmp_path, command):
    extra = ["--no-reports"] if command == "run" else []
    to_stdout = run_cli(command, seeds_dir, "-f", "json" if command == "run" else "jsonl", *extra)
    out = tmp_path / "out" / "result.txt"
    out.parent.mkdir()
    out.write_text("old\n", encoding="utf-8")
    result = run_cli(command, seeds_dir, "-f", "json" if command == "run" else "jsonl", "-o", out, *extra)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert [p.name for p in out.parent.iterdir()] == ["result.txt"]  # no temporary file left


def test_output_dash_is_stdout(run_cli, seeds_dir):
    result = run_cli("extract", seeds_dir, "-o", "-")
    assert result.exit_code == 0 and result.stdout.count("\n") > 10


def test_output_file_is_kept_when_the_run_fails(run_cli, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    result = run_cli("run", tmp_path / "missing", "-o", out, "--no-reports")
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous report\n"


def test_extract_reads_stdin(run_cli):
    text = "date 2023-08-15\nThe Army-2023 forum drew 83 foreign companies."
    result = run_cli("extract", "-", input=text)
    assert result.exit_code == 0, result.stderr
    (claim,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (claim["article"], claim["source"], claim["published"]) == ("<stdin>", "stdin", "2023-08-15")
    assert (claim["value"], claim["entity"], claim["event"]) == (83, "foreign companies", "army-2023")
    assert text[claim["start"]:claim["end"]] == "83"


def test_run_reads_stdin_with_files(run_cli, make_corpus):
    root = make_corpus({"a.txt": "date 2023-08-15\nThe Army-2023 forum drew 83 foreign companies."})
    result = run_cli("run", root / "a.txt", "-", "--no-reports", "-f", "json",
                     input="date 2023-08-16\nThe Army-2023 forum drew 82 foreign companies.")
    report = json.loads(result.stdout)
    assert [a["article"] for a in report["articles"]] == ["a.txt", "<stdin>"]
    assert [f["rule"] for f in report["findings"]] == ["FC101"]


def test_extract_requires_paths(run_cli):
    result = run_cli("extract")
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


def test_unknown_option_is_exit_2(run_cli, seeds_dir):
    result = run_cli("run", seeds_dir, "--frobnicate")
    assert result.exit_code == 2 and "Error: No such option '--frobnicate'" in result.stderr
