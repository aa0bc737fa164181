"""The claim store: every article's extracted claims, kept between runs (embedded SQLite, no server).

Like ruff's cache, it lives in ``.factcheck-cache/`` beside factcheck.toml (or in the working
directory), is on by default, and is only ever a cache: deleting it changes no result.

- Keyed by content: an entry's key is a digest of the article as loaded (id, outlet, date, the
  text as stored and its masked view) and of the *namespace*: factcheck's version, a digest of its
  own source code and a digest of every rules file. An unchanged article is never extracted
  twice; edited rules (or another factcheck) re-extract everything, and old entries are simply
  not read again.
- What is stored: the per-article extraction (claims with their frames), table ``extractions``;
  the articles read from each file, keyed by the file's path, size, inode and modification time
  (``files``, see ``checker.file_cache``: an unchanged file is neither read nor parsed again); and
  whole-input results, keyed by the extraction keys of every article they depend on (``results``,
  see ``checker.result_cache``: story names, findings per story).
- Two runs at once (two CI jobs) share it: WAL journal (readers never wait for the writer),
  a busy timeout, and short write transactions (one batch of articles each).
- Damage is detected, never believed: every entry carries a digest of its payload, checked on
  read (a mismatch is a miss: the article is extracted again); a file SQLite cannot read is moved
  aside and rebuilt, with a warning. Without a usable store the run goes on without one.

Why SQLite rather than DuckDB (measured, see the README's store table): the workload is key
lookups and small appends, where SQLite is faster, it ships with Python, and two processes can
write one file at once (DuckDB allows one writing process per file: a second CI job would fail
to open it).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Callable, Iterable

from . import __version__

STORE_DIR = ".factcheck-cache"
STORE_FILE = "claims.sqlite"
SCHEMA = "1"
_BATCH = 500          # keys per SELECT, entries per write transaction
_BUSY_MS = 30_000     # how long a writer waits for another run's transaction
# One key -> payload table each: claim rows per article; the articles of a file; whole-input results.
TABLES = ("extractions", "files", "results")


def default_store_path(config_dir: Path | None) -> Path:
    """``.factcheck-cache/claims.sqlite`` beside factcheck.toml, else in the working directory."""
    return (config_dir or Path.cwd()) / STORE_DIR / STORE_FILE


# The code a stored extraction depends on (loading, extraction, frames): a change there must not read
# old entries, even when the version number was not raised (a development checkout). Comparison,
# stories, review and reports run on every run and are not cached, so editing them keeps the store.
EXTRACTION_CODE = ("extract/*.py", "load/*.py", "frames.py", "numbers.py", "scope.py", "segment.py", "normalize.py",
                   "rules.py", "models.py", "engine.py", "store.py")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of factcheck's extraction code (EXTRACTION_CODE)."""
    h = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted({p for pattern in EXTRACTION_CODE for p in package.glob(pattern)}):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def rules_digest(files: dict) -> str:
    """Digest of every rules file (name and bytes)."""
    h = hashlib.blake2b(digest_size=16)
    for name in sorted(files):
        h.update(name.encode())
        try:
            h.update(Path(files[name]).read_bytes())
        except OSError:
            h.update(b"\0missing")
    return h.hexdigest()


def namespace(files: dict) -> str:
    return f"{__version__}:{code_digest()}:{rules_digest(files)}"


def article_key(space: str, article, view: str) -> str:
    """The key of one article's extraction: everything the extractor reads of it. Not its id, which
    names it only (`run` and `check` name one file differently): rows read from the store take the
    id of the article at hand (``relabel``)."""
    h = hashlib.blake2b(digest_size=20)
    for part in (space, article.source or "", str(article.published), str(article.body_start)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    h.update(b"\x1e")
    h.update(view.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def relabel(rows: list[dict], article_id: str) -> list[dict]:
    """Stored ROWS as the claims of the article named ARTICLE_ID (new dicts: two articles with the
    same text share one entry)."""
    return [{**row, "article": article_id} for row in rows]


def encode_rows(rows) -> bytes:
    """Compressed JSON of ROWS (any JSON value; sets are kept as sets)."""
    def default(value):
        if isinstance(value, (set, frozenset)):
            return {"__set__": sorted(value)}
        raise TypeError(f"cannot store {type(value).__name__}")

    return zlib.compress(json.dumps(rows, default=default, ensure_ascii=False).encode("utf-8"), 1)


def decode_rows(payload: bytes):
    def hook(obj):
        return frozenset(obj["__set__"]) if len(obj) == 1 and "__set__" in obj else obj

    return json.loads(zlib.decompress(payload).decode("utf-8"), object_hook=hook)


def _payload_digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=8).hexdigest()


class ClaimStore:
    """Per-article claim rows by key, in one SQLite file."""

    def __init__(self, path: Path | str, warn: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.warn = warn or (lambda message: None)
        self.damaged = 0
        self._db: sqlite3.Connection | None = None
        self._open()

    # -- opening, and rebuilding a damaged file ---------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.path.parent / ".gitignore"
        if self.path.parent.name == STORE_DIR and not ignore.exists():
            ignore.write_text("# created by factcheck: the claim store is a cache\n*\n", encoding="utf-8")
        db = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for table in TABLES:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, payload BLOB NOT NULL, "
                       "digest TEXT NOT NULL, stored REAL NOT NULL)")
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA,))
        found = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if not found or found[0] != SCHEMA:
            raise sqlite3.DatabaseError(f"schema {found[0] if found else None!r}, expected {SCHEMA}")
        return db

    def _open(self) -> None:
        try:
            self._db = self._connect()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                self.warn(f"claim store {self.path} is busy ({exc}); running without it")
                self._db = None
                return
            self._rebuild(exc)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
        except OSError as exc:
            self.warn(f"claim store {self.path} cannot be created ({exc.strerror or exc}); running without it")
            self._db = None

    def _rebuild(self, exc: Exception) -> None:
        """Move a file SQLite cannot read aside and start afresh; without a store if that fails."""
        self.close()
        aside = self.path.with_name(f"{self.path.name}.damaged-{os.getpid()}-{int(time.time())}")
        self.warn(f"claim store {self.path} is damaged ({exc}); moved to {aside.name} and rebuilt")
        try:
            for suffix in ("", "-wal", "-shm"):
                extra = Path(str(self.path) + suffix)
                if extra.exists():
                    extra.replace(Path(str(aside) + suffix))
            self._db = self._connect()
        except (OSError, sqlite3.Error) as again:
            self.warn(f"claim store {self.path} cannot be rebuilt ({again}); running without it")
            self._db = None

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    @property
    def usable(self) -> bool:
        return self._db is not None

    # -- reading and writing ------------------------------------------------------------------
    def get(self, keys: Iterable[str], table: str = "extractions") -> dict[str, list[dict]]:
        """The stored payloads (claim rows, by default) of those KEYS that are in TABLE and intact."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, list[dict]] = {}
        if self._db is None:
            return found
        try:
            for begin in range(0, len(keys), _BATCH):
                chunk = keys[begin:begin + _BATCH]
                marks = ",".join("?" * len(chunk))
                for key, payload, digest in self._db.execute(
                        f"SELECT key, payload, digest FROM {table} WHERE key IN ({marks})", chunk):
                    rows = self._decoded(key, payload, digest)
                    if rows is not None:
                        found[key] = rows
        except sqlite3.OperationalError as exc:
            self.warn(f"claim store {self.path}: cannot read ({exc}); extracting instead")
            return {}
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
            return {}
        return found

    def _decoded(self, key: str, payload, digest: str) -> list[dict] | None:
        try:
            if _payload_digest(bytes(payload)) != digest:
                raise ValueError("digest mismatch")
            return decode_rows(bytes(payload))
        except (ValueError, zlib.error, TypeError):
            self.damaged += 1
            if self.damaged == 1:
                self.warn(f"claim store {self.path}: a damaged entry was ignored and will be extracted again")
            return None

    def put(self, items: Iterable[tuple[str, object]], table: str = "extractions") -> None:
        """Store payloads (claim rows, by default) by key in TABLE, one short transaction per batch."""
        if self._db is None:
            return
        batch = []
        for key, rows in items:
            payload = encode_rows(rows)
            batch.append((key, payload, _payload_digest(payload), time.time()))
            if len(batch) >= _BATCH:
                self._write(batch, table)
                batch = []
        if batch:
            self._write(batch, table)

    def _write(self, batch: list[tuple], table: str) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?)", batch)
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            self.warn(f"claim store {self.path}: not written ({exc}); the results are not affected")
        except sqlite3.DatabaseError as exc:
            self._rollback()
            self._rebuild(exc)

    def _rollback(self) -> None:
        try:
            if self._db is not None and self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
