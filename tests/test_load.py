"""Reading articles: metadata, offsets into the file as on disk, unreadable files."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from checker.errors import ArticleError, UsageError
from checker.load import load_articles, mask_html, parse_article

from tables import table_cases


def parse(name: str, text: str):
    return parse_article(name, name, text, Path(name).suffix.lower())


# ----------------------------------------------------------------------------- metadata


@pytest.mark.parametrize("case", table_cases("load.yaml"))
def test_metadata(case):
    loaded = parse(case["name"], case["text"])
    summary = loaded.article.summary()
    for key, value in case["expect"].items():
        assert summary[key] == value, key
    assert len(loaded.view) == len(case["text"])
    if "body" in case:
        body = loaded.view[loaded.article.body_start:].lstrip()
        assert body.startswith(case["body"]), repr(loaded.view[:80])
        # the metadata is blanked in the view, not cut: offsets stay those of the file
        assert case["body"] not in loaded.view[:loaded.article.body_start]


@pytest.mark.parametrize("text, problem", [
    ("---\ntitle: [unclosed\n---\nBody.\n", "invalid front matter"),
    ("---\n- a list\n---\nBody.\n", "front matter must be a mapping"),
    ("---\ndate: next week\n---\nBody.\n", "is not YYYY-MM-DD"),
    ("date 2023-02-30\nBody.\n", "is not a valid date"),
], ids=["front-matter-yaml", "front-matter-not-mapping", "front-matter-bad-date", "date-header-impossible-day"])
def test_bad_metadata_is_an_article_error(text, problem):
    with pytest.raises(ArticleError) as info:
        parse("bad.md", text)
    assert problem in str(info.value) and "bad.md" in str(info.value)


# ----------------------------------------------------------------------------- offsets as on disk


def _line_col(raw: str, offset: int) -> tuple[int, int]:
    """Line and column of a character offset, recomputed independently (\\r\\n, \\r, \\n end lines)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line + 1, offset - starts[line] + 1


OFFSET_ARTICLES = {
    "plain.txt": "date 2023-08-15\nRussia’s forum drew 83 foreign companies.\nOver 1,500 firms came.\n",
    "crlf.txt": "date 2023-08-15\r\nRussia’s forum drew 83 foreign companies.\r\n\r\nOver 1,500 firms came.\r\n",
    "cr-only.txt": "date 2023-08-15\rThe forum drew 83 foreign companies.\rOver 1,500 firms came.\r",
    "bom.txt": "\ufeffdate 2023-08-15\r\nThe forum drew 83 foreign companies. Over 1,500 firms came.\r\n",
    "front.md": "---\ntitle: Forum\ndate: 2023-08-15\n---\nThe *forum* drew 83 foreign companies.\n\nOver 1,500 firms came.\n",
    "page.html": ("<html><head><title>Forum</title></head><body>\n<p>The forum drew 83&nbsp;foreign companies.</p>\n"
                  "<p>Over&nbsp;1,500 firms &amp; more came.</p>\n<script>var x = 999;</script></body></html>\n"),
    "wide.txt": "date 2023-08-15\nЗа́втра 😀 — the forum drew 83 foreign companies; 中文 over 1,500 firms came.\n",
}


@pytest.fixture(scope="module")
def offsets_run(tmp_path_factory):
    from click.testing import CliRunner

    from checker.cli import main

    root = tmp_path_factory.mktemp("offsets")
    for name, text in OFFSET_ARTICLES.items():
        (root / name).write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["extract", str(root), "-f", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root, [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("name", sorted(OFFSET_ARTICLES))
def test_offsets_lines_and_columns_are_those_of_the_file(offsets_run, name):
    root, claims = offsets_run
    raw = (root / name).read_bytes().decode("utf-8")  # the file as on disk, BOM and CR kept
    mine = [c for c in claims if c["article"] == name]
    assert sorted(c["value"] for c in mine if c["unit"] == "count") == [83, 1500], mine
    for c in mine:
        assert raw[c["start"]:c["end"]] == c["text"]
        assert (c["line"], c["column"]) == _line_col(raw, c["start"]), c
        assert c["sentence"] in raw and c["text"] in c["sentence"]


def test_html_tags_and_scripts_are_not_read(offsets_run):
    _, claims = offsets_run
    html_claims = [c for c in claims if c["article"] == "page.html"]
    assert all("999" not in c["text"] for c in html_claims)
    assert any(c["text"] == "Over&nbsp;1,500" for c in html_claims)


def test_mask_html_keeps_length_and_lines():
    text = "<p>A &amp; B</p>\n<div class='x'>83 &eacute;lite</div>\n<!-- 555 -->"
    view = mask_html(text)
    assert len(view) == len(text)
    # every line break of the file is still one (block tags may add more, as sentence ends)
    assert all(view[m.start()] == "\n" for m in re.finditer("\n", text))
    assert "A &" in view and "B" in view and "é" in view
    assert "<" not in view and "555" not in view
    assert view.index("83") == text.index("83")


def test_entity_inside_a_word_keeps_the_word(rules):
    from checker.extract import Extractor

    text = "<p>The town has 83 caf&eacute;s and 12 &Eacute;coles; 5 caf&eacute; owners.</p>"
    rows = Extractor(rules).extract(parse("a.html", text))
    assert [(r.text, r.entity) for r in rows] == [("83", "cafés"), ("12", "écoles"), ("5", "café owners")]
    assert [text[r.start:r.end] for r in rows] == ["83", "12", "5"]


# ----------------------------------------------------------------------------- reading files


def test_unreadable_files_are_reported_and_others_load(make_corpus):
    root = make_corpus({
        "a.txt": "83 companies came.",
        "binary.txt": b"83 \x00\x01 binary",
        "latin1.txt": "83 caf\u00e9s".encode("latin-1"),
        "z.txt": "82 companies came.",
    })
    loaded, problems = load_articles([str(root)])
    assert [ld.article.id for ld in loaded] == ["a.txt", "z.txt"]
    messages = {Path(p.path).name: p.problem for p in problems}
    assert "NUL" in messages["binary.txt"]
    assert "not UTF-8" in messages["latin1.txt"] and "byte 6" in messages["latin1.txt"]


def test_unreadable_file_permission_is_reported(make_corpus, monkeypatch):
    root = make_corpus({"a.txt": "83 companies came.", "locked.txt": "82 companies came."})
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    loaded, problems = load_articles([str(root)])
    assert [ld.article.id for ld in loaded] == ["a.txt"]
    assert len(problems) == 1 and problems[0].path.endswith("locked.txt")
    assert "cannot read file (Permission denied)" in problems[0].problem


def test_unreadable_folder_is_reported(make_corpus, monkeypatch):
    root = make_corpus({"a.txt": "83 companies came.", "locked/b.txt": "82 companies came."})
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    loaded, problems = load_articles([str(root)])
    assert [ld.article.id for ld in loaded] == ["a.txt"]
    assert len(problems) == 1 and problems[0].path.endswith("locked")
    assert "cannot read folder" in problems[0].problem


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_on_disk_is_reported(make_corpus):
    root = make_corpus({"a.txt": "83 companies came.", "locked/b.txt": "82 companies came."})
    (root / "locked").chmod(0)
    try:
        loaded, problems = load_articles([str(root)])
    finally:
        (root / "locked").chmod(0o755)
    assert [ld.article.id for ld in loaded] == ["a.txt"]
    assert [Path(p.path).name for p in problems] == ["locked"]


def test_discovery_order_ids_and_hidden_files(make_corpus):
    root = make_corpus({
        "b.txt": "1 cat.", "a.md": "2 cats.", "sub/c.html": "<p>3 cats.</p>", "sub/a.txt": "4 cats.",
        ".hidden/d.txt": "5 cats.", ".e.txt": "6 cats.", "notes.csv": "7,8", "README": "9 cats.",
    })
    loaded, problems = load_articles([str(root)])
    assert problems == []
    assert [ld.article.id for ld in loaded] == ["a.md", "b.txt", "sub/a.txt", "sub/c.html"]


def test_a_file_given_by_name_is_read_whatever_its_suffix(make_corpus):
    root = make_corpus({"story.article": "83 companies came."})
    loaded, problems = load_articles([str(root / "story.article")])
    assert [ld.article.id for ld in loaded] == ["story.article"] and problems == []


def test_missing_path_and_empty_folder_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="no such file or directory"):
        load_articles([str(tmp_path / "missing")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no articles found"):
        load_articles([str(tmp_path / "empty")])


def test_stdin_article(monkeypatch):
    import io

    loaded, problems = load_articles(["-"], stdin=io.StringIO("date 2023-08-15\n83 companies came."))
    assert problems == []
    article = loaded[0].article
    assert article.id == "<stdin>" and article.source == "stdin"
    assert article.published.isoformat() == "2023-08-15"


def test_same_relative_name_in_two_folders_keeps_ids_unique(make_corpus):
    a = make_corpus({"x.txt": "83 companies came."})
    b = make_corpus({"x.txt": "82 companies came."})
    loaded, _ = load_articles([str(a), str(b)])
    ids = [ld.article.id for ld in loaded]
    assert len(set(ids)) == 2 and ids[0] == "x.txt"


# ----------------------------------------------------------------------------- date inferred, files untouched


def test_inferred_date_is_said_in_the_reports(make_corpus, run_cli):
    root = make_corpus({
        "a.txt": "date 2023-08-15\nThe forum drew 83 foreign companies.",
        "b.txt": "Sputnik Africa, 15.08.2023\n\nThe forum drew 82 foreign companies.",
    })
    table = run_cli("run", root, "--no-reports")
    assert "note: b.txt: date 2023-08-15 inferred from the text" in table.stdout
    markdown = run_cli("run", root, "--no-reports", "-f", "markdown")
    assert "2023-08-15 (inferred from text)" in markdown.stdout
    data = json.loads(run_cli("run", root, "--no-reports", "-f", "json").stdout)
    dates = {a["article"]: (a["published"], a["date_from"]) for a in data["articles"]}
    assert dates == {"a.txt": ("2023-08-15", "metadata"), "b.txt": ("2023-08-15", "text")}


def _digests(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_input_files_are_never_modified(make_corpus, run_cli, tmp_path):
    root = make_corpus({
        "a.txt": "\ufeffdate 2023-08-15\r\nThe forum drew 83 foreign companies.\r\n",
        "b.md": "---\ndate: 2023-08-16\n---\nThe forum drew 82 foreign companies.\n",
        "c.html": "<p>The forum drew 84&nbsp;foreign companies.</p>",
        "bad.txt": b"\xff\xfe",
    })
    before = _digests(root)
    run_cli("run", root, "--reports-dir", tmp_path / "reports", "-f", "json")
    run_cli("extract", root, "-f", "csv")
    assert _digests(root) == before


# ----------------------------------------------------------------------------- suppression comments

SUPPRESSING = ("---\ndate: 2023-08-16\n---\n"
               '<!-- factcheck: ignore[FC101] reason="checked with 3 editors" -->\n'
               "Organizers said 84 foreign companies took part in the Army-2023 forum.\n")
OTHER = "date 2023-08-15\n83 foreign companies took part in the Army-2023 forum.\n"


def test_suppression_comments_are_masked_when_loading():
    loaded = parse("b.md", SUPPRESSING)
    comment = SUPPRESSING.index("<!--")
    assert loaded.article.text == SUPPRESSING  # the text as on disk: what suppress reads
    assert loaded.view[comment:SUPPRESSING.index("\n", comment)].strip() == ""
    assert "Organizers said 84" in loaded.view
    # Only Markdown and HTML articles carry suppression comments.
    assert "3 editors" in parse("b.txt", SUPPRESSING).view


def test_no_command_reads_a_suppression_comment_as_a_claim(run_cli, make_corpus):
    root = make_corpus({"a.txt": OTHER, "b.md": SUPPRESSING})
    result = run_cli("extract", root, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["article"], c["text"]) for c in claims] == [("a.txt", "83"), ("b.md", "84")]
    assert not any("editors" in c["entity"] for c in claims)
    # `run` still honours the suppression: the conflict is reported, marked suppressed.
    result = run_cli("run", root, "--no-reports", "-f", "json")
    report = json.loads(result.stdout)
    assert report["summary"]["claims"] == 2
    [finding] = report["findings"]
    assert finding["rule"] == "FC101"
    assert finding["suppressed"] == {"kind": "inline", "reason": "checked with 3 editors", "where": "b.md:4"}


def test_a_date_line_at_the_top_beats_a_later_date_in_the_body():
    text = ("Ross remains in negotiations to direct the sequel\nWednesday, 04 April 2012 10:30\n"
            "The studio staked out a November 22, 2013 release date for the sequel.\n")
    article = parse("a.txt", text).article
    assert (str(article.published), article.date_origin) == ("2012-04-04", "text")


def test_without_a_date_line_the_latest_date_of_the_text_dates_the_article():
    text = ("The studio said on March 3, 2012 that the sequel would open on November 22, 2013, "
            "a date it kept in every statement since.\n")
    article = parse("a.txt", text).article
    assert (str(article.published), article.date_origin) == ("2013-11-22", "text")
