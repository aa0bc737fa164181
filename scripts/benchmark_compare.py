#!/usr/bin/env python3
"""How the comparison and the story grouping grow with the archive (not a test).

    python scripts/benchmark_compare.py [--articles 2000 20000] [--jobs N] [--workdir DIR]

For each size, builds an archive with scripts/make_archive.py (copies of the 68 ecbplus-dev stories,
45 days apart, numbers perturbed), loads and extracts it with the engine (all cores by default),
then times in this process, in CPU seconds, the story grouping (`checker.stories`: articles into
stories, then each claim's sentence into its story) and the
comparison (`checker.compare.compare_claims`) over the whole claim table. It prints the comparison's
time per 1,000 claims (near-linear when that figure stays flat from the smaller size to the larger)
and the story grouping's share of the run (load and extract wall time, grouping and comparison).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from make_archive import build  # noqa: E402

from checker.compare import compare_claims  # noqa: E402
from checker.engine import Engine  # noqa: E402
from checker.load import article_files  # noqa: E402
from checker.pipeline import claims_frame  # noqa: E402
from checker.rules import load_rules  # noqa: E402
from checker.stories import StoryText, claim_story_names  # noqa: E402


def measure(n: int, jobs: int, work: Path) -> dict:
    archive = work / f"archive-{n}"
    if not archive.exists():
        build(archive, n)
    rules = load_rules(None)
    files = article_files([str(archive)], [])
    started = time.perf_counter()
    result = Engine(jobs=jobs).load_and_extract(files, rules)
    extract_wall = time.perf_counter() - started
    claims = claims_frame([row for rows in result.rows for row in rows])
    texts = [StoryText(item.article.id, item.view, item.article.published) for item in result.loaded]
    cpu = time.process_time()
    stories = claim_story_names(texts, list(zip(claims["article"], claims["sentence"], strict=True)))
    group_cpu = time.process_time() - cpu
    claims = claims.assign(story=stories)
    cpu = time.process_time()
    findings = compare_claims(claims, rules)
    compare_cpu = time.process_time() - cpu
    total = extract_wall + group_cpu + compare_cpu
    return {"articles": len(result.loaded), "claims": len(claims), "findings": len(findings),
            "stories": len(set(stories)), "extract_wall_s": extract_wall, "group_cpu_s": group_cpu,
            "compare_cpu_s": compare_cpu, "compare_s_per_1k_claims": 1000 * compare_cpu / max(len(claims), 1),
            "group_share": group_cpu / total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--workdir", type=Path, default=None, help="keep the archives here (default: a temporary folder)")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = [measure(n, args.jobs, work) for n in args.articles]
    print(f"{'articles':>9} {'claims':>9} {'stories':>8} {'findings':>9} {'extract wall s':>15} "
          f"{'grouping cpu s':>15} {'compare cpu s':>14} {'compare s/1k claims':>20} {'grouping share':>15}")
    for r in rows:
        print(f"{r['articles']:>9} {r['claims']:>9} {r['stories']:>8} {r['findings']:>9} {r['extract_wall_s']:>15.1f} "
              f"{r['group_cpu_s']:>15.2f} {r['compare_cpu_s']:>14.2f} {r['compare_s_per_1k_claims']:>20.4f} "
              f"{r['group_share']:>15.3f}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"compare time per 1k claims, {last['articles']} vs {first['articles']} articles: "
              f"{last['compare_s_per_1k_claims'] / max(first['compare_s_per_1k_claims'], 1e-9):.2f}x")


if __name__ == "__main__":
    main()
