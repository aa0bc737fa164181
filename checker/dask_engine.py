"""``--engine dask``: the same work as a Dask graph, on a LocalCluster or an existing cluster.

What runs where:

- here (the client): finding and loading the articles (parsing is cheap next to extraction),
  keying them and looking them up in the claim store, writing new extractions to the store, and
  then (in checker.pipeline) story grouping, comparison, review and reports;
- on the workers: extraction only. The rules are scattered once to every worker (the loaded
  rule set, not the rules folder: workers need no files of the newsroom); each task ships one
  batch of loaded articles (id, outlet, date, the text as stored and its masked view) and returns
  their claim rows. Workers need factcheck installed (the same version), nothing else.

Results are gathered in input order, so the findings are those of the local engine (a test runs
both on a LocalCluster with two workers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .engine import BATCH, BatchResult, Counts, Engine, tasks_of
from .errors import ArticleError, UsageError
from .extract import Extractor
from .frames import frame_reader, frame_rows
from .load import Loaded, load_file
from .rules import Rules
from .store import ClaimStore, article_key, namespace, relabel

_EXTRACTORS: dict[int, tuple] = {}


def extract_batch(batch: list[Loaded], rules: Rules) -> list[list[dict] | str]:
    """On a worker: the claim rows of each article of BATCH, or why extraction failed."""
    if id(rules) not in _EXTRACTORS:
        _EXTRACTORS.clear()
        _EXTRACTORS[id(rules)] = (Extractor(rules), frame_reader(rules))
    extractor, reader = _EXTRACTORS[id(rules)]
    out: list[list[dict] | str] = []
    for item in batch:
        try:
            out.append(frame_rows(extractor.extract(item), item.article.text, reader))
        except Exception as exc:  # reported for this article; the others go on
            out.append(f"extraction failed ({type(exc).__name__}: {exc}); please report it")
    return out


@dataclass
class DaskEngine(Engine):
    scheduler: str | None = None   # address of an existing scheduler; None: a LocalCluster

    def _client(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'dask[distributed]'") from None
        if self.scheduler:
            return Client(self.scheduler), None
        cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster

    def _load(self, files, stdin) -> tuple[list[Loaded], list[ArticleError]]:
        loaded, problems = [], []
        for kind, items in tasks_of(files, self.fields, stdin):
            if kind == "problems":
                problems.extend(items)
            elif kind == "loaded":
                loaded.extend(items)
            else:
                for article_id, path in items:
                    found, bad = load_file(article_id, Path(path), self.fields)
                    loaded.extend(found)
                    problems.extend(bad)
        return loaded, problems

    def load_and_extract(self, files, rules: Rules, stdin=None) -> BatchResult:
        loaded, problems = self._load(files, stdin)
        return self._extract(loaded, problems, rules)

    def extract_loaded(self, loaded: list[Loaded], rules: Rules) -> BatchResult:
        return self._extract(list(loaded), [], rules)

    def _extract(self, loaded: list[Loaded], problems: list[ArticleError], rules: Rules) -> BatchResult:
        store = ClaimStore(self.store_path, warn=self.warn) if self.store_path else None
        space = namespace(rules.files)
        keys = [article_key(space, item.article, item.view) for item in loaded] if store else []
        stored = store.get(keys) if store else {}
        rows: list[list[dict] | str | None] = [
            relabel(stored[k], item.article.id) if k in stored else None for k, item in zip(keys, loaded, strict=True)
        ] if store else [None] * len(loaded)
        todo = [i for i, r in enumerate(rows) if r is None]
        counts = Counts(from_store=len(loaded) - len(todo))
        if todo:
            self._remote(loaded, todo, rows, rules, counts)
        out = BatchResult(problems=list(problems), counts=counts)
        new, extracted = [], set(todo)
        for index, item in enumerate(loaded):
            if isinstance(rows[index], str):
                out.problems.append(ArticleError(item.article.id, rows[index]))
                continue
            out.loaded.append(item)
            out.rows.append(rows[index])
            if store:
                out.keys.append(keys[index])
            if store and index in extracted:
                new.append((keys[index], rows[index]))
        if store:
            store.put(new)
            store.close()
        counts.failed = sum(isinstance(r, str) for r in rows)
        counts.extracted = len(todo) - counts.failed
        self.counts = counts
        return out

    def _remote(self, loaded, todo: list[int], rows: list, rules: Rules, counts: Counts) -> None:
        from dask.distributed import as_completed

        client, cluster = self._client()
        try:
            shared = client.scatter(rules, broadcast=True)
            batches = [todo[b:b + BATCH] for b in range(0, len(todo), BATCH)]
            futures = {client.submit(extract_batch, [loaded[i] for i in batch], shared, pure=False): batch
                       for batch in batches}
            done = 0
            for future in as_completed(futures):
                for index, result in zip(futures[future], future.result(), strict=True):
                    rows[index] = result
                done += len(futures[future])
                if self.on_progress:
                    self.on_progress(Counts(extracted=done, from_store=counts.from_store), counts.from_store + done,
                                     len(loaded))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
