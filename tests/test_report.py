"""Report formats, the JSON contract, atomic writes and the report files of a run."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from checker.report import FINDING_CSV_COLUMNS, render, render_claims, write_atomic
from checker.report import files as report_files

FINDING_KEYS = {"rule", "level", "event", "period", "entity", "unit", "message", "claims"}
CLAIM_KEYS = {"article", "source", "published", "value", "low", "high", "qualifier", "text", "sentence",
              "start", "end", "line", "column"}
FORMATS = ("table", "markdown", "json", "csv")

ARTICLES = {
    "a.txt": "date 2023-08-15\nMOSCOW, August 15. /TASS/. The *Army-2023* forum drew 83 foreign companies | "
             "all_of_them. At the Army-2023 forum some 7 agencies took part.\n\n"
             "It brought together 800 delegates from 76 countries.\n",
    "b.md": "---\ndate: 2023-08-16\nsource: Reuters\n---\nThe Army-2023 forum drew 82 foreign companies.\n\n"
            "More than 800 delegates from 76 countries came.\n",
    "c.txt": "date 2023-08-17\nAt the Army-2023 forum some 16 ministers and 6 agencies took part.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("report-corpus")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8", newline="")
    return root


@pytest.fixture(scope="module")
def result(corpus):
    from checker.pipeline import run

    return run([str(corpus)])


@pytest.fixture(scope="module")
def report(result):
    return result.to_dict()


def test_the_corpus_has_findings_of_two_levels(report):
    assert {f["level"] for f in report["findings"]} == {"error", "warning"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_findings(report, fmt):
    text = render(report, fmt)
    assert text.endswith("\n")
    for f in report["findings"]:
        assert f["rule"] in text
        for c in f["claims"]:
            assert c["text"] in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(report, fmt):
    empty = {**report, "findings": [],
             "summary": {**report["summary"], "findings": 0, "by_level": {"error": 0, "warning": 0, "suggestion": 0}}}
    text = render(empty, fmt)
    if fmt in ("table", "markdown"):
        assert "No discrepancies found." in text
    elif fmt == "json":
        assert json.loads(text)["findings"] == []
    else:
        assert text == ",".join(FINDING_CSV_COLUMNS) + "\n"


def test_json_contract(report, corpus):
    data = json.loads(render(report, "json"))
    assert {"findings", "articles", "summary"} <= set(data)
    assert {"articles", "claims", "findings", "by_level", "rules", "version"} <= set(data["summary"])
    for f in data["findings"]:
        assert FINDING_KEYS <= set(f)
        assert f["level"] in ("suggestion", "warning", "error")
        assert len(f["claims"]) >= 2
        for c in f["claims"]:
            assert CLAIM_KEYS <= set(c)
            text = (corpus / c["article"]).read_bytes().decode("utf-8")
            assert text[c["start"]:c["end"]] == c["text"]
            assert c["text"] in c["sentence"] and c["sentence"] in text
    for a in data["articles"]:
        assert {"article", "source", "published", "date_from", "claims"} <= set(a)
    assert data["summary"]["by_level"]["error"] == sum(f["level"] == "error" for f in data["findings"])


def test_json_is_strict(report):
    """No NaN or Infinity (invalid JSON): unbounded ends are null."""
    text = render(report, "json")
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    highs = [c["high"] for f in report["findings"] for c in f["claims"]]
    assert None in highs  # "More than 800"


def test_csv_has_one_row_per_claim_of_each_finding(report):
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert list(rows[0]) == FINDING_CSV_COLUMNS
    assert len(rows) == sum(len(f["claims"]) for f in report["findings"])
    assert [r["finding"] for r in rows] == [str(n) for n, f in enumerate(report["findings"], 1) for _ in f["claims"]]


def test_markdown_escapes_and_bolds_the_claim(report):
    text = render(report, "markdown")
    assert "\\*Army-2023\\*" in text and "\\| all\\_of\\_them" in text
    # "6 agencies" is bold where it stands, not inside "16"
    assert "some 16 ministers and **6** agencies" in text


def test_table_lists_sources_and_positions(report):
    text = render(report, "table")
    for f in report["findings"]:
        for c in f["claims"]:
            assert f"{c['article']}:{c['line']}:{c['column']}" in text


def test_unreadable_articles_appear_in_the_reports(report):
    with_error = {**report, "errors": [{"path": "bad.txt", "message": "binary file"}],
                  "summary": {**report["summary"], "unreadable": 1}}
    assert "unreadable: bad.txt: binary file" in render(with_error, "table")
    assert "## Unreadable articles" in render(with_error, "markdown")
    assert json.loads(render(with_error, "json"))["errors"] == [{"path": "bad.txt", "message": "binary file"}]


@pytest.mark.parametrize("fmt", ("jsonl", "csv", "table"))
def test_claims_formats(result, corpus, fmt):
    from checker.models import CLAIM_COLUMNS

    text = render_claims(result.claims_table(), fmt)
    n = len(result.claims)
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines()]
        assert len(records) == n and all(list(r) == CLAIM_COLUMNS for r in records)
        for r in records:
            raw = (corpus / r["article"]).read_bytes().decode("utf-8")
            assert raw[r["start"]:r["end"]] == r["text"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == n and list(rows[0]) == CLAIM_COLUMNS
    else:
        assert text.endswith(f"\n{n} claims\n")


# ----------------------------------------------------------------------------- atomic writes


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_writes_and_replaces(tmp_path):
    target = tmp_path / "new" / "dir" / "report.md"
    write_atomic(target, "first\r\nline ü\n")
    assert target.read_bytes() == "first\r\nline ü\n".encode("utf-8")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert _leftovers(target.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_write_atomic_gives_the_mode_of_an_ordinary_write(tmp_path):
    old_umask = os.umask(0o022)
    try:
        target = tmp_path / "report.md"
        write_atomic(target, "new\n")
        assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
        target.chmod(0o640)
        write_atomic(target, "replaced\n")
        assert target.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
    finally:
        os.umask(old_umask)


@pytest.mark.parametrize("fail_at", ["fsync", "replace", "write"])
def test_write_atomic_never_leaves_a_partial_file(tmp_path, monkeypatch, fail_at):
    target = tmp_path / "findings.json"
    target.write_text("old complete content\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if fail_at == "fsync":
        monkeypatch.setattr(report_files.os, "fsync", boom)
    elif fail_at == "replace":
        monkeypatch.setattr(report_files.os, "replace", boom)
    else:
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, text):
                self.handle.write(text[: len(text) // 2])
                self.handle.flush()
                raise OSError(28, "No space left on device")

            def __getattr__(self, name):
                return getattr(self.handle, name)

        monkeypatch.setattr(report_files.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        write_atomic(target, "new content that is much longer than the old one\n" * 100)
    assert target.read_text(encoding="utf-8") == "old complete content\n"
    assert _leftovers(tmp_path) == []


# ----------------------------------------------------------------------------- report files of a run


def test_run_writes_the_report_files(corpus, run_cli, tmp_path):
    reports = tmp_path / "out"
    json_out = run_cli("run", corpus, "-f", "json", "--reports-dir", reports)
    assert json_out.exit_code == 0, json_out.stderr
    for name in ("report.md", "findings.json", "claims.csv"):
        assert (reports / name).is_file(), name
    assert (reports / "findings.json").read_text(encoding="utf-8") == json_out.stdout
    markdown = run_cli("run", corpus, "-f", "markdown", "--no-reports")
    assert (reports / "report.md").read_text(encoding="utf-8") == markdown.stdout
    claims = run_cli("extract", corpus, "-f", "csv")
    assert (reports / "claims.csv").read_text(encoding="utf-8") == claims.stdout
    assert _leftovers(reports) == []


def test_run_writes_reports_in_the_working_directory_by_default(corpus, run_cli):
    result = run_cli("run", corpus)
    assert result.exit_code == 0
    assert (run_cli.cwd / "reports" / "findings.json").is_file()


def test_no_reports_writes_nothing(corpus, run_cli):
    run_cli("run", corpus, "--no-reports")
    assert not (run_cli.cwd / "reports").exists()


# ----------------------------------------------------------------------------- the registry


def test_every_report_format_is_registered():
    from checker.cli import RUN_FORMATS
    from checker.config import FORMATS
    from checker.report import FORMATTERS

    assert set(RUN_FORMATS) | set(FORMATS) <= set(FORMATTERS)
    assert all(cls.name == name for name, cls in FORMATTERS.items())


def test_format_modules_do_not_import_the_registry():
    """checker/report/__init__.py imports the format modules, never the other way round."""
    import ast
    from pathlib import Path

    import checker.report

    package = Path(checker.report.__file__).parent
    for module in sorted(package.glob("*.py")):
        if module.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.level == 1 and node.module is None), f"{module.name}: from . import ..."
                assert node.module != "checker.report", module.name
                assert not (node.level == 2 and node.module is None and any(a.name == "report" for a in node.names)), \
                    module.name
            if isinstance(node, ast.Import):
                assert all(a.name != "checker.report" for a in node.names), module.name
