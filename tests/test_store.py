"""The claim store (checker.store) and the engine that reads and fills it (checker.engine): an
unchanged article is never extracted twice, changed rules re-extract, damage is detected and never
gives a wrong result, two runs at once share the store, and --jobs N gives the output of --jobs 1."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from archives import NEW_ARTICLE, SEEDS, report_json, seed_copies

from checker.engine import Engine
from checker.gate import check_articles
from checker.pipeline import run
from checker.rules import default_rules_dir, load_rules
from checker.store import ClaimStore, decode_rows, encode_rows


def test_rows_survive_the_store_exactly():
    rows = [{"value": 83, "low": 82.5, "high": None, "text": "83 – “x”", "_context": frozenset({"a", "b"}),
             "_increment": False, "period": 2023}]
    assert decode_rows(encode_rows(rows)) == rows


def test_a_second_run_reads_every_article_from_the_store(tmp_path):
    store = tmp_path / "cache" / "claims.sqlite"
    cold_engine, warm_engine = Engine(store_path=str(store)), Engine(store_path=str(store))
    cold = run([str(SEEDS)], engine=cold_engine)
    warm = run([str(SEEDS)], engine=warm_engine)
    assert (cold_engine.counts.extracted, cold_engine.counts.from_store) == (5, 0)
    assert (warm_engine.counts.extracted, warm_engine.counts.from_store) == (0, 5)
    assert report_json(warm) == report_json(cold) == report_json(run([str(SEEDS)]))


def test_an_edited_article_alone_is_extracted_again(tmp_path):
    folder = seed_copies(tmp_path / "a", 1)
    store = str(tmp_path / "claims.sqlite")
    run([str(folder)], engine=Engine(store_path=store))
    edited = sorted(folder.iterdir())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOrganizers counted 90 stands.\n", encoding="utf-8")
    engine = Engine(store_path=store)
    run([str(folder)], engine=engine)
    assert (engine.counts.extracted, engine.counts.from_store) == (1, 4)


def test_changed_rules_re_extract(tmp_path):
    store = str(tmp_path / "claims.sqlite")
    rules_dir = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules_dir)
    run([str(SEEDS)], rules=load_rules(rules_dir), engine=Engine(store_path=store))
    with open(rules_dir / "numbers.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# an editor's comment changes the rules' digest\n")
    engine = Engine(store_path=store)
    run([str(SEEDS)], rules=load_rules(rules_dir), engine=engine)
    assert engine.counts.extracted == 5


def test_a_damaged_store_file_is_rebuilt_with_a_warning(tmp_path):
    store = tmp_path / "claims.sqlite"
    run([str(SEEDS)], engine=Engine(store_path=str(store)))
    store.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    engine = Engine(store_path=str(store), warn=warnings.append)
    result = run([str(SEEDS)], engine=engine)
    assert any("damaged" in w and "rebuilt" in w for w in warnings), warnings
    assert engine.counts.extracted == 5
    assert report_json(result) == report_json(run([str(SEEDS)]))
    assert list(tmp_path.glob("claims.sqlite.damaged-*"))
    engine = Engine(store_path=str(store))
    run([str(SEEDS)], engine=engine)
    assert engine.counts.from_store == 5


def test_a_damaged_entry_is_never_believed(tmp_path):
    store = tmp_path / "claims.sqlite"
    run([str(SEEDS)], engine=Engine(store_path=str(store)))
    with sqlite3.connect(store) as db:
        key, payload = db.execute("SELECT key, payload FROM extractions LIMIT 1").fetchone()
        # a payload that decodes fine but says something else: its digest no longer matches
        rows = decode_rows(payload)
        rows[0]["value"] = 999_999
        db.execute("UPDATE extractions SET payload = ? WHERE key = ?", (encode_rows(rows), key))
    warnings: list[str] = []
    engine = Engine(store_path=str(store), warn=warnings.append)
    result = run([str(SEEDS)], engine=engine)
    assert (engine.counts.extracted, engine.counts.from_store) == (1, 4)
    assert any("damaged entry" in w for w in warnings)
    assert report_json(result) == report_json(run([str(SEEDS)]))


def test_a_store_that_cannot_be_created_leaves_the_run_without_one(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    warnings: list[str] = []
    store = ClaimStore(blocker / "sub" / "claims.sqlite", warn=warnings.append)
    assert not store.usable and warnings
    assert store.get(["k"]) == {}
    store.put([("k", [])])  # does nothing, raises nothing


def test_jobs_give_the_output_of_one_process(tmp_path):
    folder = seed_copies(tmp_path / "a", 14)  # 70 articles: three batches
    one = run([str(folder)], engine=Engine(jobs=1))
    two = run([str(folder)], engine=Engine(jobs=2))
    assert len(one.loaded) == 70 and one.findings
    assert report_json(two) == report_json(one)


def test_check_extracts_only_the_new_article(tmp_path):
    corpus = seed_copies(tmp_path / "archive", 2)
    new = tmp_path / "new.md"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    store = str(tmp_path / "claims.sqlite")
    rules = load_rules(None)
    check_articles([], [corpus], rules, root=tmp_path, whole_corpus=True, engine=Engine(store_path=store))
    engine = Engine(store_path=store)
    result = check_articles([new], [corpus], rules, root=tmp_path, engine=engine)
    assert (engine.counts.extracted, engine.counts.from_store) == (1, 10)
    fresh = check_articles([new], [corpus], rules, root=tmp_path)
    assert report_json(result) == report_json(fresh)


def test_run_and_check_share_entries_and_copies_keep_their_names(tmp_path):
    folder = seed_copies(tmp_path / "archive", 1)
    shutil.copy(sorted(folder.iterdir())[0], folder / "zz_copy.txt")
    store = str(tmp_path / "claims.sqlite")
    first = Engine(store_path=store)
    cold = run([str(folder)], engine=first)
    assert (first.counts.extracted, first.counts.from_store) == (6, 0)
    engine = Engine(store_path=store)
    warm = run([str(folder)], engine=engine)
    assert report_json(warm) == report_json(cold)
    # `check` names the files relative to the root (archive/...), `run` relative to the folder
    engine = Engine(store_path=store)
    result = check_articles([], [folder], load_rules(None), root=tmp_path, whole_corpus=True, engine=engine)
    assert (engine.counts.extracted, engine.counts.from_store) == (0, 6)
    assert set(result.claims["article"]) == {f"archive/{p.name}" for p in folder.iterdir()}


def test_two_runs_at_once_share_the_store(tmp_path):
    folder = seed_copies(tmp_path / "a", 6)
    store = tmp_path / "claims.sqlite"
    command = [sys.executable, "-m", "checker", "run", str(folder), "--store", str(store), "--no-reports",
               "-f", "json", "--jobs", "1"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert outputs[0][0] == outputs[1][0]
    assert not any("damaged" in err for _, err in outputs)
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        together = db.execute("SELECT count(*) FROM extractions").fetchone()[0]
    alone = tmp_path / "alone.sqlite"
    run([str(folder)], engine=Engine(store_path=str(alone)))
    with sqlite3.connect(alone) as db:  # copies with the same text share an entry
        assert together == db.execute("SELECT count(*) FROM extractions").fetchone()[0] > 0


@pytest.mark.parametrize("flags", [["--no-store"], []], ids=["no-store", "default-store"])
def test_the_cli_store_flags(tmp_path, flags):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-m", "checker", "run", str(SEEDS), "--no-reports", "-q", *flags],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    cache = tmp_path / ".factcheck-cache"
    assert cache.is_dir() == (not flags)
    if not flags:
        assert (cache / "claims.sqlite").is_file()
        assert (cache / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
