#!/usr/bin/env python3
"""Draw the second held-out sample of ECB+ lines (see README.md). Deterministic: seed 20261123.

Adapted from tests/data/eval-heldout/draw_sample.py. Differences:
  * seed 20261123, 250 lines, domain cap 30% of 250 = 75, folder cap 6 (unchanged);
  * a line is kept only if it has a digit or a number word OTHER than "one"/"ones"
    (lines whose only number word is "one" are skipped);
  * lines of fewer than 6 whitespace-separated words (datelines, headers) are skipped;
  * sentences of eval-real/ecbplus.jsonl AND eval-heldout/ecbplus-heldout.jsonl are excluded
    (only their "text" field is read).

Usage: python3 draw_sample.py > sample.jsonl   (statistics go to stderr)
Corpus: $ECBPLUS_DIR, else ../shared/corpora/ecbplus-dev beside the clone.
Excluded sets: $ECBPLUS_EVAL_REAL / $ECBPLUS_EVAL_HELDOUT, else ../eval-real and ../eval-heldout.
"""
import json
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
# The shared corpora sit beside the clone (../shared/corpora); ECBPLUS_DIR overrides.
CORPUS = os.environ.get("ECBPLUS_DIR") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "..", "shared", "corpora", "ecbplus-dev"))
REPO_DATA = os.path.normpath(os.path.join(HERE, ".."))
EXCLUDE = [
    os.environ.get("ECBPLUS_EVAL_REAL") or os.path.join(REPO_DATA, "eval-real", "ecbplus.jsonl"),
    os.environ.get("ECBPLUS_EVAL_HELDOUT")
    or os.path.join(REPO_DATA, "eval-heldout", "ecbplus-heldout.jsonl"),
]
SEED = 20261123
N_TARGET = 250
FOLDER_CAP = 6
DOMAIN_CAP = int(0.30 * N_TARGET)  # 75: keeps every domain within the validator's 30% cap
MIN_WORDS = 6  # lines with fewer words are datelines / headers and are skipped

# Domain of each story number (as in eval-real/README.md).
DOMAIN_OF = {}
for _dom, _nums in {"entertainment": [1, 2, 6, 39],
                    "crime": [3, 16, 18, 21, 22, 26, 32, 33, 36, 45],
                    "sports": [5, 10, 25, 29, 31, 35], "politics": [9, 11, 28],
                    "disasters": [13, 14, 38], "other": [23],
                    "technology": [27, 30, 40, 42], "health": [34],
                    "business": [43, 44]}.items():
    for _n in _nums:
        DOMAIN_OF[_n] = _dom

# The eval-heldout word list, without "one" (a line whose only number word is "one"/"ones",
# and which has no digit, is skipped; "a"/"an" were never in the list).
WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
         "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
         "eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|halves|third|thirds|"
         "quarter|quarters|couple|several|few|pair")
NUMBERISH = re.compile(r"\d|\b(?:" + WORDS + r")s?\b", re.I)
ONE_ONLY = re.compile(r"\bones?\b", re.I)


def folder_key(f):
    return (int(f.split("_")[0]), f)


def file_key(fn):
    a, b = fn.split("_", 1)
    return (int(a), int(re.match(r"\d+", b).group()), fn)


excluded = set()
for path in EXCLUDE:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                excluded.add(json.loads(line)["text"])  # the text field only

cands, seen = [], set()
stats = Counter()
for folder in sorted(os.listdir(CORPUS), key=folder_key):
    p = os.path.join(CORPUS, folder)
    if not os.path.isdir(p):
        continue
    for fn in sorted((f for f in os.listdir(p) if f.endswith(".txt")), key=file_key):
        with open(os.path.join(p, fn), encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        for n, text in enumerate(lines, 1):
            if not text.strip():
                continue
            if not NUMBERISH.search(text):
                if ONE_ONLY.search(text):
                    stats["lines whose only number word is 'one' skipped"] += 1
                continue
            stats["numberish lines (digit or number word other than one)"] += 1
            if text.startswith("URL:"):
                stats["URL lines dropped"] += 1
                continue
            if len(text.split()) < MIN_WORDS:
                stats[f"short lines (< {MIN_WORDS} words) dropped"] += 1
                continue
            if text in seen:
                stats["exact duplicates dropped"] += 1
                continue
            seen.add(text)
            if text in excluded:
                stats["already in eval-real or eval-heldout dropped"] += 1
                continue
            cands.append((folder, fn, n, text))
stats["candidates"] = len(cands)

rng = random.Random(SEED)
order = list(range(len(cands)))
rng.shuffle(order)
per_folder = Counter()
per_domain = Counter()
picked = []
for k, i in enumerate(order, 1):
    folder = cands[i][0]
    dom = DOMAIN_OF[int(folder.split("_")[0])]
    if per_folder[folder] >= FOLDER_CAP:
        stats["draws skipped by folder cap"] += 1
        continue
    if per_domain[dom] >= DOMAIN_CAP:
        stats["draws skipped by domain cap"] += 1
        continue
    per_folder[folder] += 1
    per_domain[dom] += 1
    picked.append(cands[i])
    if len(picked) == N_TARGET:
        stats["draws examined"] = k
        break
stats["picked"] = len(picked)
stats["folders used"] = len(per_folder)
print("per domain:", dict(per_domain.most_common()), file=sys.stderr)
for key, v in stats.items():
    print(f"{key}: {v}", file=sys.stderr)
# The sample (ids, domains, texts; no labels), in draw order, goes to stdout.
out = sys.stdout
for folder, fn, n, text in picked:
    out.write(json.dumps({"id": f"h2-{folder}-{fn[:-4]}-{n}",
                          "domain": DOMAIN_OF[int(folder.split("_")[0])],
                          "source_file": f"{folder}/{fn}",
                          "text": text}, ensure_ascii=False) + "\n")
