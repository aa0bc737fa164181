"""Load and extract articles: in this process, on all cores, or from the claim store.

The unit of work is a batch of articles: each article is loaded (text files are read in the
worker; records of an export are parsed once, here, and sent in batches), keyed, looked up in the
claim store, and extracted only when it is not there; new extractions are written back at once
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
    problems: list[ArticleError] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    notes: list = field(default_factory=list)   # ArticleNote: empty articles, sentences not read to their end


class Worker:
    """What one process needs to extract: the extractor, the frame reader, the store."""

    def __init__(self, rules: Rules, store_path: str | None, fields: Fields | None):
        self.extractor = Extractor(rules)
        self.reader = frame_reader(rules)
        self.fields = fields
        self.space = namespace(rules.files)
        self.store_path = store_path
        self.store: ClaimStore | None = None
        self.warnings: list[str] = []

    def _store(self) -> ClaimStore | None:
        if self.store is None and self.store_path is not None:
            self.store = ClaimStore(self.store_path, warn=self.warnings.append)
        return self.store

    def run(self, task: tuple[str, list]) -> BatchResult:
        """TASK is ("files", [(id, path)]) or ("loaded", [Loaded])."""
        kind, items = task
        result = BatchResult()
        if kind == "files":
            for article_id, path in items:
                found, bad = load_file(article_id, Path(path), self.fields)
                result.loaded.extend(found)
                result.problems.extend(bad)
        else:
            result.loaded = list(items)
        result.notes.extend(ArticleNote(item.article.path, "empty article: no text to check")
                            for item in result.loaded if not any(c.isalnum() for c in item.view))
        self._extract(result)
        result.notes.extend(self.extractor.take_notes())
        return result

    def _extract(self, result: BatchResult) -> None:
        store = self._store()
        keys = [article_key(self.space, item.article, item.view) for item in result.loaded] if store else []
        stored = store.get(keys) if store else {}
        new, kept_loaded, kept_rows = [], [], []
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
        result.loaded, result.rows = kept_loaded, kept_rows
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


def tasks_of(files: list[tuple[str, Path | None]], fields: Fields | None, stdin=None) -> Iterator[tuple[str, list]]:
    """Batches of work in input order: text files by path; exports parsed here, their records sent;
    ``-`` (path None) read from STDIN here."""
    pending: list[tuple[str, str]] = []
    for article_id, path in files:
        if path is None or Path(path).suffix.lower() in RECORD_SUFFIXES:
            if pending:
                yield "files", pending
                pending = []
            found, bad = load_stdin(article_id, stdin) if path is None else load_file(article_id, Path(path), fields)
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
        tasks = list(tasks_of(files, self.fields, stdin))
        for kind, items in tasks:
            if kind == "problems":
                out.problems.extend(items)
        work = [t for t in tasks if t[0] != "problems"]
        return self._gather(work, rules, out, total=sum(len(items) for _, items in work))

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
            out.problems.extend(result.problems)
            out.notes.extend(result.notes)
            out.counts.add(result.counts)
            if self.on_progress and total is not None:
                self.on_progress(out.counts, len(out.loaded) + out.counts.failed, total)
        self.counts = out.counts
        return out

    def _results(self, tasks: list, rules: Rules) -> Iterator[tuple[BatchResult, list[str]]]:
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
