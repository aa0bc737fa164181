"""Load and extract articles: in this process, on all cores, or from the claim store.

The unit of work is a batch of articles: each article is loaded (text files are read in the
worker, or taken from the store when the file is unchanged: ``checker.file_cache``; records of an
export are parsed once, here, and sent in batches), keyed, looked up in the claim store, and
extracted only when it is not there; new extractions are written back at once
(short transactions), so claims stream into the store. Results come back in input order, so the
output does not depend on the number of processes (``--jobs 1`` and ``--jobs N`` give the same
report; a test holds it).

Story grouping, comparison and review need the whole input and run after this, in the calling
process (``checker.pipeline``).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .errors import ArticleError, ArticleNote, internal_error
from .extract import Extractor
from .file_cache import load_files, stored_files
from .frames import frame_reader, frame_rows
from .load import RECORD_SUFFIXES, Fields, Loaded, load_file, load_stdin
from .rules import Rules
from .store import ClaimStore, article_key, namespace, relabel

BATCH = 32  # articles per task: large enough to hide the cost of a task, small enough to balance cores


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Counts:
    """What happened to the articles of a run (the progress bar and the summary show them)."""

    extracted: int = 0
    from_store: int = 0
    failed: int = 0

    def add(self, other: "Counts") -> None:
        self.extracted += other.extracted
        self.from_store += other.from_store
        self.failed += other.failed


@dataclass
class BatchResult:
    loaded: list[Loaded] = field(default_factory=list)
    rows: list[list[dict]] = field(default_factory=list)   # per article, in order
    keys: list[str] = field(default_factory=list)   # per article, its extraction key (only with a store)
    problems: list[ArticleError] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    notes: list = field(default_factory=list)   # ArticleNote: empty articles, sentences not read to their end


class Worker:
    """What one process needs to extract: the extractor, the frame reader, the store."""

    def __init__(self, rules: Rules, store_path: str | None, fields: Fields | None):
        self.rules = rules
        self._extractor: Extractor | None = None
        self._reader = None
        self.fields = fields
        self.space = namespace(rules.files)
        self.store_path = store_path
        self.store: ClaimStore | None = None
        self.warnings: list[str] = []

    @property
    def extractor(self) -> Extractor:
        """Built on first use: a warm run, all from the store, never needs one."""
        if self._extractor is None:
            self._extractor = Extractor(self.rules)
        return self._extractor

    @property
    def reader(self):
        if self._reader is None:
            self._reader = frame_reader(self.rules)
        return self._reader

    def _store(self) -> ClaimStore | None:
        if self.store is None and self.store_path is not None:
            self.store = ClaimStore(self.store_path, warn=self.warnings.append)
        return self.store

    def run(self, task: tuple[str, list]) -> BatchResult:
        """TASK is ("files", [(id, path)]) or ("loaded", [Loaded])."""
        kind, items = task
        result = BatchResult()
        if kind == "files":
            result.loaded, result.problems, _ = load_files(self._store(), self.space, items, self.fields)
        else:
            result.loaded = list(items)
        result.notes.extend(ArticleNote(item.article.path, "empty article: no text to check")
                            for item in result.loaded if not any(c.isalnum() for c in item.view))
        self._extract(result)
        if self._extractor is not None:
            result.notes.extend(self._extractor.take_notes())
        return result

    def run_stored(self, task: tuple[str, list]) -> BatchResult | None:
        """TASK's result when every file of it is unchanged and every article's claims are in the
        store, read here without loading or extracting anything; None otherwise."""
        store = self._store()
        kind, items = task
        if store is None:
            return None
        loaded = stored_files(store, self.space, items, self.fields) if kind == "files" else list(items)
        if loaded is None:
            return None
        keys = [article_key(self.space, item.article, item.view) for item in loaded]
        stored = store.get(keys)
        if len(stored) < len(set(keys)):
            return None
        result = BatchResult(loaded=loaded, keys=keys, counts=Counts(from_store=len(loaded)))
        result.rows = [relabel(stored[key], item.article.id) for key, item in zip(keys, loaded, strict=True)]
        result.notes.extend(ArticleNote(item.article.path, "empty article: no text to check")
                            for item in loaded if not any(c.isalnum() for c in item.view))
        return result

    def _extract(self, result: BatchResult) -> None:
        store = self._store()
        keys = [article_key(self.space, item.article, item.view) for item in result.loaded] if store else []
        stored = store.get(keys) if store else {}
        new, kept_loaded, kept_rows, kept_keys = [], [], [], []
        for index, item in enumerate(result.loaded):
            key = keys[index] if store else None
            if key in stored:
                rows = relabel(stored[key], item.article.id)
                result.counts.from_store += 1
            else:
                try:
                    rows = frame_rows(self.extractor.extract(item), item.article.text, self.reader)
                except Exception as exc:  # one article the extractor cannot read must not stop the others
                    result.problems.append(internal_error(item.article.path, exc, "extracting claims"))
                    result.counts.failed += 1
                    continue
                result.counts.extracted += 1
                if key is not None:
                    new.append((key, rows))
            kept_loaded.append(item)
            kept_rows.append(rows)
            if key is not None:
                kept_keys.append(key)
        result.loaded, result.rows, result.keys = kept_loaded, kept_rows, kept_keys
        if store and new:
            store.put(new)


_WORKER: Worker | None = None


def _init_worker(rules: Rules, store_path: str | None, fields: Fields | None) -> None:
    global _WORKER
    _WORKER = Worker(rules, store_path, fields)


def _run_task(task) -> tuple[BatchResult, list[str]]:
    result = _WORKER.run(task)
    warnings, _WORKER.warnings = _WORKER.warnings, []
    return result, warnings


def tasks_of(files: list[tuple[str, Path | None]], fields: Fields | None, stdin=None,
             load: Callable[[str, Path], tuple[list[Loaded], list[ArticleError]]] | None = None
             ) -> Iterator[tuple[str, list]]:
    """Batches of work in input order: text files by path; exports parsed here (by LOAD, default
    load_file), their records sent; ``-`` (path None) read from STDIN here."""
    load = load or (lambda article_id, path: load_file(article_id, path, fields))
    pending: list[tuple[str, str]] = []
    for article_id, path in files:
        if path is None or Path(path).suffix.lower() in RECORD_SUFFIXES:
            if pending:
                yield "files", pending
                pending = []
            found, bad = load_stdin(article_id, stdin) if path is None else load(article_id, Path(path))
            if bad:
                yield "problems", bad
            for begin in range(0, len(found), BATCH):
                yield "loaded", found[begin:begin + BATCH]
            continue
        pending.append((article_id, str(path)))
        if len(pending) >= BATCH:
            yield "files", pending
            pending = []
    if pending:
        yield "files", pending


@dataclass
class Engine:
    """How a run loads and extracts: processes, store, progress."""

    jobs: int = 1
    store_path: str | None = None
    fields: Fields | None = None
    on_progress: Callable[[Counts, int, int], None] | None = None   # (counts so far, articles done, total)
    warn: Callable[[str], None] = lambda message: None
    counts: Counts = field(default_factory=Counts)

    def load_and_extract(self, files: list[tuple[str, Path | None]], rules: Rules, stdin=None) -> BatchResult:
        """Every article of FILES, loaded and extracted (or read from the store), in input order."""
        out = BatchResult()
        tasks = list(tasks_of(files, self.fields, stdin, self._export_loader(rules)))
        for kind, items in tasks:
            if kind == "problems":
                out.problems.extend(items)
        work = [t for t in tasks if t[0] != "problems"]
        return self._gather(work, rules, out, total=sum(len(items) for _, items in work))

    def _export_loader(self, rules: Rules):
        """How exports are loaded here: from the store when the file is unchanged (None: load_file)."""
        if self.store_path is None:
            return None
        space = namespace(rules.files)

        def load(article_id: str, path: Path) -> tuple[list[Loaded], list[ArticleError]]:
            store = ClaimStore(self.store_path, warn=self.warn)
            try:
                return load_files(store, space, [(article_id, str(path))], self.fields)[:2]
            finally:
                store.close()
        return load

    def extract_loaded(self, loaded: list[Loaded], rules: Rules) -> BatchResult:
        """Articles already loaded (stdin, examples, tests), extracted the same way."""
        tasks = [("loaded", loaded[b:b + BATCH]) for b in range(0, len(loaded), BATCH)]
        return self._gather(tasks, rules, BatchResult())

    def _gather(self, tasks: list, rules: Rules, out: BatchResult, total: int | None = None) -> BatchResult:
        """The batches' results appended to OUT in input order (warnings passed on; progress
        reported when TOTAL is given)."""
        for result, warnings in self._results(tasks, rules):
            for message in warnings:
                self.warn(message)
            out.loaded.extend(result.loaded)
            out.rows.extend(result.rows)
            out.keys.extend(result.keys)
            out.problems.extend(result.problems)
            out.notes.extend(result.notes)
            out.counts.add(result.counts)
            if self.on_progress and total is not None:
                self.on_progress(out.counts, len(out.loaded) + out.counts.failed, total)
        self.counts = out.counts
        return out

    def _results(self, tasks: list, rules: Rules) -> Iterator[tuple[BatchResult, list[str]]]:
        """Each task's result, in input order: what the store holds in full is read here (no
        process is started for a warm run), the rest is loaded and extracted on JOBS processes."""
        if self.store_path is None or self.jobs <= 1:
            yield from self._computed(tasks, rules)
            return
        local = Worker(rules, self.store_path, self.fields)
        stored = [local.run_stored(task) for task in tasks]
        warnings, local.warnings = local.warnings, []
        if local.store:
            local.store.close()
        computed = self._computed([t for t, s in zip(tasks, stored, strict=True) if s is None], rules)
        for result in stored:
            yield (result, warnings) if result is not None else next(computed)
            warnings = []

    def _computed(self, tasks: list, rules: Rules) -> Iterator[tuple[BatchResult, list[str]]]:
        if self.jobs <= 1 or len(tasks) <= 1:
            worker = Worker(rules, self.store_path, self.fields)
            for task in tasks:
                result = worker.run(task)
                warnings, worker.warnings = worker.warnings, []
                yield result, warnings
            if worker.store:
                worker.store.close()
            return
        with ProcessPoolExecutor(max_workers=min(self.jobs, len(tasks)), initializer=_init_worker,
                                 initargs=(rules, self.store_path, self.fields)) as pool:
            # map keeps input order; results stream back as they finish in order
            yield from pool.map(_run_task, tasks, chunksize=1)
