#!/usr/bin/env python3
"""Shared checks of the random ECB+ samples (eval-heldout, eval-heldout2, eval-heldout3, eval-heldout4; stdlib only).

Each sample's validate_gold.py calls ``main(folder, id_prefix, excluded)``. Adapted from
../eval-real/validate_gold.py:
  * ids are "<id_prefix>-<folder>-<file stem>-<n>" (n = 1-based line number in the source file);
  * at least MIN_SENTENCES = 200 sentences; no corpus folder holds more than
    MAX_FOLDER_SENTENCES = 6 sentences; no domain exceeds 30% of the sentences;
  * the claim checks of ../eval/validate_gold.py;
  * no sentence text twice, and none that is a sentence of an earlier set (``excluded``: each
    found through its --flag FILE, its environment variable, or its folder beside this one; only
    "text" fields are read; a set that is not found is reported and its check is SKIPPED);
  * the verbatim check against the corpus ($ECBPLUS_DIR, --corpus, ../shared/corpora beside the
    clone) is skipped with a note when the corpus is not found, unless --require-corpus.

Options: [DIR] [--corpus CORPUS_DIR] [--eval-real FILE] [--eval-heldout FILE] [--eval-heldout2 FILE]
[--eval-heldout3 FILE] [--folders] [--require-corpus]. Exit status 0 if every check passes, 1 otherwise.
"""
import importlib.util
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

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


DOMAINS = {"disasters", "crime", "sports", "business", "technology", "politics",
           "entertainment", "health", "other"}
SENTENCE_KEYS = {"id", "domain", "source_file", "text", "claims"}
MAX_DOMAIN_SHARE = 0.30
MAX_FOLDER_SENTENCES = 6
MIN_FOLDERS = 50
MIN_SENTENCES = 200
NUMBERISH = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|half|"
    r"third|quarter|couple|several|few|pair)", re.I)


def find_corpus(argv):
    if "--corpus" in argv:
        i = argv.index("--corpus")
        path = argv[i + 1]
        del argv[i:i + 2]
        return path
    if os.environ.get("ECBPLUS_DIR"):
        return os.environ["ECBPLUS_DIR"]
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in (os.path.join(here, "..", "..", "..", "shared", "corpora", "ecbplus-dev"),  # beside the clone
                 "/work/shared/corpora/ecbplus-dev"):
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    return None


def find_excluded(argv, flag, env, subdir, name):
    """Path of an earlier ECB+ set whose sentences must not reappear here (optional)."""
    if flag in argv:
        i = argv.index(flag)
        path = argv[i + 1]
        del argv[i:i + 2]
        return path if os.path.isfile(path) else None
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in (os.environ.get(env, ""),
                 os.path.join(here, subdir, name)):  # this module sits in tests/data
        if cand and os.path.isfile(cand):
            return os.path.normpath(cand)
    return None


def load_texts(path):
    """The "text" field of every line of a .jsonl file (nothing else is read)."""
    with open(path, encoding="utf-8") as fh:
        return {json.loads(ln)["text"] for ln in fh if ln.strip()}


_file_cache = {}


def source_lines(corpus, rel):
    if rel not in _file_cache:
        path = os.path.join(corpus, rel)
        try:
            with open(path, encoding="utf-8") as fh:
                _file_cache[rel] = fh.read().split("\n")
        except OSError:
            _file_cache[rel] = None
    return _file_cache[rel]


EARLIER_SETS = {
    "eval-real": ("--eval-real", "ECBPLUS_EVAL_REAL", "ecbplus.jsonl"),
    "eval-heldout": ("--eval-heldout", "ECBPLUS_EVAL_HELDOUT", "ecbplus-heldout.jsonl"),
    "eval-heldout2": ("--eval-heldout2", "ECBPLUS_EVAL_HELDOUT2", "ecbplus-heldout2.jsonl"),
    "eval-heldout3": ("--eval-heldout3", "ECBPLUS_EVAL_HELDOUT3", "ecbplus-heldout3.jsonl"),
}


@dataclass
class Options:
    """The command line of a sample's validate_gold.py, with the earlier sets read."""
    corpus: str | None
    earlier: dict  # name -> (path or None, its sentence texts)
    show_folders: bool
    require_corpus: bool
    folder: str


@dataclass
class SampleTally(_base.Tally):
    """The tally of ../eval/validate_gold.py, plus the sentences per corpus folder and the texts seen."""
    seen_text: Counter = field(default_factory=Counter)  # (source file, text)
    seen_any: Counter = field(default_factory=Counter)   # text
    per_folder: Counter = field(default_factory=Counter)
    claims_per_folder: Counter = field(default_factory=Counter)


@dataclass
class Limits:
    """The size and balance limits of a set (see main)."""
    min_sentences: int
    max_folder_sentences: int | None
    max_folder_share: float | None
    max_domain_share: float


def main(folder: str, id_prefix: str, excluded: tuple[str, ...], *, min_sentences: int = MIN_SENTENCES,
         max_folder_sentences: int | None = MAX_FOLDER_SENTENCES, max_folder_share: float | None = None,
         max_domain_share: float = MAX_DOMAIN_SHARE) -> int:
    """Validate the set in ``folder``: ids "<id_prefix>-...", no sentence of the ``excluded``
    earlier sets (names of EARLIER_SETS), the size and balance limits given."""
    limits = Limits(min_sentences, max_folder_sentences, max_folder_share, max_domain_share)
    opts = read_options(sys.argv[1:], folder, excluded)
    id_re = re.compile(rf"^{id_prefix}-(\d+_ecb(?:plus)?)-(\d+_\d+ecb(?:plus)?)-(\d+)$")
    files = sorted(f for f in os.listdir(opts.folder) if f.endswith(".jsonl"))
    errors = []
    corpus = corpus_found(opts, errors)
    tally = SampleTally()
    for fn in files:
        for ln, obj in _base.sentence_objects(os.path.join(opts.folder, fn), fn, SENTENCE_KEYS, errors):
            check_sentence(obj, f"{fn}:{ln}", (id_re, id_prefix), corpus, opts.earlier, tally, errors)
    total = check_set(tally, limits, errors)
    print_summary(opts, tally, total)
    return _base.finish(errors)


def read_options(argv, folder, excluded):
    """[DIR] [--corpus CORPUS_DIR] [--<earlier set> FILE ...] [--folders] [--require-corpus]; the
    earlier sets of ``excluded`` are read here."""
    corpus = find_corpus(argv)
    earlier = {}
    for name in excluded:
        flag, env, filename = EARLIER_SETS[name]
        path = find_excluded(argv, flag, env, name, filename)
        earlier[name] = (path, load_texts(path) if path else set())
    show_folders = "--folders" in argv
    require_corpus = "--require-corpus" in argv
    argv = [a for a in argv if a not in ("--folders", "--require-corpus")]
    return Options(corpus, earlier, show_folders, require_corpus, argv[0] if argv else folder)


def corpus_found(opts, errors):
    """The corpus folder, or None (said on stdout, or an error with --require-corpus)."""
    corpus = opts.corpus
    if corpus is None or not os.path.isdir(corpus):
        # A clone without the shared corpora beside it (a CI machine) can still check everything
        # else; --require-corpus makes the missing corpus an error.
        message = f"ECB+ corpus not found ({corpus!r}); set ECBPLUS_DIR or use --corpus"
        if opts.require_corpus:
            errors.append(message)
        else:
            print(f"note: {message}: the verbatim check against the corpus is SKIPPED")
        return None
    return corpus


def check_sentence(obj, at, id_rule, corpus, earlier, tally, errors):
    """One sentence (``at``: file:line): known keys and domain, a text, its id and source file
    (``id_rule``: the id pattern and the id prefix), a sentence of no earlier set, a number in it,
    a list of claims."""
    where = at
    extra = set(obj) - SENTENCE_KEYS
    if extra:
        errors.append(f"{where}: unknown keys {sorted(extra)}")
    sid = obj["id"]
    tally.ids[sid] += 1
    where = f"{at} ({sid})"
    if obj["domain"] not in DOMAINS:
        errors.append(f"{where}: domain {obj['domain']!r} not in {sorted(DOMAINS)}")
    text = obj["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty text")
        return
    src = obj["source_file"]
    check_source(sid, src, text, id_rule, corpus, where, errors)
    folder = src.split("/")[0] if isinstance(src, str) else "?"
    tally.seen_text[(src, text)] += 1
    tally.seen_any[text] += 1
    for name, (_, texts) in earlier.items():
        if text in texts:
            errors.append(f"{where}: sentence is already in {name}")
    if not NUMBERISH.search(text):
        errors.append(f"{where}: sentence has no digit or number word")
    if not isinstance(obj["claims"], list):
        errors.append(f"{where}: claims is not a list")
        return
    tally.per_folder[folder] += 1
    tally.claims_per_folder[folder] += len(obj["claims"])
    tally.add_sentence(obj["domain"], obj["claims"], text, where, errors)


def check_source(sid, src, text, id_rule, corpus, where, errors):
    """The id names the source file and line; with the corpus, the text is that line of that file."""
    id_re, id_prefix = id_rule
    m = id_re.match(sid) if isinstance(sid, str) else None
    if not m:
        errors.append(f"{where}: id does not match {id_prefix}-<folder>-<file stem>-<line>")
    elif src != f"{m.group(1)}/{m.group(2)}.txt":
        errors.append(f"{where}: source_file {src!r} does not match id")
    if corpus is None or not isinstance(src, str):
        return
    lines = source_lines(corpus, src)
    if lines is None:
        errors.append(f"{where}: source file {src!r} not found in corpus")
    elif text not in lines:
        errors.append(f"{where}: text is not a verbatim line of {src}")
    elif m and (int(m.group(3)) > len(lines) or lines[int(m.group(3)) - 1] != text):
        errors.append(f"{where}: text is not line {m.group(3)} of {src}")


def check_set(tally, limits, errors):
    """The checks over the whole set: no id or sentence twice, the size and balance limits. Returns
    the number of sentences counted."""
    _base.duplicate_ids(tally.ids, errors)
    for (src, text), n in tally.seen_text.items():
        if n > 1:
            errors.append(f"duplicate sentence in {src}: {text[:60]!r} ({n} times)")
    for text, n in tally.seen_any.items():
        if n > 1:
            errors.append(f"sentence text appears {n} times: {text[:60]!r}")
    total = sum(tally.per_domain.values())
    for dom, n in tally.per_domain.items():
        if total and n / total > limits.max_domain_share:
            errors.append(f"domain {dom} has {n}/{total} = {n / total:.1%} > {limits.max_domain_share:.0%}")
    check_folders(tally.per_folder, total, limits, errors)
    if total < limits.min_sentences:
        errors.append(f"only {total} sentences (< {limits.min_sentences})")
    return total


def check_folders(per_folder, total, limits, errors):
    """No corpus folder above its limits, and at least MIN_FOLDERS folders used."""
    for folder, n in per_folder.items():
        if limits.max_folder_sentences is not None and n > limits.max_folder_sentences:
            errors.append(f"folder {folder} has {n} sentences > {limits.max_folder_sentences}")
        if limits.max_folder_share is not None and total and n / total > limits.max_folder_share:
            errors.append(f"folder {folder} has {n}/{total} = {n / total:.1%} > {limits.max_folder_share:.0%}")
    if len(per_folder) < MIN_FOLDERS:
        errors.append(f"only {len(per_folder)} folders used (< {MIN_FOLDERS})")


def print_summary(opts, tally, total):
    """The earlier sets checked against, the sentences and claims per domain, the folders, the
    tallies of qualifiers and units (and with --folders, each folder)."""
    for name, (path, _) in opts.earlier.items():
        print(f"no-overlap check against {name}: " + (path or "SKIPPED (file not found)"))
    print(f"{'domain':<14} {'sentences':>9} {'claims':>7} {'no-claim':>9} {'share':>7}")
    for dom in sorted(tally.per_domain):
        n = tally.per_domain[dom]
        print(f"{dom:<14} {n:>9} {tally.claims_per_domain[dom]:>7} {tally.empty_per_domain[dom]:>9} {n / total:>7.1%}")
    n_empty = sum(tally.empty_per_domain.values())
    print(f"{'TOTAL':<14} {total:>9} {sum(tally.claims_per_domain.values()):>7} {n_empty:>9}"
          f"   ({n_empty / total:.1%} of sentences have no claim)" if total else "TOTAL 0")
    print(f"folders used: {len(tally.per_folder)}; largest: "
          + ", ".join(f"{f} {n} ({n / total:.1%})" for f, n in tally.per_folder.most_common(3)))
    _base.print_tallies(tally.qual_counts, tally.unit_counts)
    if opts.show_folders:
        for f in sorted(tally.per_folder, key=lambda s: (int(s.split("_")[0]), s)):
            print(f"  {f:<12} {tally.per_folder[f]:>3} sentences {tally.claims_per_folder[f]:>4} claims")
