"""The warm path: unchanged files are not read again (checker.file_cache), and an unchanged input's
story names and each unchanged story's findings come from the store (checker.result_cache). Every
test compares with a run without any store: a cache may save work, never change a result."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from archives import NEW_ARTICLE, report_json, seed_copies

import checker.file_cache
import checker.pipeline
import checker.result_cache
import checker.stories
from checker.compare import compare_claims
from checker.engine import Engine
from checker.pipeline import run
from checker.rules import load_rules
from checker.store import ClaimStore, decode_rows, encode_rows


def _archive(folder: Path, copies: int) -> Path:
    """Seed copies (tests/archives.py), their files dated an hour back (settled: the file cache may
    keep them)."""
    seed_copies(folder, copies)
    _settle(folder)
    return folder


def _settle(folder: Path) -> None:
    past = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (past, past))


def _crash(*args, **kwargs):
    raise AssertionError("called on a warm run")


def test_a_warm_run_reads_no_file_groups_nothing_and_compares_nothing(tmp_path, monkeypatch):
    folder = _archive(tmp_path / "a", 3)
    store = str(tmp_path / "claims.sqlite")
    cold = run([str(folder)], engine=Engine(store_path=store, jobs=2))
    assert cold.findings
    monkeypatch.setattr(checker.file_cache, "load_file", _crash)
    monkeypatch.setattr(checker.stories, "grouping", _crash)
    monkeypatch.setattr(checker.pipeline, "compare_claims", _crash)
    for jobs in (1, 2):
        engine = Engine(store_path=store, jobs=jobs)
        warm = run([str(folder)], engine=engine)
        assert (engine.counts.extracted, engine.counts.from_store) == (0, 15)
        assert report_json(warm) == report_json(cold)
    monkeypatch.undo()
    assert report_json(cold) == report_json(run([str(folder)]))


def test_a_changed_file_is_read_again_and_only_its_story_compared(tmp_path, monkeypatch):
    folder = _archive(tmp_path / "a", 3)
    store = str(tmp_path / "claims.sqlite")
    run([str(folder)], engine=Engine(store_path=store))
    edited = folder / "001_000_4e0e0dac921ab872.txt"   # copy 1 of seed 000: "84 foreign companies"
    # the same size and a new modification time: the stat differs, so the file is read again
    text = edited.read_text(encoding="utf-8")
    assert " 84 " in text
    edited.write_text(text.replace(" 84 ", " 48 ", 1), encoding="utf-8")
    os.utime(edited, (time.time() - 60, time.time() - 60))
    read, compared = [], []
    load_file = checker.file_cache.load_file
    monkeypatch.setattr(checker.file_cache, "load_file", lambda i, p, f=None: read.append(i) or load_file(i, p, f))
    monkeypatch.setattr(checker.pipeline, "compare_claims",
                        lambda claims, *a, **k: compared.append(set(claims["story"])) or compare_claims(claims, *a, **k))
    engine = Engine(store_path=store)
    warm = run([str(folder)], engine=engine)
    assert read == [edited.name] and (engine.counts.extracted, engine.counts.from_store) == (1, 14)
    story = {c["story"] for c in warm.claims_table().to_dict("records") if c["article"] == edited.name}
    assert compared == [story]
    monkeypatch.undo()
    assert report_json(warm) == report_json(run([str(folder)]))


def test_a_file_changed_in_the_last_seconds_is_not_remembered(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    fresh = folder / "fresh.txt"
    fresh.write_text("Officials said 12 people were injured.\n", encoding="utf-8")
    assert checker.file_cache.file_key("space", fresh, None) is None
    assert checker.file_cache.file_key("space", fresh, None, now=time.time() + 60)


def test_stored_findings_in_story_order_are_compare_claims_order(tmp_path):
    folder = _archive(tmp_path / "a", 4)
    store = str(tmp_path / "claims.sqlite")
    rules = load_rules()
    for _ in range(2):  # cold: one comparison of every story; warm: every story's findings from the store
        caches: list = []
        _, claims, _ = checker.pipeline.extract_paths([str(folder)], rules, Engine(store_path=store), caches=caches)
        cached = caches[0].compare(claims, rules, [])
        caches[0].store.close()
        assert [f.to_dict() for f in cached] == [f.to_dict() for f in compare_claims(claims, rules, [])]
        # copies of undated seeds pool into shared stories, and a sentence joins the story it
        # belongs to: fewer stories than copies hold findings, but several do
        assert len({f.story for f in cached}) >= 3


def test_new_grouping_or_comparison_code_invalidates_the_results(tmp_path, monkeypatch):
    folder = _archive(tmp_path / "a", 2)
    store = str(tmp_path / "claims.sqlite")
    cold = run([str(folder)], engine=Engine(store_path=store))
    calls = []
    group = checker.stories.grouping
    monkeypatch.setattr(checker.stories, "grouping", lambda *a: calls.append("group") or group(*a))
    monkeypatch.setattr(checker.pipeline, "compare_claims",
                        lambda *a, **k: calls.append("compare") or compare_claims(*a, **k))
    monkeypatch.setattr(checker.result_cache, "code_digest", lambda: "another checker")
    warm = run([str(folder)], engine=Engine(store_path=store))
    assert calls == ["group", "compare"]
    assert report_json(warm) == report_json(cold)


def test_a_damaged_result_is_never_believed(tmp_path):
    folder = _archive(tmp_path / "a", 2)
    store = tmp_path / "claims.sqlite"
    cold = run([str(folder)], engine=Engine(store_path=str(store)))
    with sqlite3.connect(store) as db:
        for key, payload in db.execute("SELECT key, payload FROM results").fetchall():
            entries = decode_rows(payload)
            if isinstance(entries, list) and entries and isinstance(entries[0], dict):
                entries[0]["message"] = "a wrong message"
            elif isinstance(entries, list) and entries:
                entries[0] = "a wrong story"
            db.execute("UPDATE results SET payload = ? WHERE key = ?", (encode_rows(entries), key))
    warnings: list[str] = []
    warm = run([str(folder)], engine=Engine(store_path=str(store), warn=warnings.append))
    assert any("damaged entry" in w for w in warnings)
    assert report_json(warm) == report_json(cold)


@pytest.mark.parametrize("entry", [["not", "a finding"], {"a": 1}])
def test_a_result_of_another_shape_is_compared_again(tmp_path, entry):
    folder = _archive(tmp_path / "a", 1)
    store = tmp_path / "claims.sqlite"
    cold = run([str(folder)], engine=Engine(store_path=str(store)))
    db = ClaimStore(store)
    with sqlite3.connect(store) as raw:
        keys = [k for (k,) in raw.execute("SELECT key FROM results")]
    db.put([(k, entry) for k in keys], table="results")
    db.close()
    assert report_json(run([str(folder)], engine=Engine(store_path=str(store)))) == report_json(cold)


def test_comparison_on_processes_gives_the_findings_of_one(tmp_path, monkeypatch):
    import checker.compare_jobs as compare_jobs

    folder = _archive(tmp_path / "a", 6)
    rules = load_rules()
    _, claims, _ = checker.pipeline.extract_paths([str(folder)], rules, Engine())
    groups = compare_jobs.story_groups(claims, 4)
    assert len(groups) == 4 and sorted(s for g in groups for s in g) == sorted(set(claims["story"]))
    monkeypatch.setattr(compare_jobs, "MIN_CLAIMS", 0)
    problems: list = []
    on_two = compare_jobs.compare_in_processes(claims, rules, problems, jobs=2)
    assert not problems and len({f.story for f in on_two}) >= 5
    assert [f.to_dict() for f in on_two] == [f.to_dict() for f in compare_claims(claims, rules, [])]


def test_check_after_run_reads_only_the_new_file_and_names_archive_files_its_way(tmp_path, monkeypatch):
    from checker.gate import check_articles

    corpus = _archive(tmp_path / "archive", 2)
    new = tmp_path / "new.md"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    store = str(tmp_path / "claims.sqlite")
    rules = load_rules(None)
    run([str(corpus)], rules=rules, engine=Engine(store_path=store))
    read = []
    load_file = checker.file_cache.load_file
    monkeypatch.setattr(checker.file_cache, "load_file", lambda i, p, f=None: read.append(i) or load_file(i, p, f))
    result = check_articles([new], [corpus], rules, root=tmp_path, engine=Engine(store_path=store, jobs=2))
    assert read == ["new.md"]
    assert set(result.claims["article"]) == {"new.md"} | {f"archive/{p.name}" for p in corpus.iterdir()}
    monkeypatch.undo()
    assert report_json(result) == report_json(check_articles([new], [corpus], rules, root=tmp_path))


def test_an_unchanged_export_is_read_from_the_store_with_its_record_ids(tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    records = [{"id": f"a{k}", "source": f"Outlet {k}", "date": "2023-08-15",
                "body": f"MOSCOW. Organizers said {83 + k % 2} foreign companies took part in the Army-2023 forum."}
               for k in range(4)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _settle(folder)
    store = str(tmp_path / "claims.sqlite")
    cold = run([str(folder)], engine=Engine(store_path=store))
    assert {a.id for a in cold.articles} == {f"feed.jsonl#a{k}" for k in range(4)} and cold.findings
    monkeypatch.setattr(checker.file_cache, "load_file", _crash)
    warm = run([str(folder)], engine=Engine(store_path=store))
    assert report_json(warm) == report_json(cold)


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path):
    folder = _archive(tmp_path / "a", 1)
    store = str(tmp_path / "claims.sqlite")
    run([str(folder)], engine=Engine(store_path=store))
    edited = folder / "000_000_4e0e0dac921ab872.txt"
    before = edited.stat()
    edited.write_text(edited.read_text(encoding="utf-8").replace(" 83 ", " 38 ", 1), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))   # as rsync -t or touch -r would
    assert (edited.stat().st_size, edited.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    time.sleep(0.01)
    warm = run([str(folder)], engine=Engine(store_path=store))
    assert " 38 " in warm.loaded[0].article.text
    assert report_json(warm) == report_json(run([str(folder)]))
