#!/usr/bin/env python3
"""Why the claim store is SQLite: the store's own workload on SQLite and DuckDB (not a test).

    python scripts/store_choice.py [--entries 20000]

Writes ENTRIES per-article payloads (zlib JSON of claim rows, ~1.5 KB, like the real store) in
batches of 500 (one transaction each), reads them all back by key in batches of 500, reads 1% of
them one key at a time (a `check` of a few articles), and tries a second process writing while the
first holds the file open (two CI jobs). DuckDB is measured only when installed.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import os
import random
import sqlite3
import tempfile
import time
import zlib
from pathlib import Path


def payloads(n: int) -> list[tuple[str, bytes]]:
    rng = random.Random(1)
    words = "people killed injured companies forum delegates million residents evacuated".split()
    out = []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(600)).encode()
        out.append((hashlib.blake2b(str(i).encode(), digest_size=20).hexdigest(), zlib.compress(text, 1)))
    return out


def sqlite_open(path: Path):
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS e (key TEXT PRIMARY KEY, payload BLOB)")
    return db


def duckdb_open(path: Path):
    import duckdb

    db = duckdb.connect(str(path))
    db.execute("CREATE TABLE IF NOT EXISTS e (key VARCHAR PRIMARY KEY, payload BLOB)")
    return db


def workload(db, items, kind: str) -> dict:
    t = time.perf_counter()
    for b in range(0, len(items), 500):
        db.execute("BEGIN TRANSACTION" if kind == "duckdb" else "BEGIN")
        db.executemany("INSERT OR REPLACE INTO e VALUES (?, ?)", items[b:b + 500])
        db.execute("COMMIT")
    write = time.perf_counter() - t
    keys = [k for k, _ in items]
    t = time.perf_counter()
    found = 0
    for b in range(0, len(keys), 500):
        chunk = keys[b:b + 500]
        found += len(db.execute(f"SELECT key, payload FROM e WHERE key IN ({','.join('?' * len(chunk))})",
                                chunk).fetchall())
    read = time.perf_counter() - t
    t = time.perf_counter()
    for key in keys[::100]:
        db.execute("SELECT payload FROM e WHERE key = ?", [key]).fetchall()
    point = (time.perf_counter() - t) / len(keys[::100]) * 1000
    return {"write_s": round(write, 2), "read_all_s": round(read, 2), "read_one_ms": round(point, 3),
            "found": found}


def _second_writer(kind: str, path: str, queue) -> None:
    try:
        db = sqlite_open(Path(path)) if kind == "sqlite" else duckdb_open(Path(path))
        db.execute("INSERT OR REPLACE INTO e VALUES (?, ?)", ["second", b"x"])
        queue.put("ok")
    except Exception as exc:  # what the second CI job would see
        queue.put(f"{type(exc).__name__}: {str(exc).splitlines()[0][:100]}")


def concurrent(kind: str, path: Path, db) -> str:
    queue = mp.get_context("spawn").Queue()
    proc = mp.get_context("spawn").Process(target=_second_writer, args=(kind, str(path), queue))
    proc.start()
    proc.join(60)
    return queue.get() if not queue.empty() else "timed out"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entries", type=int, default=20000)
    args = ap.parse_args()
    items = payloads(args.entries)
    folder = Path(tempfile.mkdtemp(prefix="store-choice-"))
    kinds = ["sqlite"]
    try:
        import duckdb  # noqa: F401

        kinds.append("duckdb")
    except ImportError:
        print("duckdb not installed: only SQLite measured")
    for kind in kinds:
        path = folder / f"store.{kind}"
        db = sqlite_open(path) if kind == "sqlite" else duckdb_open(path)
        figures = workload(db, items, kind)
        figures["second_process_writes"] = concurrent(kind, path, db)
        db.close()
        size = sum(p.stat().st_size for p in folder.glob(f"store.{kind}*"))
        print(kind, figures, f"file {size / 2**20:.1f} MiB", flush=True)
        for p in folder.glob(f"store.{kind}*"):
            os.unlink(p)


if __name__ == "__main__":
    main()
