#!/usr/bin/env python3
"""Benchmark claim extraction: sentences per second, as a ratio to a plain tokenizing pass.

The corpus is the labelled evaluation sentences (tests/data/eval: every sentence holds numbers)
repeated until it holds --sentences sentences, grouped into articles of --per-article sentences,
or with --corpus DIR the articles of a folder (real news, where many sentences hold none). Both passes run in
this process on the same text, one after the other, on one core:

  baseline  one compiled regex that only tokenizes (checker.numbers.TOKEN_RE.findall)
  extract   the full extractor (segmentation, number grammar, units, entities, scoping)

Times are CPU seconds of this process (time.process_time), best of --repeats runs, so other
work on the machine disturbs them little. It prints sentences/s for each and the ratio
extract/baseline (how many times slower than merely tokenizing the text), plus peak memory of the
extract pass (tracemalloc). Timing figures vary with the machine; the ratio is the figure to
compare across runs. No test asserts on them.

With --hostile it measures instead hostile inputs (scripts/hostile_shapes.py: "1,1,1,...", a
million digits, "one hundred and" repeated, an unclosed HTML comment, ...) against ordinary news
of the same size, at --sizes (default 10 KB, 100 KB and 1 MB): each file is checked by
`factcheck run` (all report files written, a new claim store) in a fresh process, which reports the
CPU seconds per MB of the run, raw and above the fixed cost of a run (the same run on one sentence
of the same file type, measured in that process just before: the median of three), its peak
resident memory, its exit code and the size of report.html against the input's. A warm-up run on
one sentence first pays for imports and rules. A run over --timeout seconds is stopped and shown
as such.

With --hostile-folder N it runs `factcheck run` (all cores) on N real articles (ecbplus-dev, copied
as scripts/make_archive.py does) plus one hostile file (1 MB of "1,1,1") and one unreadable file,
and prints wall and CPU seconds, peak memory of the process and its workers, the exit code, and
whether every good article was reported and both bad files named.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from checker.extract import Extractor  # noqa: E402
from checker.load import parse_article  # noqa: E402
from checker.numbers import TOKEN_RE  # noqa: E402
from checker.rules import load_rules  # noqa: E402
from checker.segment import split_sentences  # noqa: E402


def folder_corpus(folder: str) -> list[str]:
    """Every .txt/.md article under a folder (for example the real-news development corpus)."""
    files = sorted(p for p in Path(folder).rglob("*") if p.suffix in (".txt", ".md"))
    if not files:
        sys.exit(f"{folder}: no .txt or .md articles")
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def corpus(total: int, per_article: int) -> list[str]:
    sentences = []
    for f in sorted((ROOT / "tests" / "data" / "eval").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences.append(json.loads(line)["text"].replace("\n", " "))
    out = []
    i = 0
    while len(out) * per_article < total:
        chunk = [sentences[(i + k) % len(sentences)] for k in range(per_article)]
        i += per_article
        out.append(" ".join(chunk))
    return out


def best_of(repeats: int, fn) -> float:
    """Best CPU time of this process over a few repeats (robust to other load on the machine)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _run_once(args: list[str]) -> tuple[float, int]:
    """CPU seconds and exit code of one in-process `factcheck` run."""
    from checker.cli import main as cli

    t0 = time.process_time()
    try:
        cli.main(args=args, standalone_mode=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    return time.process_time() - t0, code


def hostile_one(path: str, rules: str | None) -> None:
    """Child process of --hostile: run factcheck on one file, print seconds, fixed cost, exit code,
    peak RSS and the size of report.html."""
    import resource
    import tempfile

    extra = ["--rules", rules] if rules else []
    with tempfile.TemporaryDirectory() as tmp:
        def args(article: str, name: str) -> list[str]:
            # All report files written, and a claim store of its own (never an old cache's hit).
            return (["run", article, "-f", "json", "-o", os.devnull, "--reports-dir", os.path.join(tmp, name),
                     "--store", os.path.join(tmp, name + ".sqlite")] + extra)

        suffix = Path(path).suffix
        tiny = os.path.join(tmp, "tiny" + suffix)
        # two units of one dimension: the warm-up also pays for pint's registry (imported and built
        # once per process, when a story first writes a dimension in two units)
        sentence = "Organizers said 83 foreign companies took part. The route ran 5 km, or 3.1 miles."
        Path(tiny).write_text(f"<html><body><p>{sentence}</p></body></html>\n" if suffix in (".html", ".htm")
                              else sentence + "\n", encoding="utf-8")
        # A first run on two sentences of the same file type pays what any first run pays (imports,
        # rules, lexicon, the HTML reader, pint: about 2.5 s of CPU); the same run again is the fixed
        # cost of a run (stories, comparison, report files, a new store): the median of three.
        _run_once(args(tiny, "warm-up"))
        fixed = sorted(_run_once(args(tiny, f"fixed{k}"))[0] for k in range(3))[1]
        seconds, code = _run_once(args(path, "run"))
        html = os.path.join(tmp, "run", "report.html")
        html_bytes = os.path.getsize(html) if os.path.exists(html) else 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "fixed": fixed, "exit": code, "peak_mib": round(peak),
                      "html_bytes": html_bytes}))


def _hostile_cell(got: dict, size_bytes: int) -> str:
    mb = size_bytes / 1e6
    return (f"{got['seconds'] / mb:.1f} s/MB ({max(0.0, got['seconds'] - got['fixed']) / mb:.1f} above "
            f"{got['fixed']:.3f} s fixed) · {got['peak_mib']} MiB · exit {got['exit']} · "
            f"html {got['html_bytes'] / max(1, size_bytes):.1f}x")


def hostile(sizes: list[int], timeout: float, rules: str | None, only: list[str] | None) -> None:
    """Every hostile shape against ordinary news, at each size: s/MB (raw, and above the fixed
    cost of a run on one sentence), peak MiB, exit code, report.html against the input."""
    import subprocess
    import tempfile

    from hostile_shapes import SHAPES

    names = [n for n in SHAPES if not only or n in only or n == "news"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for size in sizes:
                suffix, text = SHAPES[name](size)
                path = Path(tmp) / f"article{suffix}"
                path.write_text(text, encoding="utf-8")
                size_bytes = len(text.encode("utf-8"))
                cmd = [sys.executable, __file__, "--hostile-one", str(path)] + (["--rules", rules] if rules else [])
                try:
                    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
                    cell = _hostile_cell(json.loads(done.stdout.strip().splitlines()[-1]), size_bytes)
                except subprocess.TimeoutExpired:
                    cell = f"over {timeout:.0f} s"
                except (ValueError, IndexError):
                    cell = f"failed: {done.stderr.strip().splitlines()[-1:] if done.stderr else done.returncode}"
                rows.append([name, f"{size // 1000} KB", cell])
                print(*rows[-1], sep=" | ", flush=True)
    from tabulate import tabulate

    print(tabulate(rows, headers=["shape", "size", "CPU s/MB (above the fixed cost) · peak · exit · html"],
                   tablefmt="github"))


def hostile_folder(articles: int, hostile_size: int, jobs: int | None) -> dict:
    """`factcheck run` on ARTICLES real news articles plus one hostile file and one unreadable
    file, in its own process (all cores unless JOBS): wall and CPU seconds, peak memory (process and
    workers), exit code, and whether every good article was reported and both bad files named."""
    import tempfile

    from benchmark_archive import timed
    from hostile_shapes import hostile_folder as build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        good, hostile_file, unreadable = build(folder, articles, hostile_size)
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "checker", "run", str(folder), "-f", "json", "-o", str(out),
               "--reports-dir", str(Path(tmp) / "reports"), "--store", str(Path(tmp) / "claims.sqlite")]
        figures = timed(cmd + (["--jobs", str(jobs)] if jobs else []), Path(tmp), allowed=(0, 1, 2))
        report = json.loads(out.read_text(encoding="utf-8"))
    reported = {a["article"] for a in report["articles"]}
    named = {e["path"] for e in report.get("errors", [])} | {n["path"] for n in report.get("notes", [])}
    return {**figures, "articles": articles, "hostile_size": hostile_size,
            "good_reported": len(set(good) & reported), "findings": len(report["findings"]),
            "hostile_named": any(p.endswith(hostile_file) for p in named) and hostile_file in reported,
            "unreadable_named": any(e["path"].endswith(unreadable) for e in report.get("errors", []))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hostile", action="store_true", help="measure hostile input shapes against ordinary news")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="with --hostile: sizes in characters")
    ap.add_argument("--timeout", type=float, default=120.0, help="with --hostile: seconds before a run is stopped")
    ap.add_argument("--shape", action="append", help="with --hostile: only this shape (and news); repeatable")
    ap.add_argument("--hostile-one", help=argparse.SUPPRESS)
    ap.add_argument("--hostile-folder", type=int, metavar="N",
                    help="instead: `factcheck run` on N real articles plus one hostile file (1 MB of '1,1,1') and "
                         "one unreadable file; prints time, peak memory, exit code and what was reported")
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--rules", default=None, help="rules folder (default: the bundled rules)")
    ap.add_argument("--corpus", default=None,
                    help="benchmark on the articles of this folder instead of the labelled sentences "
                         "(e.g. ../shared/corpora/ecbplus-dev: real news, where many sentences hold no number)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--archive", type=int, metavar="N",
                    help="instead: time cold, warm and one-article check runs on an archive of N articles "
                         "(scripts/benchmark_archive.py)")
    ap.add_argument("--jobs", type=int, default=None,
                    help="with --archive or --hostile-folder: --jobs for the runs (default: all cores)")
    ap.add_argument("--compare-jobs", action="store_true", help="with --archive: also a cold --jobs 1 run")
    ap.add_argument("--workdir", type=Path, default=None, help="with --archive: keep the archive and reports here")
    args = ap.parse_args()
    if args.archive:
        from benchmark_archive import benchmark, print_figures

        figures = benchmark(args.archive, args.jobs, args.compare_jobs, args.workdir)
        print(json.dumps(figures, indent=2) if args.json else "", end="")
        if not args.json:
            print_figures(figures)
        return
    if args.hostile_folder:
        figures = hostile_folder(args.hostile_folder, 1_000_000, args.jobs)
        print(json.dumps(figures, indent=2))
        return
    if args.hostile_one:
        return hostile_one(args.hostile_one, args.rules)
    if args.hostile:
        return hostile([int(x) for x in args.sizes.split(",")], args.timeout, args.rules, args.shape)

    articles = folder_corpus(args.corpus) if args.corpus else corpus(args.sentences, args.per_article)
    loaded = [parse_article(f"a{i}.txt", f"a{i}.txt", text, ".txt") for i, text in enumerate(articles)]
    n_sentences = sum(len(split_sentences(item.view, item.article.body_start)) for item in loaded)
    extractor = Extractor(load_rules(args.rules))

    def baseline():
        for text in articles:
            TOKEN_RE.findall(text)

    claims = 0

    def extract():
        nonlocal claims
        claims = sum(len(extractor.extract(item)) for item in loaded)

    t_base = best_of(args.repeats, baseline)
    t_extract = best_of(args.repeats, extract)
    tracemalloc.start()
    extract()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figures = {
        "sentences": n_sentences,
        "articles": len(articles),
        "claims": claims,
        "baseline_sentences_per_s": round(n_sentences / t_base),
        "extract_sentences_per_s": round(n_sentences / t_extract),
        "extract_over_baseline_time": round(t_extract / t_base, 1),
        "extract_peak_memory_mib": round(peak / 2**20, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{n_sentences} sentences in {len(articles)} articles, {claims} claims")
    print(f"baseline (tokenize only): {figures['baseline_sentences_per_s']:>9,} sentences/s")
    print(f"extract (full):           {figures['extract_sentences_per_s']:>9,} sentences/s")
    print(f"extract takes {figures['extract_over_baseline_time']}x the time of the tokenizing pass; "
          f"peak memory {figures['extract_peak_memory_mib']} MiB")


if __name__ == "__main__":
    main()
