"""--engine dask runs the same work as a Dask graph: on a LocalCluster with two workers, a
generated 2,000-article archive gives the findings of the local engine."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from checker.engine import Engine
from checker.pipeline import run

pytest.importorskip("dask.distributed")

_SYLLABLES = ["ka", "lo", "ri", "ven", "dor", "mi", "sa", "tu", "bel", "gra", "no", "fen", "zu", "har", "pi", "qua"]
_OUTLETS = ["Daily Planet", "Metro Herald", "Coast Wire", "Valley Times"]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def generated_archive(path: Path, stories: int = 500, per_story: int = 4) -> Path:
    """STORIES stories of PER_STORY short reports each; some reports disagree on the toll or on
    the number of people evacuated."""
    rng = random.Random(13)
    with open(path, "w", encoding="utf-8") as handle:
        for s in range(stories):
            town, river = _place(rng), _place(rng)
            killed, evacuated = rng.randint(5, 90), rng.randint(2, 40) * 100
            day = f"20{10 + s % 14:02d}-{1 + s % 12:02d}-{1 + s % 27:02d}"
            for k in range(per_story):
                toll = killed + (rng.choice([0, 0, 0, 3]) if k else 0)
                body = (f"Floods along the {river} river near {town} killed {toll} people on Monday, officials in "
                        f"{town} said. Rescue teams evacuated {evacuated + (100 if k == 3 and s % 5 == 0 else 0):,} "
                        f"residents from villages along the {river}.")
                handle.write(json.dumps({"id": f"s{s}-{k}", "source": _OUTLETS[k], "date": day, "text": body}) + "\n")
    return path


def test_dask_gives_the_findings_of_the_local_engine(tmp_path):
    from checker.dask_engine import DaskEngine

    archive = generated_archive(tmp_path / "archive.jsonl")
    local = run([str(archive)], engine=Engine(jobs=1))
    distributed = run([str(archive)], engine=DaskEngine(jobs=2))
    assert len(local.loaded) == 2000
    assert len(local.findings) > 50
    assert json.dumps(distributed.to_dict(), sort_keys=True, default=str) == json.dumps(
        local.to_dict(), sort_keys=True, default=str)


def test_dask_with_the_store_gives_the_same_findings_cold_and_warm(tmp_path):
    from checker.dask_engine import DaskEngine

    archive = generated_archive(tmp_path / "archive.jsonl", stories=100)
    store = str(tmp_path / "claims.sqlite")
    local = run([str(archive)], engine=Engine(jobs=1))
    cold = run([str(archive)], engine=DaskEngine(jobs=2, store_path=store))
    warm_engine = DaskEngine(jobs=2, store_path=store)
    warm = run([str(archive)], engine=warm_engine)
    assert (warm_engine.counts.extracted, warm_engine.counts.from_store) == (0, 400)
    assert local.findings
    reports = {json.dumps(r.to_dict(), sort_keys=True, default=str) for r in (local, cold, warm)}
    assert len(reports) == 1
