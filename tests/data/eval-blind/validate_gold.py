#!/usr/bin/env python3
"""Validate the blind hand-labelled numeric-claim gold set (stdlib only).

Adapted from ../eval/validate_gold.py: same claim checks, plus this folder's
expected file list, 20 sentences per file, "bl-<prefix>-NNN" ids, no unknown sentence keys, and an
11% per-domain cap (the ten domains are exactly balanced at 10%).

Usage: python3 validate_gold.py [DIR]   (DIR defaults to this file's directory)
Exit status 0 if every check passes, 1 otherwise.
"""
import importlib.util
import json
import os
import re
import sys
from collections import Counter

# The claim checks are the invented set's, shared: load ../eval/validate_gold.py.
_base_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "eval", "validate_gold.py")
_spec = importlib.util.spec_from_file_location("eval_validate_gold", _base_path)
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
check_claim = _base.check_claim
is_num = _base.is_num

SENTENCE_KEYS = {"id", "domain", "text", "claims"}
MAX_DOMAIN_SHARE = 0.11
# file stem -> id prefix; each file must hold exactly SENTENCES_PER_FILE lines
EXPECTED_FILES = {
    "finance": "fin", "markets": "mkt", "disasters": "dis", "courts": "crt",
    "sports": "spt", "science": "sci", "technology": "tec", "politics": "pol",
    "defence": "def", "health": "hea",
}
SENTENCES_PER_FILE = 20


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = sorted(f for f in os.listdir(d) if f.endswith(".jsonl"))
    errors = []
    stems = {f[:-len(".jsonl")] for f in files}
    for stem in sorted(set(EXPECTED_FILES) - stems):
        errors.append(f"missing file {stem}.jsonl")
    for stem in sorted(stems - set(EXPECTED_FILES)):
        errors.append(f"unexpected file {stem}.jsonl")
    ids = Counter()
    per_domain = Counter()
    claims_per_domain = Counter()
    empty_per_domain = Counter()
    qual_counts = Counter()
    unit_counts = Counter()
    for fn in files:
        stem = fn[:-len(".jsonl")]
        with open(os.path.join(d, fn), encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                where = f"{fn}:{ln}"
                if not line.strip():
                    errors.append(f"{where}: blank line")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as ex:
                    errors.append(f"{where}: invalid JSON ({ex})")
                    continue
                if not isinstance(obj, dict):
                    errors.append(f"{where}: line is not an object")
                    continue
                missing = SENTENCE_KEYS - set(obj)
                if missing:
                    errors.append(f"{where}: missing keys {sorted(missing)}")
                    continue
                sid = obj["id"]
                ids[sid] += 1
                where = f"{fn}:{ln} ({sid})"
                extra = set(obj) - SENTENCE_KEYS
                if extra:
                    errors.append(f"{where}: unknown keys {sorted(extra)}")
                pfx = EXPECTED_FILES.get(stem)
                if pfx and not re.fullmatch(rf"bl-{pfx}-\d{{3}}", str(sid)):
                    errors.append(f"{where}: id {sid!r} does not match bl-{pfx}-NNN")
                if obj["domain"] != stem:
                    errors.append(f"{where}: domain {obj['domain']!r} != file name {stem!r}")
                text = obj["text"]
                if not isinstance(text, str) or not text.strip():
                    errors.append(f"{where}: empty text")
                    continue
                if not isinstance(obj["claims"], list):
                    errors.append(f"{where}: claims is not a list")
                    continue
                per_domain[obj["domain"]] += 1
                claims_per_domain[obj["domain"]] += len(obj["claims"])
                if not obj["claims"]:
                    empty_per_domain[obj["domain"]] += 1
                for i, c in enumerate(obj["claims"]):
                    check_claim(c, text, f"{where} claim {i}", errors)
                    if isinstance(c, dict):
                        qual_counts[c.get("qualifier")] += 1
                        unit_counts[c.get("unit")] += 1
    for sid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {sid!r} ({n} times)")
    total = sum(per_domain.values())
    for stem in sorted(set(EXPECTED_FILES) & stems):
        if per_domain[stem] != SENTENCES_PER_FILE:
            errors.append(f"{stem}.jsonl has {per_domain[stem]} sentences, expected {SENTENCES_PER_FILE}")
    for dom, n in per_domain.items():
        if total and n / total > MAX_DOMAIN_SHARE:
            errors.append(f"domain {dom} has {n}/{total} = {n / total:.1%} > {MAX_DOMAIN_SHARE:.0%}")

    print(f"{'domain':<12} {'sentences':>9} {'claims':>7} {'no-claim':>9} {'share':>7}")
    for dom in sorted(per_domain):
        n = per_domain[dom]
        print(f"{dom:<12} {n:>9} {claims_per_domain[dom]:>7} {empty_per_domain[dom]:>9} {n / total:>7.1%}")
    print(f"{'TOTAL':<12} {total:>9} {sum(claims_per_domain.values()):>7} {sum(empty_per_domain.values()):>9}")
    print("qualifiers:", dict(sorted(qual_counts.items(), key=lambda kv: -kv[1])))
    print("units:", dict(sorted(unit_counts.items(), key=lambda kv: -kv[1])))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
