"""Articles of unchanged files, from the claim store: a warm run neither reads nor parses them again.

Like ruff's and git's caches, a file is known by a cheap ``stat``: its path (as given),
size, inode (of the file a link points to), modification and status-change times in nanoseconds
(the status-change time moves on every write, even when a tool puts the modification time back,
as ``rsync -t`` or ``touch -r`` do), together with
the record fields of JSON exports and the store's namespace (factcheck's version,
its loading and extraction code, the rules). A file whose size, inode or modification time changed
is read again. A file modified less than ``_SETTLE_S`` seconds before it is read is not remembered
(as git does with "racy" files: a second edit within the clock's granularity could keep the same
size and time). Files that fail to load, or an export with a bad record, are never remembered: their
errors are reported on every run.

What is kept of a file is every article it holds (``Loaded``: the text as stored, its masked view,
outlet, date and the other metadata), so everything downstream (story grouping, suppressions,
reports) sees exactly what loading the file gives.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import time
from dataclasses import fields as dataclass_fields
from pathlib import Path

from .errors import ArticleError
from .load import Fields, Loaded, load_file
from .models import Article
from .store import ClaimStore

TABLE = "files"
_SETTLE_S = 2.0
_ARTICLE_FIELDS = tuple(f.name for f in dataclass_fields(Article))


def file_key(space: str, path: Path, fields: Fields | None, now: float | None = None) -> str | None:
    """The key of the articles of the file at PATH, from its stat; None when it cannot be stat'ed
    or was modified too recently to be remembered safely. Not its article id, which names it only
    (``run`` and ``check`` name one file differently): articles read from the store take the id
    they are loaded under (``decode_loaded``)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if (now if now is not None else time.time()) - info.st_mtime < _SETTLE_S:
        return None
    h = hashlib.blake2b(digest_size=20)
    for part in (space, str(path), repr(fields), info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns):
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def encode_loaded(items: list[Loaded], article_id: str) -> list[dict] | None:
    """The articles ITEMS of a file loaded under ARTICLE_ID as JSON-ready dicts (dates as ISO
    strings; ids as what follows ARTICLE_ID: "" for a text file, "#record" for an export's
    record); None when an id is not of that form."""
    out = []
    for item in items:
        entry = {name: getattr(item.article, name) for name in _ARTICLE_FIELDS}
        if entry["id"] != article_id and not entry["id"].startswith(article_id + "#"):
            return None
        entry["id"] = entry["id"][len(article_id):]
        entry["published"] = entry["published"].isoformat() if entry["published"] else None
        entry["view"] = item.view
        out.append(entry)
    return out


def decode_loaded(entries: list[dict], article_id: str) -> list[Loaded]:
    """The articles of ENTRIES (encode_loaded) as loaded under ARTICLE_ID."""
    out = []
    for entry in entries:
        values = {name: entry[name] for name in _ARTICLE_FIELDS}
        values["id"] = article_id + values["id"]
        if values["published"] is not None:
            values["published"] = _dt.date.fromisoformat(values["published"])
        out.append(Loaded(Article(**values), entry["view"]))
    return out


def stored_files(store: ClaimStore, space: str, items: list[tuple[str, str]], fields: Fields | None
                 ) -> list[Loaded] | None:
    """The articles of ITEMS, in order, when every file is unchanged and in STORE; else None (nothing
    is read: a cheap look before a batch is sent to a process to be loaded)."""
    keys = [file_key(space, Path(path), fields) for _, path in items]
    if not all(keys):
        return None
    known = store.get(keys, table=TABLE)
    if len(known) < len(set(keys)):
        return None
    try:
        return [item for key, (article_id, _) in zip(keys, items, strict=True)
                for item in decode_loaded(known[key], article_id)]
    except (KeyError, TypeError, ValueError):
        return None


def load_files(store: ClaimStore | None, space: str, items: list[tuple[str, str]], fields: Fields | None
               ) -> tuple[list[Loaded], list[ArticleError], int]:
    """The articles of ITEMS ((article id, path) pairs), in order: from STORE when the file is
    unchanged, else loaded (and remembered). Also returns how many files came from the store."""
    keys = [file_key(space, Path(path), fields) for _, path in items] if store else []
    known = store.get([k for k in keys if k], table=TABLE) if store else {}
    loaded: list[Loaded] = []
    problems: list[ArticleError] = []
    new: list[tuple[str, list[dict]]] = []
    hits = 0
    for index, (article_id, path) in enumerate(items):
        key = keys[index] if store else None
        if key in known:
            try:
                loaded.extend(decode_loaded(known[key], article_id))
                hits += 1
                continue
            except (KeyError, TypeError, ValueError):  # an entry of another shape: read the file instead
                pass
        found, bad = load_file(article_id, Path(path), fields)
        loaded.extend(found)
        problems.extend(bad)
        entries = encode_loaded(found, article_id) if key is not None and not bad else None
        if entries is not None:
            new.append((key, entries))
    if store and new:
        store.put(new, table=TABLE)
    return loaded, problems, hits
