"""Draw a random sample of ECB+ lines for a held-out gold set (stdlib only, deterministic).

Each sample's draw_sample.py calls ``draw(...)`` with its seed, size, id prefix and the earlier
sets whose sentences it must not repeat; the sample (ids, domains, texts; no labels) goes to
stdout in draw order, statistics to stderr.
Corpus: $ECBPLUS_DIR, else ../shared/corpora/ecbplus-dev beside the clone. Earlier sets:
$ECBPLUS_EVAL_REAL / $ECBPLUS_EVAL_HELDOUT / $ECBPLUS_EVAL_HELDOUT2 / $ECBPLUS_EVAL_HELDOUT3, else the sets beside this file.
"""
import json
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))  # tests/data
CORPUS = os.environ.get("ECBPLUS_DIR") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "corpora", "ecbplus-dev"))
EARLIER_SETS = {
    "eval-real": ("ECBPLUS_EVAL_REAL", os.path.join(HERE, "eval-real", "ecbplus.jsonl")),
    "eval-heldout": ("ECBPLUS_EVAL_HELDOUT", os.path.join(HERE, "eval-heldout", "ecbplus-heldout.jsonl")),
    "eval-heldout2": ("ECBPLUS_EVAL_HELDOUT2", os.path.join(HERE, "eval-heldout2", "ecbplus-heldout2.jsonl")),
    "eval-heldout3": ("ECBPLUS_EVAL_HELDOUT3", os.path.join(HERE, "eval-heldout3", "ecbplus-heldout3.jsonl")),
}
FOLDER_CAP = 6

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

WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
         "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
         "eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|halves|third|thirds|"
         "quarter|quarters|couple|several|few|pair")
ONE_ONLY = re.compile(r"\bones?\b", re.I)


def folder_key(f):
    return (int(f.split("_")[0]), f)


def file_key(fn):
    a, b = fn.split("_", 1)
    return (int(a), int(re.match(r"\d+", b).group()), fn)


def draw(seed: int, n_target: int, id_prefix: str, excluded_sets: tuple[str, ...],
         count_one: bool, min_words: int = 0) -> None:
    """Shuffle the corpus lines that hold a digit or a number word (``count_one``: "one" counts
    as one) with ``seed`` and take them in order, at most FOLDER_CAP per story folder and 30% per
    domain, until ``n_target``; skip URL lines, lines of fewer than ``min_words`` words, exact
    duplicates and sentences of the ``excluded_sets``."""
    numberish = re.compile(r"\d|\b(?:" + ("one|" if count_one else "") + WORDS + r")s?\b", re.I)
    domain_cap = int(0.30 * n_target)  # keeps every domain within the validator's 30% cap
    stats = Counter()
    cands = candidates(numberish, count_one, min_words, earlier_texts(excluded_sets), stats)
    picked, per_domain = pick(cands, seed, n_target, domain_cap, stats)
    print("per domain:", dict(per_domain.most_common()), file=sys.stderr)
    for key, v in stats.items():
        print(f"{key}: {v}", file=sys.stderr)
    for folder, fn, n, text in picked:
        sys.stdout.write(json.dumps({"id": f"{id_prefix}-{folder}-{fn[:-4]}-{n}",
                                     "domain": DOMAIN_OF[int(folder.split("_")[0])],
                                     "source_file": f"{folder}/{fn}",
                                     "text": text}, ensure_ascii=False) + "\n")


def earlier_texts(excluded_sets):
    """The sentence texts of the earlier sets named (the text field only)."""
    excluded = set()
    for name in excluded_sets:
        env, default = EARLIER_SETS[name]
        with open(os.environ.get(env) or default, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    excluded.add(json.loads(line)["text"])
    return excluded


def candidates(numberish, count_one, min_words, excluded, stats):
    """(folder, file, line number, text) of every candidate line of the corpus, in corpus order."""
    cands, seen = [], set()
    for folder in sorted(os.listdir(CORPUS), key=folder_key):
        p = os.path.join(CORPUS, folder)
        if not os.path.isdir(p):
            continue
        for fn in sorted((f for f in os.listdir(p) if f.endswith(".txt")), key=file_key):
            with open(os.path.join(p, fn), encoding="utf-8") as fh:
                lines = fh.read().split("\n")
            for n, text in enumerate(lines, 1):
                if is_candidate(text, (numberish, count_one, min_words), seen, excluded, stats):
                    cands.append((folder, fn, n, text))
    stats["candidates"] = len(cands)
    return cands


def is_candidate(text, rule, seen, excluded, stats):
    """A line holding a number (``rule``: the number pattern, whether "one" counts, the fewest words)
    that is no URL, not short, not seen before and in no earlier set; ``stats`` counts why not."""
    numberish, count_one, min_words = rule
    if not text.strip():
        return False
    if not numberish.search(text):
        if not count_one and ONE_ONLY.search(text):
            stats["lines whose only number word is 'one' skipped"] += 1
        return False
    stats["numberish lines"] += 1
    if text.startswith("URL:"):
        stats["URL lines dropped"] += 1
        return False
    if len(text.split()) < min_words:
        stats[f"short lines (< {min_words} words) dropped"] += 1
        return False
    if text in seen:
        stats["exact duplicates dropped"] += 1
        return False
    seen.add(text)
    if text in excluded:
        stats["already in an earlier set dropped"] += 1
        return False
    return True


def pick(cands, seed, n_target, domain_cap, stats):
    """Shuffle the candidates with ``seed`` and take them in order within the folder and domain
    caps until ``n_target``: the lines picked and the count per domain."""
    rng = random.Random(seed)
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
        if per_domain[dom] >= domain_cap:
            stats["draws skipped by domain cap"] += 1
            continue
        per_folder[folder] += 1
        per_domain[dom] += 1
        picked.append(cands[i])
        if len(picked) == n_target:
            stats["draws examined"] = k
            break
    stats["picked"] = len(picked)
    stats["folders used"] = len(per_folder)
    return picked, per_domain
