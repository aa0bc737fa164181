"""The whole job, from paths to a report: load -> extract -> compare -> review."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import __version__
from .compare import Finding, compare_claims
from .errors import ArticleError, internal_error
from .extract import Extractor
from .frames import add_frames
from .load import Loaded, load_articles
from .models import CLAIM_COLUMNS
from .review import review
from .rules import LEVELS, Rules, default_rules_dir, load_rules
from .stories import StoryText, story_names

INTERNAL_COLUMNS = ["_resolution", "_head", "_series", "_context", "_increment"]


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
    columns = CLAIM_COLUMNS + INTERNAL_COLUMNS
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.astype({"period": "Int64", "line": "int64", "column": "int64", "start": "int64", "end": "int64"})


def extract_loaded(loaded: Iterable[Loaded], rules: Rules, one_story: bool = False,
                   problems: list | None = None, notes: list | None = None) -> pd.DataFrame:
    """Every claim of LOADED, with its frame and the story its article belongs to.

    With ``problems``, an article whose extraction fails (a bug) is added to it as that article's
    error and left out (its id in ``failed_ids(problems)``); the others are still extracted."""
    loaded = list(loaded)
    extractor = Extractor(rules)
    rows: list[dict] = []
    for item in loaded:
        try:
            rows.extend(extractor.extract(item))
        except Exception as exc:  # one article's bug must not lose the others
            if problems is None:
                raise
            problems.append(_failed(item, exc, "extracting claims"))
    if notes is not None:
        notes.extend(extractor.take_notes())
    if problems:
        failed = failed_ids(problems)
        loaded = [item for item in loaded if item.article.id not in failed]
        rows = [r for r in rows if r["article"] not in failed]
    claims = _framed(claims_frame(rows), loaded, rules, problems)
    stories = story_names([StoryText(item.article.id, item.view, item.article.published) for item in loaded], one_story)
    return claims.assign(story=claims["article"].map(stories).astype("object"))


def _failed(item: Loaded, exc: Exception, doing: str) -> ArticleError:
    error = internal_error(item.article.path, exc, doing)
    error.article_id = item.article.id
    return error


def failed_ids(problems: list) -> set[str]:
    """The ids of the articles that were read but failed later (a bug named in ``problems``)."""
    return {p.article_id for p in problems if getattr(p, "article_id", None) is not None}


def _framed(claims: pd.DataFrame, loaded: list[Loaded], rules: Rules, problems: list | None) -> pd.DataFrame:
    """The claims with their frames; when that fails (a bug), article by article, so that only the
    articles it fails on are lost (and named in ``problems``)."""
    texts = {item.article.id: item.article.text for item in loaded}
    try:
        return add_frames(claims, texts, rules)
    except Exception:
        if problems is None:
            raise
    parts = []
    for item in loaded:
        try:
            parts.append(add_frames(claims[claims["article"] == item.article.id], {item.article.id: item.article.text}, rules))
        except Exception as exc:  # an article it fails on is named, the others kept
            problems.append(_failed(item, exc, "reading claim frames"))
    return pd.concat(parts, ignore_index=True) if parts else add_frames(claims_frame([]), {}, rules)


def run(paths: list[str], rules_dir: str | Path | None = None, rules: Rules | None = None,
        stdin=None, today=None, one_story: bool = False) -> RunResult:
    rules = rules or load_rules(rules_dir)
    notes: list = []
    loaded, problems = load_articles(paths, stdin=stdin, notes=notes)
    claims = extract_loaded(loaded, rules, one_story, problems, notes)
    failed = failed_ids(problems)
    loaded = [item for item in loaded if item.article.id not in failed]
    # Verified facts, accepted exceptions and inline suppressions (today: when exceptions expire).
    findings = review(loaded, claims, compare_claims(claims, rules, problems), rules, today=today)
    return RunResult(rules, loaded, problems, claims, findings, list(paths), notes)
