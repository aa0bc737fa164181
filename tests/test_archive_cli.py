"""The archive options on the command line: --field and `fields` in factcheck.toml, `store = false`,
--scheduler without --engine dask, the progress bar, bad records named on stderr."""

from __future__ import annotations

import io
import json

import pytest

from checker.engine import Counts
from checker.progress import ProgressBar

CMS = json.dumps({"story_id": "s1", "story_text": "Officials said 40 people were killed in the flood.",
                  "outlet_name": "Metro Herald", "date": "2024-03-02"}) + "\n"


def test_field_option_names_the_body(run_cli, make_corpus):
    folder = make_corpus({"cms.jsonl": CMS})
    bad = run_cli("run", folder, "--no-reports", "-f", "json")
    assert bad.exit_code == 2
    assert "cms.jsonl:1: record 1: no body field" in bad.stderr
    good = run_cli("run", folder, "--no-reports", "-f", "json", "--field", "body=story_text",
                   "--field", "id=story_id", "--field", "source=outlet_name")
    assert good.exit_code == 0, good.stderr
    article = json.loads(good.stdout)["articles"][0]
    assert (article["article"], article["source"], article["record"], article["field"]) == (
        "cms.jsonl#s1", "Metro Herald", 1, "story_text")


def test_fields_and_store_in_factcheck_toml(run_cli, make_corpus):
    folder = make_corpus({"cms.jsonl": CMS})
    (run_cli.cwd / "factcheck.toml").write_text(
        'store = false\nfields = {body = "story_text", id = ["story_id"]}\n', encoding="utf-8")
    result = run_cli("run", folder, "--no-reports", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["articles"][0]["article"] == "cms.jsonl#s1"
    assert not (run_cli.cwd / ".factcheck-cache").exists()


@pytest.mark.parametrize("toml, message", [
    ('fields = {text = "x"}\n', "unknown field slot 'text'"),
    ("fields = 3\n", "expected a table of slot = field name"),
    ("jobs = 0\n", "expected a number of processes"),
    ("store = 1\n", "expected the path of the claim store file, or false"),
])
def test_bad_archive_settings_name_the_key(run_cli, toml, message):
    (run_cli.cwd / "factcheck.toml").write_text(toml, encoding="utf-8")
    result = run_cli("config")
    assert result.exit_code == 2
    assert message in result.stderr and "factcheck.toml:1" in result.stderr


def test_scheduler_needs_the_dask_engine(run_cli):
    result = run_cli("run", "--scheduler", "tcp://localhost:8786", "--no-reports")
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.stderr


def test_the_store_option_puts_the_store_there(run_cli, tmp_path):
    store = tmp_path / "elsewhere" / "claims.sqlite"
    first = run_cli("run", "--store", store, "--no-reports", "-q")
    assert first.exit_code == 0, first.stderr
    assert store.is_file() and not (run_cli.cwd / ".factcheck-cache").exists()


def test_the_progress_bar_counts_what_happened():
    stream = io.StringIO()
    bar = ProgressBar(enabled=True, stream=stream, mininterval=0)
    bar(Counts(extracted=100, from_store=150, failed=2), 252, 400)
    bar(Counts(extracted=200, from_store=198, failed=2), 400, 400)
    bar.close()
    shown = stream.getvalue()
    assert "252/400" in shown and "stored=150" in shown and "article" in shown


def test_no_progress_bar_off_a_terminal_or_for_small_runs():
    stream = io.StringIO()
    ProgressBar(stream=stream)(Counts(extracted=500), 500, 500)  # StringIO is no terminal
    ProgressBar(enabled=True, stream=stream)(Counts(extracted=5), 5, 5)
    assert stream.getvalue() == ""
