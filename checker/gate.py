"""The gate that CI runs on new articles: compare given articles with a corpus and keep the
findings that involve them (``factcheck check``), optionally against a baseline.

What the desk knows on top of the articles (verified facts, accepted exceptions, inline
suppressions) is applied by ``checker.review``; baselines are read and written by
``checker.baseline``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .baseline import read_baseline
from .compare import compare_claims
from .errors import ArticleError
from .load import ARTICLE_SUFFIXES, Loaded, discover, parse_article, read_text
from .pipeline import RunResult, claims_frame, extract_loaded, failed_ids
from .records import file_id
from .review import review
from .rules import Rules


@dataclass
class CheckResult(RunResult):
    targets: list[str] = field(default_factory=list)
    corpus: list[str] = field(default_factory=list)
    baselined: int = 0
    baseline: str | None = None
    root: Path | None = None

    def summary(self) -> dict:
        out = super().summary()
        out["checked"] = list(self.targets)
        out["corpus"] = list(self.corpus)
        out["baselined"] = self.baselined
        if self.baseline:
            out["baseline"] = self.baseline
        return out

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["checks"] = {code: {"name": c.name, "level": c.level, "summary": c.summary}
                         for code, c in sorted(self.rules.checks.items())}
        return out


def _load_files(files: list[tuple[str, Path]], problems: list[ArticleError]) -> list[Loaded]:
    loaded = []
    for article_id, path in files:
        try:
            loaded.append(parse_article(article_id, str(path), read_text(path), path.suffix.lower()))
        except ArticleError as exc:
            problems.append(exc)
    return loaded


def expand(paths: Iterable[Path | str], root: Path, problems: list[ArticleError] | None = None
           ) -> list[tuple[str, Path]]:
    """(article id, path) of every article under ``paths``; ids are relative to ``root``.
    Folders that cannot be read are added to ``problems``."""
    out = []
    for given in paths:
        for _, path in discover([str(given)], problems):
            out.append((file_id(path, root), path))
    return out


def in_folders(path: Path, folders: Iterable[Path]) -> bool:
    """Is ``path`` an article file under one of ``folders`` (not in a hidden folder)?"""
    path = Path(path).resolve()
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return False
    for folder in folders:
        try:
            rel = path.relative_to(Path(folder).resolve())
        except ValueError:
            continue
        if not any(part.startswith(".") for part in rel.parts):
            return True
    return False


def check_articles(articles: list[Path | str], corpus: list[Path | str], rules: Rules, *,
                   root: Path | None = None, baseline: Path | str | None = None, today: _dt.date | None = None,
                   exception_findings: bool = False, whole_corpus: bool = False) -> CheckResult:
    """Compare ``articles`` with ``corpus`` and keep the findings that involve the articles
    (every finding with ``whole_corpus``, as a baseline records them). Article ids are paths
    relative to ``root``, the same for every run, so that baselines and reports agree."""
    root = (root or Path.cwd()).resolve()
    problems: list[ArticleError] = []
    corpus_files = expand(corpus, root, problems)
    target_files = expand(articles, root, problems)
    files: dict[Path, tuple[str, Path]] = {}
    for article_id, path in corpus_files + target_files:
        files.setdefault(path.resolve(), (article_id, path))
    targets = sorted({files[p.resolve()][0] for _, p in target_files})
    loaded = _load_files(list(files.values()), problems)
    claims = extract_loaded(loaded, rules, problems=problems)
    failed = failed_ids(problems)
    loaded = [item for item in loaded if item.article.id not in failed]
    findings = review(loaded, claims, compare_claims(claims, rules, problems), rules,
                      targets=None if whole_corpus else set(targets), today=today, root=root,
                      exception_findings=exception_findings or whole_corpus)
    baselined = 0
    if baseline is not None:
        known = read_baseline(baseline)
        kept = [f for f in findings if f.suppressed or f.fingerprint not in known]
        baselined = len(findings) - len(kept)
        findings = kept
    return CheckResult(rules, loaded, problems, claims, findings, [str(p) for p in list(corpus) + list(articles)],
                       targets=targets, corpus=[file_id(c, root) for c in corpus], baselined=baselined,
                       baseline=file_id(baseline, root) if baseline is not None else None, root=root)


def empty_check(rules: Rules, corpus: list[Path | str], root: Path) -> CheckResult:
    """The result of a check with no article to check (nothing changed)."""
    return CheckResult(rules, [], [], claims_frame([]), [], [], targets=[],
                       corpus=[file_id(c, root) for c in corpus], root=root)
