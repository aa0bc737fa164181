"""The whole job, from paths to a report: load -> extract -> compare -> review."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import __version__
from .compare import Finding, compare_claims
from .compare_jobs import compare_in_processes
from .engine import Engine
from .errors import ArticleError
from .load import Fields, Loaded, article_files
from .models import CLAIM_COLUMNS, INTERNAL_COLUMNS
from .result_cache import ResultCache
from .review import review
from .rules import LEVELS, Rules, default_rules_dir, load_rules
from .store import ClaimStore, namespace


@dataclass
class RunResult:
    rules: Rules
    loaded: list[Loaded]
    problems: list[ArticleError]
    claims: pd.DataFrame
    findings: list[Finding]
    inputs: list[str] = field(default_factory=list)
    notes: list = field(default_factory=list)  # ArticleNote: skipped files, empty articles

    @property
    def articles(self):
        return [item.article for item in self.loaded]

    def summary(self) -> dict:
        by_level = {level: 0 for level in reversed(LEVELS)}
        suppressed = 0
        for f in self.findings:
            if f.suppressed:
                suppressed += 1
            else:
                by_level[f.level] = by_level.get(f.level, 0) + 1
        return {
            "articles": len(self.loaded),
            "unreadable": len(self.problems),
            "sources": len({a.source for a in self.articles}),
            "claims": int(len(self.claims)),
            "findings": sum(by_level.values()),
            "by_level": by_level,
            "suppressed": suppressed,
            # "bundled" for the rules shipped with factcheck: reports do not depend on where it is installed
            "rules": "bundled" if _is_bundled(self.rules.directory) else str(self.rules.directory),
            "version": __version__,
        }

    def claims_table(self) -> pd.DataFrame:
        """The public claim table (contract columns only)."""
        return self.claims[CLAIM_COLUMNS] if not self.claims.empty else pd.DataFrame(columns=CLAIM_COLUMNS)

    def to_dict(self) -> dict:
        articles = []
        counts = self.claims["article"].value_counts().to_dict() if not self.claims.empty else {}
        for a in self.articles:
            entry = a.summary()
            entry["claims"] = int(counts.get(a.id, 0))
            articles.append(entry)
        out = {
            "findings": [f.to_dict() for f in self.findings],
            "articles": articles,
            "errors": [{"path": p.path, "message": p.problem} for p in self.problems],
            "summary": self.summary(),
        }
        if self.notes:  # only when there are some (the contract of ordinary runs is unchanged)
            out["notes"] = [{"path": n.path, "message": n.message} for n in self.notes]
        return out


def _is_bundled(directory) -> bool:
    try:
        return Path(directory).resolve() == default_rules_dir().resolve()
    except OSError:
        return False


def claims_frame(rows: list[dict]) -> pd.DataFrame:
    """The claim table of claim rows (the extractor's ClaimRow fields with their frame, as the
    engine and the claim store keep them): CLAIM_COLUMNS then INTERNAL_COLUMNS, the story still
    empty (the story grouping fills it)."""
    columns = CLAIM_COLUMNS + list(INTERNAL_COLUMNS)
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.astype({"period": "Int64", "line": "int64", "column": "int64", "start": "int64", "end": "int64"})


def claims_with_stories(loaded: list[Loaded], rows: list[dict], one_story: bool = False,
                        cache: ResultCache | None = None) -> pd.DataFrame:
    """The claim table of LOADED (ROWS: their claims with frames), with the story of each claim
    (its article's, or another story its sentence belongs to; from CACHE, the claim store, when
    this input was grouped before)."""
    claims = claims_frame(rows)
    refs = list(zip(claims["article"], claims["sentence"], strict=True))
    if cache is not None:
        stories = cache.claim_story_names(loaded, refs, one_story)
    else:
        from .stories import StoryText, claim_story_names  # scikit-learn is imported only when grouping

        stories = claim_story_names([StoryText(item.article.id, item.view, item.article.published) for item in loaded],
                                    refs, one_story)
    return claims.assign(story=pd.Series(stories, index=claims.index, dtype="object"))


def result_cache(engine: Engine, rules: Rules, loaded: list[Loaded], keys: list[str],
                 warn=None) -> ResultCache | None:
    """The store's cache of story names and findings for this input; None without a store (or
    when an article has no extraction key)."""
    if not engine.store_path or len(keys) != len(loaded):
        return None
    store = ClaimStore(engine.store_path, warn=warn or engine.warn)
    if not store.usable:
        return None
    return ResultCache(store, {item.article.id: key for item, key in zip(loaded, keys, strict=True)},
                       namespace(rules.files))


def extract_loaded(loaded: Iterable[Loaded], rules: Rules, one_story: bool = False,
                   engine: Engine | None = None) -> pd.DataFrame:
    """Every claim of LOADED, with its frame and the story its article belongs to."""
    loaded = list(loaded)
    result = (engine or Engine()).extract_loaded(loaded, rules)
    if result.problems:
        raise result.problems[0]
    return claims_with_stories(loaded, [row for rows in result.rows for row in rows], one_story)


def extract_paths(paths: Iterable[str], rules: Rules, engine: Engine, stdin=None, one_story: bool = False,
                  notes: list | None = None, caches: list | None = None
                  ) -> tuple[list[Loaded], pd.DataFrame, list[ArticleError]]:
    """Load and extract every article under PATHS (through ENGINE: processes, claim store). With
    NOTES, skipped files, empty articles and sentences not read to their end are listed there;
    with CACHES, the ResultCache of this input (or None) is appended there for the comparison."""
    problems: list[ArticleError] = []
    files = article_files(paths, problems, notes)
    done = engine.load_and_extract(files, rules, stdin=stdin)
    if notes is not None:
        notes.extend(done.notes)
    cache = result_cache(engine, rules, done.loaded, done.keys)
    if caches is not None:
        caches.append(cache)
    claims = claims_with_stories(done.loaded, [row for rows in done.rows for row in rows], one_story, cache)
    return done.loaded, claims, problems + done.problems


def run(paths: list[str], rules_dir: str | Path | None = None, rules: Rules | None = None,
        stdin=None, today=None, one_story: bool = False, engine: Engine | None = None,
        fields: Fields | None = None) -> RunResult:
    rules = rules or load_rules(rules_dir)
    notes: list = []
    caches: list[ResultCache | None] = []
    runner = engine or Engine(fields=fields)
    loaded, claims, problems = extract_paths(paths, rules, runner, stdin, one_story, notes, caches)
    # compare_claims looked up here, on every call (a test replaces it); on all cores when large
    compare = functools.partial(compare_in_processes, jobs=runner.jobs, compare=compare_claims)
    compared = caches[0].compare(claims, rules, problems, compare) if caches[0] else compare(claims, rules, problems)
    if caches[0]:
        caches[0].store.close()
    # Verified facts, accepted exceptions and inline suppressions (today: when exceptions expire).
    findings = review(loaded, claims, compared, rules, today=today)
    return RunResult(rules, loaded, problems, claims, findings, list(paths), notes)
