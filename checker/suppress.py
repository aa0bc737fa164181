"""Inline suppressions, in Markdown and HTML articles.

``<!-- factcheck: ignore[FC101] reason="..." -->`` on its own line covers the next paragraph.
Without a reason it covers nothing and is FC303; one that covers no finding is FC304; one that
cannot be read (or names no known rule) is FC305. The loader has blanked the comments out of the
article's view (``load.mask_suppression_comments``); they are read here from the article's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .compare import Finding
from .load import HTML_SUFFIXES, SUPPRESSION_SUFFIXES, Loaded, comment_body, text_lines
from .records import location_claim, make_finding, short_digest
from .rules import Rules

_CLOSING_BLOCK = ("</p>", "</li>", "</ul>", "</ol>", "</blockquote>", "</div>", "</td>", "</tr>", "</table>",
                  "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "</section>", "</figure>")


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

    def record(self) -> dict:
        """How a finding it covers says so (``Finding.suppressed``)."""
        return {"kind": "inline", "reason": self.reason, "where": self.where}


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


def _parse_codes(codes_text: str, rules: Rules) -> tuple[list[str], str | None]:
    """(rule codes, problem) of the text between ``ignore[`` and ``]``: codes or rule names."""
    names = {c.name.lower(): code for code, c in rules.checks.checks.items()}
    codes = []
    for raw in codes_text.split(","):
        raw = raw.strip()
        if not raw:
            continue
        code = raw.upper() if raw.upper() in rules.checks.checks else names.get(raw.lower())
        if code is None:
            return [], f"unknown rule {raw!r} (see `factcheck rules`)"
        codes.append(code)
    if not codes:
        return [], "no rule code between the brackets, e.g. ignore[FC101]"
    return codes, None


def _parse_directive(body: str, rules: Rules) -> tuple[tuple[str, ...], str | None, str | None]:
    """(codes, reason, problem) of ``ignore[CODE, ...] reason="..."``."""
    if not body.startswith("ignore[") or "]" not in body:
        return (), None, 'expected <!-- factcheck: ignore[CODE] reason="..." --> on one line'
    codes_text, _, rest = body[len("ignore["):].partition("]")
    codes, problem = _parse_codes(codes_text, rules)
    if problem:
        return (), None, problem
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


@dataclass
class Suppressions:
    """The suppression comments of a set of articles, and what is wrong with some of them."""
    by_article: dict[str, list[Suppression]]
    problems: list[CommentProblem]
    sources: dict[str, str]            # article id -> source, for the findings about comments
    dates: dict[str, str | None]       # article id -> publication date

    @classmethod
    def scan(cls, loaded: list[Loaded], rules: Rules) -> Suppressions:
        by_article: dict[str, list[Suppression]] = {}
        problems: list[CommentProblem] = []
        for item in loaded:
            found, bad = scan_suppressions(item, rules)
            if found:
                by_article[item.article.id] = found
            problems.extend(bad)
        sources = {item.article.id: item.article.source for item in loaded}
        dates = {item.article.id: item.article.published.isoformat() if item.article.published else None
                 for item in loaded}
        return cls(by_article, problems, sources, dates)

    def covering(self, claim: dict, code: str) -> Suppression | None:
        """The comment that covers a claim of a finding of rule ``code``, if any."""
        start = claim.get("start")
        if start is None:
            return None
        for s in self.by_article.get(claim["article"], ()):
            if code in s.codes and s.start <= start < s.end:
                return s
        return None

    def findings(self, rules: Rules, targets: set[str] | None = None) -> list[Finding]:
        """FC303/FC305 for comments that cannot suppress, FC304 for those that covered nothing
        (once every finding has been looked at); only in ``targets`` when given."""
        return self._problem_findings(rules, targets) + self._unused_findings(rules, targets)

    def _problem_findings(self, rules: Rules, targets: set[str] | None) -> list[Finding]:
        out = []
        for p in self.problems:
            if targets is not None and p.article not in targets:
                continue
            finding = make_finding(p.code, rules, event=None, period=None, entity="suppression comment", unit="",
                                   message=f"{p.article}:{p.line}: {p.problem}",
                                   claims=[location_claim(p.article, p.line, p.column, p.text, p.problem,
                                                          self.sources.get(p.article, ""), p.start, p.end,
                                                          self.dates.get(p.article))])
            if finding is not None:
                finding.fingerprint = short_digest(p.code, p.article, p.text)
                out.append(finding)
        return out

    def _unused_findings(self, rules: Rules, targets: set[str] | None) -> list[Finding]:
        out = []
        for article, found in self.by_article.items():
            if targets is not None and article not in targets:
                continue
            for s in found:
                if s.used:
                    continue
                finding = make_finding(
                    "FC304", rules, event=None, period=None, entity="suppression comment", unit="",
                    message=f"{s.where}: ignore[{', '.join(s.codes)}] covers no finding in the next paragraph; remove it",
                    claims=[location_claim(s.article, s.line, s.column, s.text, f"reason: {s.reason}",
                                           self.sources.get(s.article, ""), published=self.dates.get(s.article))])
                if finding is not None:
                    finding.fingerprint = short_digest("FC304", s.article, s.text)
                    out.append(finding)
        return out
