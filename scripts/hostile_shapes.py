"""Hostile inputs for ``scripts/benchmark.py --hostile`` (and the hostile regression tests): each
shape is a function of a size in characters that returns (file suffix, text) of about that size."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS_DIR = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def news(size: int, folder: Path = NEWS_DIR) -> str:
    """Ordinary news: the articles of the development corpus, one after another, to SIZE."""
    parts, total = [], 0
    files = sorted(p for p in folder.rglob("*.txt")) if folder.is_dir() else []
    if not files:  # outside the shared machine: the bundled seeds
        files = sorted((ROOT / "seeds").glob("*.txt"))
    while total < size:
        for p in files:
            text = p.read_text(encoding="utf-8", errors="replace")
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def _soup(size: int) -> str:
    rnd = random.Random(12)
    words = ["The", "83", "foreign", "companies", "1,500", "million", "$", "over", "nearly", "(", ")", "-",
             "twenty-one", "hundred", "and", "%", "3.5", "Monday", "August", "14", ",", ".", "of", "a", "XI",
             "km", "people", "killed", "2023", "½", "one", "–", "/", ":", "“", "”", "?", "!", "\n"]
    out, total = [], 0
    while total < size:
        w = rnd.choice(words)
        out.append(w)
        total += len(w) + 1
    return " ".join(out)


def _html_comment(size: int) -> str:
    body = news(size).replace("\n\n", "</p>\n<p>")
    half = len(body) // 10
    return "<html><body><p>" + body[:half] + "<!-- a note" + body[half:] + "</p></body></html>"


def _url_soup(size: int) -> str:
    unit = ("See https://example.com/reports/2023/83-killed?id=4481&page=12 or mail desk12@example.org, "
            "file C:\\data\\2023\\83.txt and /var/log/12/34.log, hash 3f2a9c81d0e4b5f6a7c8d9e0f1a2b3c4 "
            "and `valor=50`; 12 people attended.\n")
    return _repeat(unit, size)


SHAPES = {
    "news": lambda n: (".txt", news(n)),
    "1,1,1": lambda n: (".txt", _repeat("1,", n)),
    "-1-1-1": lambda n: (".txt", _repeat("-1", n)),
    "html unclosed <!--": lambda n: (".html", _html_comment(n)),
    "<!-- repeated": lambda n: (".html", _repeat("<!-- 12 ", n)),
    "<script> repeated": lambda n: (".html", _repeat("<script>1 ", n)),
    "The 83 foreign companies and": lambda n: (".txt", _repeat("The 83 foreign companies and ", n)),
    "digits": lambda n: (".txt", "1" * n),
    "one hundred and": lambda n: (".txt", _repeat("one hundred and ", n)),
    "twenty-one hundred and": lambda n: (".txt", _repeat("twenty-one hundred and ", n)),
    "token soup": lambda n: (".txt", _soup(n)),
    "(((5)))": lambda n: (".txt", "(" * (n // 2) + "5" + ")" * (n // 2)),
    "1.1.1": lambda n: (".txt", _repeat("1.", n)),
    # our own
    "1 1 1 (spaced)": lambda n: (".txt", _repeat("1 ", n)),
    "1 million 1 million": lambda n: (".txt", _repeat("1 million ", n)),
    "one word": lambda n: (".txt", "a" * n),
    "blank lines": lambda n: (".txt", _repeat("\n", n)),
    "URLs, paths, hashes": lambda n: (".txt", _url_soup(n)),
    "``` unclosed fence": lambda n: (".md", "Intro: 5 people.\n```\n" + _repeat("x = 12 ", n)),
    "1-2-3 debris": lambda n: (".txt", _repeat("A-1-2-3 ", n)),
    "$ 1 $ 1": lambda n: (".txt", _repeat("$1 ", n)),
    "Jan 1 Jan 1": lambda n: (".txt", _repeat("Jan 1, ", n)),
    "&amp; entities": lambda n: (".html", _repeat("&amp;1", n)),
    "11,11,11 (Indian groups)": lambda n: (".txt", _repeat("11,", n)),
    "a.a.a. (abbreviations)": lambda n: (".txt", _repeat("a.", n)),
    "a@a@a (addresses)": lambda n: (".txt", _repeat("a.a@", n)),
    "Army Forum Conference (names)": lambda n: (".txt", _repeat("Army Forum Conference ", n)),
}


def hostile_folder(out: Path, articles: int, hostile_size: int = 1_000_000, shape: str = "1,1,1",
                   corpus: Path = NEWS_DIR) -> tuple[list[str], str, str]:
    """A folder of ARTICLES real news articles (ecbplus-dev, as scripts/make_archive.py copies them)
    plus one hostile file (SHAPE at HOSTILE_SIZE characters) and one unreadable file (not UTF-8).
    Returns the good articles' paths relative to OUT, then the hostile and the unreadable file's."""
    from make_archive import archive_articles

    good = []
    for rel, date, text in archive_articles(articles, corpus):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f" date {date.isoformat()}\n{text}", encoding="utf-8")
        good.append(rel)
    suffix, text = SHAPES[shape](hostile_size)
    (out / f"hostile{suffix}").write_text(text, encoding="utf-8")
    (out / "unreadable.txt").write_bytes(b"\xff\xfe not text")
    return good, f"hostile{suffix}", "unreadable.txt"
