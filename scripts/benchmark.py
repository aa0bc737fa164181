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
`factcheck run` (all report files written) in a fresh process, which reports the CPU seconds per MB
of the run (after a warm-up run on one sentence has paid for imports and rules), its peak resident
memory, its exit code and the size of report.html against the input's; a run over --timeout
seconds is stopped and shown as such.
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


def hostile_one(path: str, rules: str | None) -> None:
    """Child process of --hostile: run factcheck on one file, print seconds, exit code, peak RSS."""
    import resource
    import tempfile

    from checker.cli import main as cli

    args = ["run", path, "-f", "json", "-o", os.devnull]
    args += ["--rules", rules] if rules else []
    with tempfile.TemporaryDirectory() as reports:
        # A first run on one sentence pays the fixed costs (imports, rules, lexicon: about 5 s),
        # so that the timed run measures what grows with the input.
        tiny = os.path.join(reports, "warm-up.txt")
        Path(tiny).write_text("Organizers said 83 foreign companies took part.\n", encoding="utf-8")
        try:
            cli.main(args=["run", tiny, "-f", "json", "-o", os.devnull, "--no-reports"] + args[6:], standalone_mode=True)
        except SystemExit:
            pass
        t0 = time.process_time()
        try:
            cli.main(args=args + ["--reports-dir", reports], standalone_mode=True)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        seconds = time.process_time() - t0
        html = os.path.getsize(os.path.join(reports, "report.html")) if os.path.exists(
            os.path.join(reports, "report.html")) else 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "exit": code, "peak_mib": round(peak), "html_bytes": html}))


def hostile(sizes: list[int], timeout: float, rules: str | None, only: list[str] | None) -> None:
    """Every hostile shape against ordinary news, at each size: s/MB, peak MiB, exit code."""
    import subprocess
    import tempfile

    sys.path.insert(0, str(ROOT / "scripts"))
    from hostile_shapes import SHAPES

    names = [n for n in SHAPES if not only or n in only or n == "news"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            row = [name]
            for size in sizes:
                suffix, text = SHAPES[name](size)
                path = Path(tmp) / f"article{suffix}"
                path.write_text(text, encoding="utf-8")
                cmd = [sys.executable, __file__, "--hostile-one", str(path)] + (["--rules", rules] if rules else [])
                try:
                    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
                    got = json.loads(done.stdout.strip().splitlines()[-1])
                    mb = len(text.encode("utf-8")) / 1e6
                    row.append(f"{got['seconds'] / mb:.2f} s/MB, {got['peak_mib']} MiB, exit {got['exit']}, "
                               f"html {got['html_bytes'] / max(1, len(text.encode('utf-8'))):.1f}x")
                except subprocess.TimeoutExpired:
                    row.append(f"over {timeout:.0f} s")
                except (ValueError, IndexError):
                    row.append(f"failed: {done.stderr.strip().splitlines()[-1:] if done.stderr else done.returncode}")
                print(name, size, row[-1], flush=True)
            rows.append(row)
    from tabulate import tabulate

    print(tabulate(rows, headers=["shape"] + [f"{s // 1000} KB" for s in sizes], tablefmt="github"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hostile", action="store_true", help="measure hostile input shapes against ordinary news")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="with --hostile: sizes in characters")
    ap.add_argument("--timeout", type=float, default=120.0, help="with --hostile: seconds before a run is stopped")
    ap.add_argument("--shape", action="append", help="with --hostile: only this shape (and news); repeatable")
    ap.add_argument("--hostile-one", help=argparse.SUPPRESS)
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
    ap.add_argument("--jobs", type=int, default=None, help="with --archive: --jobs for the runs (default: all cores)")
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
