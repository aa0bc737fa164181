#!/usr/bin/env python3
"""Build a newsroom-sized archive from the real-news development corpus (ecbplus-dev).

    python scripts/make_archive.py OUT --articles N [--corpus ../shared/corpora/ecbplus-dev] [--jsonl]

Copy k of a story folder is another event of its kind: its articles get a ``date`` line k*45 days
after 2005-01-01 (so copies never share a story window) plus a day or two, and every number that is
not a year is perturbed (seeded: the same N gives the same archive), so that copies differ and the
claim store cannot take one copy for another. With --jsonl the articles go into one JSON Lines
export instead of files. Used by scripts/benchmark.py --archive and by the engine tests.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?![\w,]|\.\d)")
_START = _dt.date(2005, 1, 1)


def source_articles(corpus: Path) -> list[tuple[str, str, str]]:
    """(story folder, file name, text without its URL line) of every article, sorted."""
    out = []
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\AURL:[^\n]*\n", "", text)
        out.append((path.parent.name, path.name, text))
    return out


def _perturb(text: str, rng: random.Random) -> str:
    def change(m: re.Match) -> str:
        value = int(m.group().replace(",", ""))
        if 1900 <= value <= 2030 or value < 3:
            return m.group()
        value = max(3, round(value * rng.uniform(0.8, 1.25)))
        return f"{value:,}" if "," in m.group() else str(value)

    return _NUMBER.sub(change, text)


def archive_articles(n: int, corpus: Path = DEFAULT_CORPUS):
    """(relative path, date, text) of N articles."""
    sources = source_articles(corpus)
    for i in range(n):
        folder, name, text = sources[i % len(sources)]
        copy = i // len(sources)
        rng = random.Random(i)
        date = _START + _dt.timedelta(days=copy * 45 + sum(map(ord, name)) % 3)
        if copy:
            text = _perturb(text, rng)
        yield f"{folder}/{copy:04d}_{name}", date, text


def build(out: Path, n: int, corpus: Path = DEFAULT_CORPUS, jsonl: bool = False) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    if jsonl:
        target = out / "archive.jsonl"
        with open(target, "w", encoding="utf-8") as handle:
            for rel, date, text in archive_articles(n, corpus):
                handle.write(json.dumps({"id": rel, "date": date.isoformat(), "body": text}) + "\n")
        return target
    for rel, date, text in archive_articles(n, corpus):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f" date {date.isoformat()}\n{text}", encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jsonl", action="store_true")
    args = ap.parse_args()
    print(build(args.out, args.articles, args.corpus, args.jsonl))


if __name__ == "__main__":
    main()
