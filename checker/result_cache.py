"""Whole-input results from the claim store: story names, and findings story by story.

A warm run (nothing changed) must not group an archive into stories and compare it again. Both
results are pure functions of what the extraction keys already pin down (``checker.store``: an
article's text, masked view, outlet, date, the rules, factcheck's version and extraction code),
the article ids, and the code that groups and compares. So they are kept in the store's
``results`` table under digests of exactly those:

- story names: one entry per input, keyed by every (article id, extraction key) in input order;
- findings: one entry per story, keyed by the story's name and the (article id, extraction key) of
  its articles that have claims. Comparison never pairs claims of two stories, so a story's
  findings depend on its own claims alone: when one article changes, only the stories it is in
  (before or after) are compared again, and the others come from the store.

Every key includes a digest of the source of every module of the package but the reports and the
command line (``code_digest``): editing stories.py, compare.py, frames.py or anything they call
invalidates every entry, with no version constant to remember. A damaged entry is a miss (its
payload digest is checked, as for extractions). Findings of a comparison that tripped on a bug are
never kept.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .compare import Finding, compare_claims, order_key
from .load import Loaded
from .rules import Rules
from .store import ClaimStore

TABLE = "results"
# Not part of any cached result: reports and the command line.
_NOT_RESULT_CODE = ("report/", "cli")


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of the package's source but its reports and command line."""
    h = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name.startswith(_NOT_RESULT_CODE):
            continue
        h.update(name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _digest(*parts) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


@dataclass
class ResultCache:
    """The store, and the extraction key of every article of the input (by id)."""

    store: ClaimStore
    keys: dict[str, str]
    space: str   # the extraction namespace (version, extraction code, rules)

    # -- stories ------------------------------------------------------------------------------
    def claim_story_names(self, loaded: list[Loaded], claims: list[tuple[str, str]], one_story: bool) -> list[str]:
        """The story of each claim (article id, sentence), as checker.stories.claim_story_names gives
        it, from the store when this very input was grouped before (its claims are then the same)."""
        ids = [item.article.id for item in loaded]
        key = _digest("claim-stories", self.space, code_digest(), one_story, *(f"{i}={self.keys[i]}" for i in ids))
        found = self.store.get([key], table=TABLE).get(key)
        if isinstance(found, list) and len(found) == len(claims):
            return found
        from .stories import StoryText, claim_story_names  # scikit-learn is imported only when grouping

        names = claim_story_names([StoryText(item.article.id, item.view, item.article.published) for item in loaded],
                                  claims, one_story)
        self.store.put([(key, names)], table=TABLE)
        return names

    # -- findings, story by story -------------------------------------------------------------
    def _story_keys(self, claims: pd.DataFrame) -> dict[str, str]:
        """Story name -> the key of its findings."""
        # A story's claims, not only its articles: a sentence placed in another story moves with
        # the other stories' content, so the same articles may hold other claims of the story.
        out = {}
        for story, members in claims[["story", "article", "start"]].groupby("story", sort=True):
            ids = sorted(f"{a}={self.keys[a]}@{s}" for a, s in zip(members["article"], members["start"], strict=True))
            out[story] = _digest("findings", self.space, code_digest(), story, *ids)
        return out

    def compare(self, claims: pd.DataFrame, rules: Rules, problems: list | None = None,
                compare: Callable = compare_claims) -> list[Finding]:
        """COMPARE(CLAIMS) (compare_claims), each story's findings from the store when its articles
        are unchanged; only the other stories are compared (in one call)."""
        if claims.empty or claims["story"].isna().any():
            return compare(claims, rules, problems)
        keys = self._story_keys(claims)
        stored = self.store.get(keys.values(), table=TABLE)
        findings: list[Finding] = []
        missed = []
        for story, key in keys.items():
            decoded = _decode_findings(stored.get(key))
            if decoded is None:
                missed.append(story)
            else:
                findings.extend(decoded)
        if missed:
            findings.extend(self._compare_missed(claims, missed, keys, rules, problems, compare))
        findings.sort(key=order_key)
        return findings

    def _compare_missed(self, claims: pd.DataFrame, missed: list[str], keys: dict[str, str], rules: Rules,
                        problems: list | None, compare: Callable) -> list[Finding]:
        """The findings of the MISSED stories, compared together, kept per story unless a block
        tripped on a bug."""
        tripped: list | None = [] if problems is not None else None   # without PROBLEMS a bug raises
        found = compare(claims[claims["story"].isin(missed)], rules, tripped)
        if tripped:
            problems.extend(tripped)
        else:
            per_story: dict[str, list[dict]] = {story: [] for story in missed}
            for f in found:
                per_story[f.story].append(asdict(f))
            self.store.put([(keys[story], entries) for story, entries in per_story.items()], table=TABLE)
        return found


def _decode_findings(entries) -> list[Finding] | None:
    """Findings from a stored entry; None when there is none or it is not a list of findings."""
    if not isinstance(entries, list):
        return None
    try:
        return [Finding(**entry) for entry in entries]
    except TypeError:  # written by another shape of Finding: compare again
        return None
