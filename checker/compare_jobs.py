"""Comparison of many stories on several processes, with the findings of one.

Comparison never pairs claims of two stories, so a claim table can be cut into groups of whole
stories, each compared on its own process with ``compare_claims``, and the findings put back in
the order ``compare_claims`` gives over the whole table (``compare.order_key``). Only large tables are cut
(below ``MIN_CLAIMS`` a process costs more than it saves); the groups are balanced by claims.
The processes are started from a fresh server process ("forkserver"), not forked from this one:
by then this process holds the whole archive, which a fork would map into every worker (and copy,
page by page, as Python touches its objects); a worker reads the rules from their folder (a rule
set does not pickle) and gets its group's claims only.
"""

from __future__ import annotations

import heapq
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

import pandas as pd

from .compare import Finding, compare_claims, order_key
from .rules import Rules, load_rules

MIN_CLAIMS = 20_000   # claims; below, one process compares them all
_PARTS_PER_JOB = 4     # groups of stories per process: the slowest group does not hold the others up


def story_groups(claims: pd.DataFrame, parts: int) -> list[list[str]]:
    """The stories of CLAIMS in at most PARTS groups of about equal claims (largest story first,
    each to the lightest group)."""
    sizes = claims["story"].value_counts()
    groups: list[tuple[int, int, list[str]]] = [(0, k, []) for k in range(max(1, parts))]
    for story, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        total, k, members = heapq.heappop(groups)
        members.append(story)
        heapq.heappush(groups, (total + int(size), k, members))
    return [members for _, _, members in sorted(groups, key=lambda g: g[1]) if members]


_RULES: Rules | None = None


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _init(rules_dir: str) -> None:
    global _RULES
    _RULES = load_rules(rules_dir)


def _compare_group(claims: pd.DataFrame) -> tuple[list[Finding], list]:
    tripped: list = []
    return compare_claims(claims, _RULES, tripped), tripped


def compare_in_processes(claims: pd.DataFrame, rules: Rules, problems: list | None = None, *, jobs: int = 1,
                         compare: Callable = compare_claims) -> list[Finding]:
    """COMPARE(CLAIMS, RULES, PROBLEMS), on JOBS processes when the table is large and COMPARE is
    compare_claims itself (anything else, a test's stand-in, runs here)."""
    if jobs <= 1 or len(claims) < MIN_CLAIMS or compare is not compare_claims or claims["story"].isna().any() \
            or not Path(rules.directory).is_dir():
        return compare(claims, rules, problems)
    groups = story_groups(claims, jobs * _PARTS_PER_JOB)
    if len(groups) <= 1:
        return compare(claims, rules, problems)
    with ProcessPoolExecutor(max_workers=min(jobs, len(groups)), mp_context=_context(), initializer=_init,
                             initargs=(str(rules.directory),)) as pool:
        results = list(pool.map(_compare_group, [claims[claims["story"].isin(g)] for g in groups]))
    tripped = [problem for _, found in results for problem in found]
    if tripped and problems is None:
        raise tripped[0]
    if problems is not None:
        problems.extend(tripped)
    return sorted((f for found, _ in results for f in found), key=order_key)
