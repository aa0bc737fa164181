#!/usr/bin/env python3
"""Shared checks of the blind wire-copy gold sets (eval-blind2, -blind3, -blind4; stdlib only).

Each set's validate_gold.py calls ``main(folder, set_id, per_file)`` (eval-blind: "bl", 20). The checks are those of
../eval/validate_gold.py plus: the fixed list of the 10 domain files, exactly PER_FILE sentences
per file, ids <set_id>-<prefix>-NNN (prefix matches the domain, NNN matches the line number), an
11% domain cap, sq_ft allowed as a unit, and no sentence twice.
Exit status 0 if every check passes, 1 otherwise.
"""
import importlib.util
import os
import re
import sys
from collections import Counter

# The claim checks are the invented set's, shared: load ./eval/validate_gold.py (this module sits
# in tests/data) and accept the one extra unit "sq_ft" the real-news labels use.
_base_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval", "validate_gold.py")
_spec = importlib.util.spec_from_file_location("eval_validate_gold", _base_path)
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
_base.UNITS.add("sq_ft")
QUALIFIERS, CHANGES, UNITS, ISO4217 = _base.QUALIFIERS, _base.CHANGES, _base.UNITS, _base.ISO4217
CLAIM_KEYS = _base.CLAIM_KEYS
is_num, check_claim = _base.is_num, _base.check_claim

SENTENCE_KEYS = {"id", "domain", "text", "claims"}
MAX_DOMAIN_SHARE = 0.11
PER_FILE = 25
PREFIX = {
    "courts": "crt", "defence": "def", "disasters": "dis", "finance": "fin",
    "health": "hea", "markets": "mkt", "politics": "pol", "science": "sci",
    "sports": "spt", "technology": "tec",
}
FILES = sorted(f"{d}.jsonl" for d in PREFIX)


def main(folder: str, set_id: str, per_file: int = PER_FILE) -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else folder
    id_re = re.compile(rf"^{set_id}-([a-z]{{3}})-(\d{{3}})$")
    errors = []
    present = sorted(f for f in os.listdir(d) if f.endswith(".jsonl"))
    if present != FILES:
        errors.append(f"expected files {FILES}, found {present}")
    texts = Counter()
    lines_per_file = Counter()
    tally = _base.Tally()
    for fn in FILES:
        if not os.path.exists(os.path.join(d, fn)):
            errors.append(f"{fn}: missing")
            continue
        for ln, obj in _base.sentence_objects(os.path.join(d, fn), fn, SENTENCE_KEYS, errors):
            lines_per_file[fn] += 1
            check_sentence(obj, fn, ln, (id_re, set_id), texts, tally, errors)
    total = check_set(lines_per_file, per_file, texts, tally, errors)

    _base.print_domains(tally.per_domain, tally.claims_per_domain, tally.empty_per_domain, total)
    _base.print_tallies(tally.qual_counts, tally.unit_counts)
    return _base.finish(errors)


def check_sentence(obj, fn, ln, id_rule, texts, tally, errors):
    """One sentence of file ``fn``, line ``ln``: known keys, its id (``id_rule``: the id pattern and the
    set id), the file's domain, a text, a list of claims."""
    stem = fn[:-len(".jsonl")]
    sid = obj["id"]
    tally.ids[sid] += 1
    where = f"{fn}:{ln} ({sid})"
    extra = set(obj) - SENTENCE_KEYS
    if extra:
        errors.append(f"{where}: unknown keys {sorted(extra)}")
    check_id(sid, stem, ln, id_rule, where, errors)
    if obj["domain"] != stem:
        errors.append(f"{where}: domain {obj['domain']!r} != file name {stem!r}")
    text = obj["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty text")
        return
    if not isinstance(obj["claims"], list):
        errors.append(f"{where}: claims is not a list")
        return
    texts[text.strip()] += 1
    tally.add_sentence(obj["domain"], obj["claims"], text, where, errors)


def check_id(sid, stem, ln, id_rule, where, errors):
    """The id is <set_id>-<prefix of the file's domain>-<line number, three digits>."""
    id_re, set_id = id_rule
    m = id_re.match(sid) if isinstance(sid, str) else None
    if not m:
        errors.append(f"{where}: id does not match {set_id}-<prefix>-NNN")
        return
    if m.group(1) != PREFIX.get(stem):
        errors.append(f"{where}: id prefix {m.group(1)!r} != {PREFIX.get(stem)!r}")
    if int(m.group(2)) != ln:
        errors.append(f"{where}: id number {m.group(2)} != line {ln}")


def check_set(lines_per_file, per_file, texts, tally, errors):
    """The checks over the whole set: sentences per file, no sentence or id twice, the domain cap.
    Returns the number of sentences counted."""
    for fn in FILES:
        if lines_per_file[fn] != per_file:
            errors.append(f"{fn}: {lines_per_file[fn]} sentences, expected {per_file}")
    for t, n in texts.items():
        if n > 1:
            errors.append(f"duplicate sentence ({n} times): {t[:60]!r}")
    _base.duplicate_ids(tally.ids, errors)
    total = sum(tally.per_domain.values())
    for dom, n in tally.per_domain.items():
        if total and n / total > MAX_DOMAIN_SHARE:
            errors.append(f"domain {dom} has {n}/{total} = {n / total:.1%} > {MAX_DOMAIN_SHARE:.0%}")
    return total
