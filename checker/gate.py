"""What the desk knows on top of the articles, and the gate that CI runs on new articles.

- Verified facts (``rules/facts.yaml``): a claim about the same event, period, entity and unit
  whose interval misses the fact's is FC201 (FC202 when it meets the fact only once a round
  figure is read with its rounding tolerance), whether or not another article mentions it.
- Accepted exceptions (``rules/exceptions.yaml``): a discrepancy the desk has reviewed, matched
  by event, entity and values, never by line. Findings they cover stay in the report, marked
  suppressed. An exception past its expiry date suppresses nothing and is FC302; one that covers
  no finding is FC301.
- Inline suppressions, in Markdown and HTML articles: ``<!-- factcheck: ignore[FC101] reason="..." -->``
  on its own line covers the next paragraph. Without a reason it covers nothing and is FC303;
  one that covers no finding is FC304; one that cannot be read (or names no known rule) is FC305.
- Baselines: today's findings recorded by fingerprint, so that a check reports only new ones.
- ``check_articles``: compare given articles with a corpus and keep the findings that involve them.

How a finding is suppressed. A finding groups claims from several articles; each pair of claims
from two articles whose intervals do not overlap is one disagreement in it (for a fact finding,
the claim against the fact). A pair is covered when an exception lists both values (for the same
event and entity), or when either claim sits in a paragraph under an inline ``ignore`` of the
finding's rule. The finding is suppressed when every pair that counts is covered; when ``check``
looks at given articles, only the pairs that involve one of them count, so a disagreement inside
the corpus never decides whether a new article passes.
"""

from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import json
import math
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd
import yaml

from .compare import (
    FINDING_CLAIM_FIELDS,
    Finding,
    _bounds,
    _plain,
    _widen,
    comparable,
    compare_claims,
    entity_relation,
    fingerprint,
    intervals_overlap,
    rounding_tolerance,
)
from .errors import ArticleError, RulesError, read_text_file
from .load import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    SUPPRESSION_SUFFIXES,
    Loaded,
    comment_body,
    discover,
    parse_article,
    read_text,
    text_lines,
)
from .normalize import canonical_entity
from .pipeline import RunResult, extract_loaded
from .rules import LEVEL_RANK, Fact, Rules

_CLOSING_BLOCK = ("</p>", "</li>", "</ul>", "</ol>", "</blockquote>", "</div>", "</td>", "</tr>", "</table>",
                  "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "</section>", "</figure>")

# --------------------------------------------------------------------------------------------
# Shared helpers


def file_id(path: Path | str, root: Path | None = None) -> str:
    """How a file is named in reports: relative to ``root`` (default: the working directory)
    when inside it, else its absolute path; always with forward slashes."""
    path = Path(path).resolve()
    root = (root or Path.cwd()).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _numbers(c: dict) -> tuple[float, ...]:
    """The figures a claim states: its value, or both ends of a range."""
    value = c.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(float(value)):
        return (float(value),)
    return tuple(float(x) for x in (c.get("low"), c.get("high")) if x is not None and not pd.isna(x))


def _listed(numbers: Iterable[float], values: list[float]) -> bool:
    numbers = list(numbers)
    return bool(numbers) and all(any(math.isclose(n, v, rel_tol=1e-9, abs_tol=1e-9) for v in values) for n in numbers)


def _make(code: str, rules: Rules, **kwargs) -> Finding | None:
    check = rules.checks[code]
    if check.level == "off":
        return None
    return Finding(rule=code, name=check.name, level=check.level, **kwargs)


def _location_claim(article: str, line: int | None, column: int | None, text: str, sentence: str,
                    source: str = "", start: int | None = None, end: int | None = None,
                    published: str | None = None) -> dict:
    """Where a finding about a rules entry or a comment points (same fields as a claim)."""
    claim = {k: None for k in FINDING_CLAIM_FIELDS}
    claim.update(article=article, source=source, text=text, sentence=sentence, line=line, column=column,
                 start=start, end=end, published=published)
    return claim


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _where_line(where: str) -> int | None:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


# --------------------------------------------------------------------------------------------
# Verified facts


def fact_record(fact: Fact, rules: Rules, root: Path | None = None) -> dict:
    path = rules.files.get("facts.yaml", rules.directory / "facts.yaml")
    return {
        "event": fact.event, "period": fact.period, "entity": fact.entity, "unit": fact.unit,
        "value": fact.value_text, "low": fact.low, "high": fact.high, "source": fact.source,
        "verified_by": fact.verified_by, "verified_on": fact.verified_on.isoformat(), "where": fact.where,
        "file": file_id(path, root), "line": _where_line(fact.where),
    }


def fact_findings(claims: pd.DataFrame, rules: Rules, root: Path | None = None) -> list[Finding]:
    """FC201/FC202: claims whose interval misses a verified fact about the same thing."""
    if not rules.facts:
        return []
    data = comparable(claims)
    if data.empty:
        return []
    events = data["event"].fillna("").astype(str).str.lower()
    series = data["_series"].fillna("").astype(str).str.lower()
    findings: list[Finding] = []
    for fact in rules.facts:
        name = fact.event.lower()
        about = events.eq(name)
        if fact.period is not None:
            # "army" with period 2023 names the same edition as "army-2023".
            about = (about | series.eq(name)) & data["period"].eq(fact.period).fillna(False).astype(bool)
        mask = about & data["unit"].eq(fact.unit)
        if not mask.any():
            continue
        key = canonical_entity(fact.entity, rules.entity_aliases, rules.ignored_modifiers)
        target = (fact.low, fact.high, False, False)
        for row in data[mask].to_dict("records"):
            if entity_relation(row["entity_key"], key, rules) != "same":
                continue
            bounds = _bounds(row)
            if intervals_overlap(bounds, target):
                continue
            code = "FC202" if intervals_overlap(_widen(bounds, rounding_tolerance(row, rules)), target) else "FC201"
            record = fact_record(fact, rules, root)
            period = None if pd.isna(row["period"]) else int(row["period"])
            verb = "contradicts" if code == "FC201" else "differs, within rounding, from"
            what = f"{row['entity']}" + (f" at {row['event']}" if row["event"] else "") + (f" in {period}" if period else "")
            message = (f"{row['text']} {what} ({row['article']}:{row['line']}) {verb} the verified fact: "
                       f"{fact.value_text} ({fact.source}; verified by {fact.verified_by} on "
                       f"{record['verified_on']}; {record['file']}:{record['line']})")
            finding = _make(code, rules, event=row["event"] or None, period=period, entity=row["entity"],
                            unit=row["unit"], message=message,
                            claims=[{k: _plain(row[k]) for k in FINDING_CLAIM_FIELDS}], fact=record)
            if finding is not None:
                finding.fingerprint = fingerprint(finding)
                findings.append(finding)
    return findings


# --------------------------------------------------------------------------------------------
# Inline suppressions


@dataclass
class Suppression:
    article: str
    line: int
    column: int
    text: str              # the comment as written
    codes: tuple[str, ...]
    reason: str | None
    start: int             # the paragraph it covers, as character offsets
    end: int
    used: bool = False

    @property
    def where(self) -> str:
        return f"{self.article}:{self.line}"


@dataclass
class CommentProblem:
    code: str              # FC303 or FC305
    article: str
    line: int
    column: int
    text: str
    problem: str
    start: int
    end: int


def _parse_directive(body: str, rules: Rules) -> tuple[tuple[str, ...], str | None, str | None]:
    """(codes, reason, problem) of ``ignore[CODE, ...] reason="..."``."""
    if not body.startswith("ignore[") or "]" not in body:
        return (), None, 'expected <!-- factcheck: ignore[CODE] reason="..." --> on one line'
    codes_text, _, rest = body[len("ignore["):].partition("]")
    names = {c.name.lower(): code for code, c in rules.checks.items()}
    codes = []
    for raw in codes_text.split(","):
        raw = raw.strip()
        if not raw:
            continue
        code = raw.upper() if raw.upper() in rules.checks else names.get(raw.lower())
        if code is None:
            return (), None, f"unknown rule {raw!r} (see `factcheck rules`)"
        codes.append(code)
    if not codes:
        return (), None, "no rule code between the brackets, e.g. ignore[FC101]"
    rest = rest.strip()
    if not rest:
        return tuple(codes), None, None
    key, eq, value = rest.partition("=")
    value = value.strip()
    if key.strip() != "reason" or not eq or len(value) < 2 or value[0] not in "\"'" or value[-1] != value[0]:
        return (), None, f'cannot read {rest!r}; expected reason="..."'
    reason = value[1:-1].strip()
    return tuple(codes), (reason or None), None


def _suffix(item: Loaded) -> str:
    return Path(item.article.path).suffix.lower()


def scan_suppressions(item: Loaded, rules: Rules) -> tuple[list[Suppression], list[CommentProblem]]:
    """Inline suppression comments of one Markdown or HTML article."""
    if _suffix(item) not in SUPPRESSION_SUFFIXES:
        return [], []
    article = item.article
    text = article.text
    if "factcheck:" not in text:
        return [], []
    html = _suffix(item) in HTML_SUFFIXES
    lines = text_lines(text, article.line_starts or [0])
    found: list[Suppression] = []
    problems: list[CommentProblem] = []
    for n, (start, end, line) in enumerate(lines):
        body = comment_body(line)
        if body is None:
            continue
        column = len(line) - len(line.lstrip()) + 1
        comment = line.strip()
        if body == "" and not comment.endswith("-->"):
            problems.append(CommentProblem("FC305", article.id, n + 1, column, comment,
                                           "a factcheck comment must open and close on one line",
                                           start, end))
            continue
        codes, reason, problem = _parse_directive(body, rules)
        if problem:
            problems.append(CommentProblem("FC305", article.id, n + 1, column, comment, problem, start, end))
            continue
        para_start, para_end = _paragraph_after(lines, n, html)
        if reason is None:
            problems.append(CommentProblem("FC303", article.id, n + 1, column, comment,
                                           f"ignore[{', '.join(codes)}] has no reason, so it suppresses nothing; "
                                           'add reason="..."', start, end))
            continue
        found.append(Suppression(article.id, n + 1, column, comment, codes, reason, para_start, para_end))
    return found, problems


def _paragraph_after(lines: list[tuple[int, int, str]], n: int, html: bool) -> tuple[int, int]:
    """Offsets of the paragraph after line ``n``: its first non-blank line up to a blank line
    (in HTML also up to a line that closes a block such as </p>)."""
    i = n + 1
    while i < len(lines) and (not lines[i][2].strip() or comment_body(lines[i][2]) is not None):
        i += 1
    if i >= len(lines):
        return lines[-1][1], lines[-1][1]
    start = lines[i][0]
    end = lines[i][1]
    while i < len(lines) and lines[i][2].strip() and comment_body(lines[i][2]) is None:
        end = lines[i][1]
        if html and any(tag in lines[i][2].lower() for tag in _CLOSING_BLOCK):
            break
        i += 1
    return start, end


# --------------------------------------------------------------------------------------------
# Review: facts, exceptions, suppressions, selection


def _claim_pairs(f: Finding) -> list[tuple[int, int]]:
    """Disagreements inside a finding: claims of two articles whose intervals do not overlap."""
    out = []
    claims = f.claims
    for x in range(len(claims)):
        for y in range(x + 1, len(claims)):
            a, b = claims[x], claims[y]
            if a["article"] == b["article"]:
                continue
            if not intervals_overlap(_bounds(a), _bounds(b)):
                out.append((x, y))
    return out


def _exception_matches(exc, f: Finding, rules: Rules) -> bool:
    if (f.event or "").lower() != exc.event.lower():
        return False
    key = canonical_entity(exc.entity, rules.entity_aliases, rules.ignored_modifiers)
    have = canonical_entity(f.entity, rules.entity_aliases, rules.ignored_modifiers)
    return entity_relation(have, key, rules) == "same"


def _exception_record(exc) -> dict:
    return {"kind": "exception", "reason": exc.reason, "accepted_by": exc.accepted_by,
            "expires": exc.expires.isoformat() if exc.expires else None, "where": exc.where}


def _inline_record(s: Suppression) -> dict:
    return {"kind": "inline", "reason": s.reason, "where": s.where}


def _covering_comment(claim: dict, code: str, by_article: dict[str, list[Suppression]]) -> Suppression | None:
    start = claim.get("start")
    if start is None:
        return None
    for s in by_article.get(claim["article"], ()):
        if code in s.codes and s.start <= start < s.end:
            return s
    return None


def _lead_with(f: Finding, targets: set[str]) -> None:
    """Put the checked articles' claims first, in the claims and in the message, since a check
    reports the finding at the checked article."""
    order = sorted(range(len(f.claims)), key=lambda i: f.claims[i]["article"] not in targets)
    if order == list(range(len(f.claims))):
        return
    f.claims = [f.claims[i] for i in order]
    if f.fact is None and ": " in f.message:
        head = f.message.split(": ", 1)[0]
        f.message = head + ": " + "; ".join(f"{c['text']} ({c['source']}, {c['article']}:{c['line']})"
                                            for c in f.claims)


def _cover(f: Finding, pair: tuple, live: list, used: set[int], suppressions: dict[str, list[Suppression]],
           rules: Rules) -> dict | None:
    """What suppresses one disagreement of a finding (an exception listing its values, or an
    inline comment over one of its claims), or None. Marks what applies as used."""
    members = [f.claims[i] for i in pair]
    numbers = [n for c in members for n in _numbers(c)]
    if f.fact is not None:
        numbers += sorted({f.fact["low"], f.fact["high"]})
    record = None
    for index, exc in enumerate(live):
        if _listed(numbers, exc.values) and _exception_matches(exc, f, rules):
            used.add(index)
            record = record or _exception_record(exc)
    for c in members:
        comment = _covering_comment(c, f.rule, suppressions)
        if comment is not None:
            comment.used = True
            record = record or _inline_record(comment)
    return record


def review(loaded: list[Loaded], claims: pd.DataFrame, findings: list[Finding], rules: Rules, *,
           targets: set[str] | None = None, today: _dt.date | None = None, root: Path | None = None,
           exception_findings: bool = True) -> list[Finding]:
    """Add fact findings, apply exceptions and inline suppressions, add the findings about them,
    and (when ``targets`` is given) keep only the findings that involve those articles."""
    today = today or _dt.date.today()
    suppressions: dict[str, list[Suppression]] = {}
    problems: list[CommentProblem] = []
    sources = {item.article.id: item.article.source for item in loaded}
    dates = {item.article.id: item.article.published.isoformat() if item.article.published else None
             for item in loaded}
    for item in loaded:
        found, bad = scan_suppressions(item, rules)
        if found:
            suppressions[item.article.id] = found
        problems.extend(bad)

    live = [e for e in rules.exceptions if e.expires is None or e.expires >= today]
    used: set[int] = set()
    out: list[Finding] = []
    for f in list(findings) + fact_findings(claims, rules, root):
        # A fact finding has one disagreement: its claim (index 0) against the fact.
        pairs = [(0,)] if f.fact is not None else _claim_pairs(f)
        relevant = pairs if targets is None else [p for p in pairs if any(f.claims[i]["article"] in targets
                                                                           for i in p)]
        if targets is not None and not relevant and (pairs or not any(c["article"] in targets for c in f.claims)):
            continue  # a disagreement inside the corpus: not the checked articles' doing
        # Every pair is looked at, so that an exception or comment counts as used wherever it applies.
        covers = {pair: _cover(f, pair, live, used, suppressions, rules) for pair in pairs}
        if relevant and all(covers[p] is not None for p in relevant):
            f.suppressed = covers[relevant[0]]
        if targets is not None:
            _lead_with(f, targets)
        out.append(f)

    for p in problems:
        if targets is not None and p.article not in targets:
            continue
        finding = _make(p.code, rules, event=None, period=None, entity="suppression comment", unit="",
                        message=f"{p.article}:{p.line}: {p.problem}",
                        claims=[_location_claim(p.article, p.line, p.column, p.text, p.problem,
                                                sources.get(p.article, ""), p.start, p.end,
                                                dates.get(p.article))])
        if finding is not None:
            finding.fingerprint = _digest(p.code, p.article, p.text)
            out.append(finding)
    for article, found in suppressions.items():
        if targets is not None and article not in targets:
            continue
        for s in found:
            if s.used:
                continue
            finding = _make("FC304", rules, event=None, period=None, entity="suppression comment", unit="",
                            message=f"{s.where}: ignore[{', '.join(s.codes)}] covers no finding in the next "
                                    "paragraph; remove it",
                            claims=[_location_claim(s.article, s.line, s.column, s.text, f"reason: {s.reason}",
                                                    sources.get(s.article, ""), published=dates.get(s.article))])
            if finding is not None:
                finding.fingerprint = _digest("FC304", s.article, s.text)
                out.append(finding)
    if exception_findings:
        out.extend(exception_problems(rules, used, live, today, root))
    out.sort(key=lambda f: (-LEVEL_RANK.get(f.level, -1), f.event or "", f.entity,
                            f.claims[0]["article"] if f.claims else ""))
    return out


def exception_problems(rules: Rules, used: set[int], live: list, today: _dt.date,
                       root: Path | None = None) -> list[Finding]:
    """FC302 for expired exceptions, FC301 for live ones that covered nothing."""
    path = rules.files.get("exceptions.yaml", rules.directory / "exceptions.yaml")
    out = []
    live_ids = {id(e): i for i, e in enumerate(live)}
    for exc in rules.exceptions:
        index = live_ids.get(id(exc))
        values = ", ".join(str(int(v)) if float(v).is_integer() else str(v) for v in exc.values)
        if index is None:
            code = "FC302"
            message = (f"exception {exc.where} ({exc.entity} at {exc.event}: {values}) expired on "
                       f"{exc.expires.isoformat()}; it no longer suppresses anything: renew or remove it")
        elif index not in used:
            code = "FC301"
            message = (f"exception {exc.where} ({exc.entity} at {exc.event}: {values}) matches no finding; "
                       "remove it")
        else:
            continue
        finding = _make(code, rules, event=exc.event, period=None, entity=exc.entity, unit="", message=message,
                        claims=[_location_claim(file_id(path, root), _where_line(exc.where), 1,
                                                f"values: {values}", f"reason: {exc.reason}", "rules")])
        if finding is not None:
            finding.fingerprint = _digest(code, exc.event, exc.entity, values)
            out.append(finding)
    return out


# --------------------------------------------------------------------------------------------
# Baselines

BASELINE_FORMAT = "factcheck-baseline"
BASELINE_VERSION = 1


def baseline_entries(findings: Iterable[Finding]) -> list[dict]:
    entries = {}
    for f in findings:
        if f.suppressed:
            continue
        entries[f.fingerprint] = {
            "fingerprint": f.fingerprint, "rule": f.rule, "event": f.event, "entity": f.entity,
            "period": f.period, "articles": sorted({c["article"] for c in f.claims}),
            "values": [c["text"] for c in f.claims],
        }
    return [entries[k] for k in sorted(entries, key=lambda k: (entries[k]["rule"], entries[k]["articles"], k))]


def render_baseline(findings: Iterable[Finding]) -> str:
    doc = {"format": BASELINE_FORMAT, "version": BASELINE_VERSION, "findings": baseline_entries(findings)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path | str) -> set[str]:
    """Fingerprints recorded in a baseline file."""
    path = Path(path)
    text = read_text_file(path, not_found="baseline file not found (make one with `factcheck baseline -o FILE`)",
                          what="baseline")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulesError(path, exc.lineno, None, f"invalid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("format") != BASELINE_FORMAT:
        raise RulesError(path, 1, "format", f"not a factcheck baseline (expected \"format\": \"{BASELINE_FORMAT}\")")
    if doc.get("version") != BASELINE_VERSION:
        raise RulesError(path, None, "version", f"unsupported baseline version {doc.get('version')!r}; "
                                                f"allowed: {BASELINE_VERSION}")
    entries = doc.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                                for e in entries):
        raise RulesError(path, None, "findings", "expected a list of {\"fingerprint\": ...} entries")
    return {e["fingerprint"] for e in entries}


# --------------------------------------------------------------------------------------------
# check: given articles against a corpus


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
    claims = extract_loaded(loaded, rules)
    findings = review(loaded, claims, compare_claims(claims, rules), rules,
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
    from .pipeline import claims_frame

    return CheckResult(rules, [], [], claims_frame([]), [], [], targets=[],
                       corpus=[file_id(c, root) for c in corpus], root=root)


# --------------------------------------------------------------------------------------------
# Rule examples (checks.yaml): run one in a scratch folder


def run_example(example: dict, rules: Rules, today: _dt.date | None = None) -> list[Finding]:
    """Findings of a check's example: its articles, with its facts and exceptions in force
    (validated like facts.yaml and exceptions.yaml) on top of ``rules``."""
    from .pipeline import run as run_pipeline
    from .rules import _LOADERS, read_yaml

    with tempfile.TemporaryDirectory(prefix="factcheck-example-") as tmp:
        tmp_path = Path(tmp)
        example_rules = copy.copy(rules)
        example_rules.facts, example_rules.exceptions = [], []
        example_rules.files = dict(rules.files)
        for name in ("facts", "exceptions"):
            path = tmp_path / f"{name}.yaml"
            path.write_text(yaml.safe_dump({name: example.get(name, [])}, sort_keys=False), encoding="utf-8")
            _LOADERS[path.name](read_yaml(path), example_rules)
            example_rules.files[path.name] = path
        articles = tmp_path / "articles"
        articles.mkdir()
        for name, text in example["articles"].items():
            (articles / name).write_text(text, encoding="utf-8")
        return run_pipeline([str(articles)], rules=example_rules, today=today).findings
