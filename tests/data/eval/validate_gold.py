#!/usr/bin/env python3
"""Validate the hand-labelled numeric-claim gold set (stdlib only).

Usage: python3 validate_gold.py [DIR]   (DIR defaults to this file's directory)
Exit status 0 if every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

QUALIFIERS = {"=", "~", ">", ">=", "<", "<=", "range", "vague"}
CHANGES = {"up", "down", None}
UNITS = {
    "count", "percent", "percentage_point", "fraction",
    "km", "m", "cm", "mm", "mile", "ft", "inch", "kg", "g", "tonne", "lb",
    "barrel", "litre", "gallon", "celsius", "fahrenheit", "mph", "km/h", "knot",
    "MW", "GW", "kW", "kWh", "GB", "TB", "MB", "sq_km", "sq_m", "sq_mile",
    "hectare", "acre", "magnitude", "year", "month", "week", "day", "hour",
    "minute", "second", "age",
}
ISO4217 = re.compile(r"^[A-Z]{3}$")
SENTENCE_KEYS = {"id", "domain", "text", "claims"}
CLAIM_KEYS = {"value", "low", "high", "qualifier", "change", "unit", "entity", "text"}
MAX_DOMAIN_SHARE = 0.25


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_claim(c, text, where, errors):
    if not isinstance(c, dict):
        errors.append(f"{where}: claim is not an object")
        return
    extra = set(c) - CLAIM_KEYS
    if extra:
        errors.append(f"{where}: unknown keys {sorted(extra)}")
    check_amount(c, where, errors)
    check_qualifier(c, where, errors)
    check_labels(c, text, where, errors)


def check_amount(c, where, errors):
    """A claim holds a number "value", or a "low" and a "high" with low <= high."""
    has_value = "value" in c
    has_low, has_high = "low" in c, "high" in c
    if has_value == (has_low or has_high):
        errors.append(f"{where}: needs exactly one of value / (low and high)")
    if has_low != has_high:
        errors.append(f"{where}: low and high must both be present")
    if has_value and not is_num(c["value"]):
        errors.append(f"{where}: value is not a number: {c['value']!r}")
    if has_low and has_high:
        if not (is_num(c["low"]) and is_num(c["high"])):
            errors.append(f"{where}: low/high not numbers")
        elif c["low"] > c["high"]:
            errors.append(f"{where}: low > high ({c['low']} > {c['high']})")


def check_qualifier(c, where, errors):
    """A known qualifier, with the amount it needs: low/high for a range or a vague amount, else a value."""
    q = c.get("qualifier")
    if q not in QUALIFIERS:
        errors.append(f"{where}: bad qualifier {q!r}")
    elif q in ("range", "vague") and not ("low" in c and "high" in c):
        errors.append(f"{where}: qualifier {q} requires low/high")
    elif q not in ("range", "vague") and "value" not in c:
        errors.append(f"{where}: qualifier {q} requires value")


def check_labels(c, text, where, errors):
    """The change, a known unit (or an ISO 4217 currency), a lower-case entity, and the claim's text
    as it stands in the sentence."""
    if "change" not in c or c["change"] not in CHANGES:
        errors.append(f"{where}: bad/missing change {c.get('change')!r}")
    u = c.get("unit")
    if not isinstance(u, str) or not (u in UNITS or ISO4217.match(u)):
        errors.append(f"{where}: bad unit {u!r}")
    e = c.get("entity")
    if not isinstance(e, str):
        errors.append(f"{where}: entity must be a string")
    elif e != e.lower():
        errors.append(f"{where}: entity not lower-case: {e!r}")
    t = c.get("text")
    if not isinstance(t, str) or not t:
        errors.append(f"{where}: missing claim text")
    elif t not in text:
        errors.append(f"{where}: claim text {t!r} not found in sentence")


def sentence_objects(path, fn, keys, errors):
    """(line number, object) for each line of a .jsonl file that is a JSON object with every one
    of ``keys``; blank lines, invalid JSON, non-objects and missing keys go to ``errors``."""
    with open(path, encoding="utf-8") as fh:
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
            missing = keys - set(obj)
            if missing:
                errors.append(f"{where}: missing keys {sorted(missing)}")
                continue
            yield ln, obj


def check_claims(claims, text, where, errors, qual_counts, unit_counts):
    """check_claim on every claim of a sentence, tallying their qualifiers and units."""
    for i, c in enumerate(claims):
        check_claim(c, text, f"{where} claim {i}", errors)
        if isinstance(c, dict):
            qual_counts[c.get("qualifier")] += 1
            unit_counts[c.get("unit")] += 1


@dataclass
class Tally:
    """What a validator counts over the sentences of a set (the validators share it)."""
    ids: Counter = field(default_factory=Counter)
    per_domain: Counter = field(default_factory=Counter)
    claims_per_domain: Counter = field(default_factory=Counter)
    empty_per_domain: Counter = field(default_factory=Counter)
    qual_counts: Counter = field(default_factory=Counter)
    unit_counts: Counter = field(default_factory=Counter)

    def add_sentence(self, domain, claims, text, where, errors):
        """Count a sentence of ``domain`` and check its claims."""
        self.per_domain[domain] += 1
        self.claims_per_domain[domain] += len(claims)
        if not claims:
            self.empty_per_domain[domain] += 1
        check_claims(claims, text, where, errors, self.qual_counts, self.unit_counts)


def duplicate_ids(ids, errors):
    for sid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {sid!r} ({n} times)")


def print_domains(per_domain, claims_per_domain, empty_per_domain, total):
    print(f"{'domain':<12} {'sentences':>9} {'claims':>7} {'no-claim':>9} {'share':>7}")
    for dom in sorted(per_domain):
        n = per_domain[dom]
        print(f"{dom:<12} {n:>9} {claims_per_domain[dom]:>7} {empty_per_domain[dom]:>9} {n / total:>7.1%}")
    print(f"{'TOTAL':<12} {total:>9} {sum(claims_per_domain.values()):>7} {sum(empty_per_domain.values()):>9}")


def print_tallies(qual_counts, unit_counts):
    print("qualifiers:", dict(sorted(qual_counts.items(), key=lambda kv: -kv[1])))
    print("units:", dict(sorted(unit_counts.items(), key=lambda kv: -kv[1])))


def finish(errors):
    """Print the problems found (exit status 1) or that there are none (0)."""
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: no problems found")
    return 0


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = sorted(f for f in os.listdir(d) if f.endswith(".jsonl"))
    errors = []
    tally = Tally()
    for fn in files:
        for ln, obj in sentence_objects(os.path.join(d, fn), fn, SENTENCE_KEYS, errors):
            check_sentence(obj, fn, ln, tally, errors)
    duplicate_ids(tally.ids, errors)
    total = sum(tally.per_domain.values())
    for dom, n in tally.per_domain.items():
        if total and n / total > MAX_DOMAIN_SHARE:
            errors.append(f"domain {dom} has {n}/{total} = {n / total:.1%} > 25%")

    print_domains(tally.per_domain, tally.claims_per_domain, tally.empty_per_domain, total)
    print_tallies(tally.qual_counts, tally.unit_counts)
    return finish(errors)


def check_sentence(obj, fn, ln, tally, errors):
    """One sentence of file ``fn``, line ``ln``: its domain is the file's, a text, a list of claims."""
    stem = fn[:-len(".jsonl")]
    sid = obj["id"]
    tally.ids[sid] += 1
    where = f"{fn}:{ln} ({sid})"
    if obj["domain"] != stem:
        errors.append(f"{where}: domain {obj['domain']!r} != file name {stem!r}")
    text = obj["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty text")
        return
    if not isinstance(obj["claims"], list):
        errors.append(f"{where}: claims is not a list")
        return
    tally.add_sentence(obj["domain"], obj["claims"], text, where, errors)


if __name__ == "__main__":
    sys.exit(main())
