#!/usr/bin/env python3
"""Validate the eval-web gold set (stdlib only).

Usage: python3 validate_gold.py [DIR]   (DIR defaults to this file's directory; the untouched sixth
in ../eval-web-untouched is validated with it: python3 validate_gold.py ../eval-web-untouched)

The set was written as 12 files of 30 sentences; every sixth sentence (ids ending in a multiple of 6)
was moved, before any run, to ../eval-web-untouched, which nobody tunes on. So a file here holds 25
sentences (5 in the untouched folder), ids increase within a file, and their numbers are not
multiples of 6 here (only multiples of 6 there).

The claim checks are those of ../eval/validate_gold.py, loaded the way ../blind_sets.py loads
them (JSON, keys, qualifiers, units, claim text in the sentence, low <= high), with "sq_ft" as an
extra unit. On top of them: the fixed list of the 12 domain files, 25 sentences per file here and
5 in the untouched folder, ids w-<prefix>-NNN whose prefix matches the domain, a 9% domain cap,
and no sentence twice.
Exit status 0 if every check passes, 1 otherwise.
"""
import importlib.util
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "eval", "validate_gold.py")
_spec = importlib.util.spec_from_file_location("eval_validate_gold", BASE)
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
_base.UNITS.add("sq_ft")

SET_ID = "w"
PER_FILE = 30
MAX_DOMAIN_SHARE = 0.09
SENTENCE_KEYS = {"id", "domain", "text", "claims"}
PREFIX = {
    "markets": "mkt", "tech": "tec", "science": "sci", "sports": "spt", "health": "hea",
    "uk_business": "ukb", "au_business": "aub", "asia_business": "asb", "europe": "eur",
    "energy": "ene", "consumer": "con", "fintech": "fnt",
}
FILES = sorted(f"{d}.jsonl" for d in PREFIX)


@dataclass
class Split:
    """What this set counts on top of the shared Tally: sentences per file and the part of the
    set (development or untouched) its ids belong to."""
    texts: Counter = field(default_factory=Counter)
    lines_per_file: Counter = field(default_factory=Counter)
    last_number: dict = field(default_factory=dict)


ID_RE = re.compile(rf"^{SET_ID}-([a-z]{{3}})-(\d{{3}})$")


def check_id(sid, stem, fn, where, untouched, split, errors):
    m = ID_RE.match(sid) if isinstance(sid, str) else None
    if not m:
        errors.append(f"{where}: id does not match {SET_ID}-<prefix>-NNN")
        return
    if m.group(1) != PREFIX[stem]:
        errors.append(f"{where}: id prefix {m.group(1)!r} != {PREFIX[stem]!r}")
    number = int(m.group(2))
    if (number % 6 == 0) != untouched:
        errors.append(f"{where}: id number {number} belongs to the other part of the set")
    if number <= split.last_number.get(fn, 0):
        errors.append(f"{where}: id number {number} does not increase")
    split.last_number[fn] = number


def check_sentence(obj, stem, fn, ln, untouched, tally, split, errors):
    sid = obj["id"]
    tally.ids[sid] += 1
    split.lines_per_file[fn] += 1
    where = f"{fn}:{ln} ({sid})"
    extra = set(obj) - SENTENCE_KEYS
    if extra:
        errors.append(f"{where}: unknown keys {sorted(extra)}")
    check_id(sid, stem, fn, where, untouched, split, errors)
    if obj["domain"] != stem:
        errors.append(f"{where}: domain {obj['domain']!r} != file name {stem!r}")
    text = obj["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty text")
        return
    if not isinstance(obj["claims"], list):
        errors.append(f"{where}: claims is not a list")
        return
    split.texts[text.strip()] += 1
    tally.add_sentence(obj["domain"], obj["claims"], text, where, errors)


def check_set(tally, split, per_file, errors):
    for fn in FILES:
        if split.lines_per_file[fn] != per_file:
            errors.append(f"{fn}: {split.lines_per_file[fn]} sentences, expected {per_file}")
    for t, n in split.texts.items():
        if n > 1:
            errors.append(f"duplicate sentence ({n} times): {t[:60]!r}")
    _base.duplicate_ids(tally.ids, errors)
    total = sum(tally.per_domain.values())
    for dom, n in tally.per_domain.items():
        if total and n / total > MAX_DOMAIN_SHARE:
            errors.append(f"domain {dom} has {n}/{total} = {n / total:.1%} > {MAX_DOMAIN_SHARE:.0%}")
    return total


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else HERE
    untouched = os.path.basename(os.path.normpath(d)).endswith("-untouched")
    errors, tally, split = [], _base.Tally(), Split()
    present = sorted(f for f in os.listdir(d) if f.endswith(".jsonl"))
    if present != FILES:
        errors.append(f"expected files {FILES}, found {present}")
    for fn in FILES:
        path = os.path.join(d, fn)
        if not os.path.exists(path):
            errors.append(f"{fn}: missing")
            continue
        for ln, obj in _base.sentence_objects(path, fn, SENTENCE_KEYS, errors):
            check_sentence(obj, fn[:-len(".jsonl")], fn, ln, untouched, tally, split, errors)
    total = check_set(tally, split, 5 if untouched else PER_FILE - 5, errors)
    _base.print_domains(tally.per_domain, tally.claims_per_domain, tally.empty_per_domain, total)
    _base.print_tallies(tally.qual_counts, tally.unit_counts)
    return _base.finish(errors)


if __name__ == "__main__":
    sys.exit(main())
