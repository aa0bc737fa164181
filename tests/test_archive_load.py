"""Newsroom exports and saved pages: JSON Lines, JSON arrays, ninjs, and a page's main text and
metadata (checker.load.records, checker.load.page)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.load import Fields, load_articles
from checker.pipeline import run

DATA = Path(__file__).parent / "data" / "archive"

# Four articles about one story that disagree: 52 against 40 killed, 1,500 against 1,200 evacuated.
FOUR = [
    ("dp-101", "Daily Planet", "2024-03-02", "Ridgeview dam collapse kills 40",
     "At least 40 people were killed when the Ridgeview dam collapsed on Friday night, regional officials said.\n\n"
     "Rescue teams evacuated 1,200 residents from villages below the Ridgeview dam, the emergency ministry said."),
    ("mh-7", "Metro Herald", "2024-03-02", "Ridgeview dam: 52 dead",
     "The collapse of the Ridgeview dam on Friday night killed 52 people, regional officials said.\n\n"
     "Rescue teams evacuated 1,200 residents from villages below the dam, according to the emergency ministry."),
    ("cw-33", "Coast Wire", "2024-03-03", "Ridgeview dam disaster",
     "Forty people were killed in the Ridgeview dam collapse on Friday night, officials said on Saturday.\n\n"
     "Rescue teams evacuated 1,500 residents from the villages below the Ridgeview dam, the emergency ministry said."),
    ("vt-9", "Valley Times", "2024-03-03", "Villages flooded after Ridgeview dam fails",
     "The Ridgeview dam collapse on Friday night killed 40 people, regional officials said.\n\n"
     "Emergency teams evacuated 1,200 residents from villages below the dam, the emergency ministry said."),
]


def _markdown(folder: Path) -> Path:
    folder.mkdir()
    for rid, source, date, title, body in FOUR:
        (folder / f"{rid}.md").write_text(f"---\ntitle: {json.dumps(title)}\ndate: {date}\nsource: {source}\n---\n"
                                          f"{body}\n", encoding="utf-8")
    return folder


def _jsonl(path: Path) -> Path:
    lines = [json.dumps({"id": rid, "title": title, "publisher": source, "datePublished": f"{date}T08:00:00Z",
                         "text": body}) for rid, source, date, title, body in FOUR]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _json_array(path: Path) -> Path:
    records = [{"guid": rid, "headline": title, "source": {"name": source}, "published": date, "content": body}
               for rid, source, date, title, body in FOUR]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    return path


def _ninjs(folder: Path) -> Path:
    folder.mkdir()
    for rid, source, date, title, body in FOUR:
        html = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n"))
        doc = {"uri": rid, "type": "text", "headline": title, "versioncreated": f"{date}T10:00:00Z",
               "copyrightholder": source, "body_html": html}
        (folder / f"{rid}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def _facts(result) -> list[tuple]:
    """What a finding says, without where: rule, entity and each source's value."""
    return sorted((f.rule, f.entity, tuple(sorted((c["source"], c["text"]) for c in f.claims))) for f in result.findings)


@pytest.mark.parametrize("make", [_jsonl, _json_array, _ninjs], ids=["jsonl", "json-array", "ninjs"])
def test_an_export_gives_the_findings_of_the_same_articles_as_files(tmp_path, make):
    as_files = run([str(_markdown(tmp_path / "md"))])
    exported = make(tmp_path / ("export.jsonl" if make is _jsonl else "export.json" if make is _json_array else "ninjs"))
    as_records = run([str(exported)])
    assert not as_records.problems
    assert len(as_records.loaded) == 4
    assert _facts(as_records) == _facts(as_files)
    assert any(f.rule == "FC101" for f in as_records.findings)


def _record_bodies(path: Path) -> dict[int, dict]:
    """Record line -> record, of a JSON Lines file."""
    return {n: json.loads(line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)}


def test_evidence_points_at_the_record_and_the_characters_of_its_body(tmp_path):
    path = _jsonl(tmp_path / "export.jsonl")
    result = run([str(path)])
    records = _record_bodies(path)
    articles = {a["article"]: a for a in result.to_dict()["articles"]}
    assert set(articles) == {f"export.jsonl#{rid}" for rid, *_ in FOUR}
    for finding in result.findings:
        for claim in finding.claims:
            entry = articles[claim["article"]]
            record = records[entry["record"]]
            assert claim["article"] == f"export.jsonl#{record['id']}"
            assert entry["field"] == "text"
            assert record["text"][claim["start"]:claim["end"]] == claim["text"]
    summary = articles["export.jsonl#mh-7"]
    assert (summary["source"], summary["source_from"], summary["published"], summary["date_from"]) == (
        "Metro Herald", "metadata", "2024-03-02", "metadata")


def test_ninjs_html_bodies_keep_offsets_into_the_html_field(tmp_path):
    folder = _ninjs(tmp_path / "ninjs")
    result = run([str(folder)])
    for finding in result.findings:
        for claim in finding.claims:
            file, rid = claim["article"].split("#")
            body = json.loads((folder / file).read_text(encoding="utf-8"))["body_html"]
            assert body[claim["start"]:claim["end"]] == claim["text"]
            assert rid == Path(file).stem


def test_records_without_ids_are_named_by_line_and_bad_records_do_not_stop_the_others(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"title": "One", "body": "Officials said 40 people were killed."}),
        "{not json",
        json.dumps({"title": "No body"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"body": "Rescuers evacuated 1,200 residents.", "date": "last week"}),
        json.dumps({"body": "Rescuers evacuated 1,500 residents."}),
    ]) + "\n", encoding="utf-8")
    loaded, problems = load_articles([str(path)])
    assert [item.article.id for item in loaded] == ["mixed.jsonl#1", "mixed.jsonl#7"]
    messages = sorted(f"{p.path}: {p.problem}" for p in problems)
    assert [m.split(": ", 1)[0].rsplit("/", 1)[-1] for m in messages] == [
        "mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:5", "mixed.jsonl:6"]
    assert "invalid JSON" in messages[0]
    assert "no body field (looked for body, text, content" in messages[1]
    assert "must be a JSON object" in messages[2]
    assert "'last week' is not an ISO date" in messages[3]


def test_field_names_are_configurable(tmp_path):
    path = tmp_path / "cms.jsonl"
    path.write_text(json.dumps({"story_id": "s1", "story_text": "Officials said 40 people were killed.",
                                "outlet_name": "Metro Herald"}) + "\n", encoding="utf-8")
    _, problems = load_articles([str(path)])
    assert problems and "--field body=NAME" in problems[0].problem
    fields = Fields().override({"body": "story_text", "id": ["story_id"], "source": "outlet_name"})
    loaded, problems = load_articles([str(path)], fields=fields)
    assert not problems
    assert (loaded[0].article.id, loaded[0].article.source) == ("cms.jsonl#s1", "Metro Herald")


def test_an_export_in_a_folder_is_found(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    _jsonl(folder / "export.jsonl")
    loaded, problems = load_articles([str(folder)])
    assert len(loaded) == 4 and not problems


def test_a_saved_page_gives_claims_only_from_its_article_and_metadata_from_the_page():
    result = run([str(DATA / "page.html")])
    text = (DATA / "page.html").read_text(encoding="utf-8")
    body = (text.index("<p>At least 40"), text.index("</article>"))
    headline = (text.index("<h1>"), text.index("</h1>"))
    claims = result.claims_table()
    assert len(claims) >= 8
    for start, claim_text in zip(claims["start"], claims["text"], strict=True):
        assert body[0] <= start < body[1] or headline[0] <= start < headline[1], claim_text
        assert text[start:start + len(claim_text)] == claim_text  # offsets are those of the file
    for boilerplate in ("843", "1,000,000", "99 cents", "$2 million", "18", "25"):
        assert boilerplate not in set(claims["text"])
    article = result.to_dict()["articles"][0]
    assert (article["source"], article["source_from"]) == ("Metro Herald", "metadata")
    assert (article["published"], article["date_from"]) == ("2024-03-02", "metadata")
    assert article["url"] == "https://metroherald.example/2024/03/02/ridgeview-dam"
    assert article["title"] == "Ridgeview dam collapse kills 40"
