"""Score the comparison on labelled disagreements: does a run find the conflicts an editor found?

A labelled set is a folder of YAML files (or one file), each a list of stories in the schema of
`tests/data/conflicts-dev/README.md`: per story its `files`, and items `must_find` (the same fact with
incompatible values), `must_not_flag` (look-alikes), `agree` (the same fact, compatible values) and
`may_flag` (judgement calls), each with `values` {file: value}.

The run is read through the JSON contract only (a finding's level and its claims' `article`, `value`,
`low`, `high`), so the scorer measures any version of the comparison the same way:

- a must_find item is found when one error or warning finding holds claims of two of its files whose
  values match the labels and whose labelled values are incompatible;
- an error or warning finding is a false alarm when it holds claims of two files of a must_not_flag or
  agree item whose values match that item's labels;
- an error or warning finding that matches no item is unlabelled (listed, neither rewarded nor
  penalised), as are the findings that pair a may_flag item.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import UsageError, read_text_file
from .pipeline import run
from .rules import Rules

SCORED_LEVELS = frozenset({"error", "warning"})
ITEM_KINDS = ("must_find", "must_not_flag", "agree", "may_flag")
_VALUE_RE = re.compile(r"^\s*(>=|<=|>|<|~)?\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(?:-\s*(-?[0-9]+(?:\.[0-9]+)?))?\s*$")
_REL = 1e-6


@dataclass(frozen=True)
class LabelValue:
    """A labelled value: its anchors (the numbers written) and the interval it allows."""

    text: str
    anchors: tuple[float, ...]
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def compatible(self, other: LabelValue) -> bool:
        """Whether both labels can be true at once (their intervals meet)."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        low_open = (self.low == low and self.low_open) or (other.low == low and other.low_open)
        high_open = (self.high == high and self.high_open) or (other.high == high and other.high_open)
        return low == high and not low_open and not high_open


@dataclass(frozen=True)
class Item:
    kind: str
    id: str
    values: dict[str, LabelValue]
    fact: str = ""
    unscored: str = ""   # why the item cannot be scored (a value outside the numeric notation), else ""


@dataclass(frozen=True)
class Story:
    cluster: str
    files: tuple[str, ...]
    items: tuple[Item, ...]
    path: str

    def of_kind(self, kind: str) -> list[Item]:
        return [item for item in self.items if item.kind == kind]


@dataclass(frozen=True)
class FoundClaim:
    """What the scorer reads of a finding's claim (the JSON contract)."""

    file: str
    anchors: tuple[float, ...]


@dataclass
class StoryScore:
    cluster: str
    must_find: int = 0
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    flagged: int = 0
    false_alarms: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    cross_story: list[str] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)


def parse_value(raw, where: str) -> LabelValue:
    """`N`, `'>=N'`, `'>N'`, `'<=N'`, `'<N'`, `'~N'` or `'N-M'` as a LabelValue."""
    text = str(raw)
    match = _VALUE_RE.match(text.replace(",", ""))
    if not match or isinstance(raw, bool):
        raise UsageError(f"{where}: value {text!r} is not N, '>=N', '>N', '<=N', '<N', '~N' or 'N-M'")
    op, first, second = match.group(1), float(match.group(2)), match.group(3)
    if second is not None:
        if op or first > float(second):
            raise UsageError(f"{where}: value {text!r}: a range is 'LOW-HIGH' with no qualifier")
        return LabelValue(text, (first, float(second)), min(first, float(second)), max(first, float(second)))
    bounds = {
        ">=": (first, math.inf, False, False), ">": (first, math.inf, True, False),
        "<=": (-math.inf, first, False, False), "<": (-math.inf, first, False, True),
    }
    low, high, low_open, high_open = bounds.get(op, (first, first, False, False))
    return LabelValue(text, (first,), low, high, low_open, high_open)


def _items(entry: dict, kind: str, where: str, names: list[str]) -> list[Item]:
    """The items of one KIND; the files they name are added to NAMES (to check them against the story)."""
    items = []
    for index, raw in enumerate(entry.get(kind) or []):
        at = f"{where}: {kind}[{index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("values"), dict) or len(raw["values"]) < 2:
            raise UsageError(f"{at}: an item needs `values` with at least two files")
        values, unscored = {}, []
        for name, value in raw["values"].items():
            try:
                values[str(name)] = parse_value(value, f"{at} {name}")
            except UsageError:
                unscored.append(f"{name}: {value!r}")
        reason = f"not in the numeric notation: {'; '.join(unscored)}" if unscored else ""
        items.append(Item(kind, str(raw.get("id", f"{kind}-{index}")), values if not reason else {},
                          str(raw.get("fact", "")), reason))
        names.extend(str(name) for name in raw["values"])
    return items


def _story(entry, where: str) -> Story:
    if not isinstance(entry, dict) or "cluster" not in entry or "files" not in entry:
        raise UsageError(f"{where}: each story needs `cluster` and `files`")
    names: list[str] = []
    items = [item for kind in ITEM_KINDS for item in _items(entry, kind, f"{where} ({entry['cluster']})", names)]
    files = tuple(str(name) for name in entry["files"])
    unknown = sorted(set(names) - set(files))
    if unknown:
        raise UsageError(f"{where}: {entry['cluster']}: items name files not in the story: {', '.join(unknown)}")
    return Story(str(entry["cluster"]), files, tuple(items), where)


def load_stories(paths: list[str | Path]) -> list[Story]:
    """Every story of the YAML files in PATHS (files, or folders of *.yaml)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not files:
        raise UsageError(f"no labelled stories (*.yaml) in {', '.join(map(str, paths))}")
    stories = []
    for path in files:
        try:
            data = yaml.safe_load(read_text_file(path))
        except yaml.YAMLError as exc:
            raise UsageError(f"{path}: not valid YAML: {exc}") from None
        if not isinstance(data, list):
            raise UsageError(f"{path}: expected a list of stories")
        stories.extend(_story(entry, str(path)) for entry in data)
    return stories


def _anchors(claim: dict) -> tuple[float, ...]:
    out = []
    for key in ("value", "low", "high"):
        number = claim.get(key)
        if isinstance(number, (int, float)) and not isinstance(number, bool) and math.isfinite(number):
            out.append(float(number))
    return tuple(out)


def finding_claims(finding: dict) -> list[FoundClaim]:
    return [FoundClaim(Path(str(c["article"])).name, _anchors(c)) for c in finding.get("claims", [])]


def _matches(claim: FoundClaim, label: LabelValue) -> bool:
    return all(any(math.isclose(a, b, rel_tol=_REL) for b in claim.anchors) for a in label.anchors)


def _pairs(item: Item, claims: list[FoundClaim]):
    """The (file, file) pairs of ITEM that one finding's CLAIMS hold with the labelled values."""
    hits = {c.file for c in claims if c.file in item.values and _matches(c, item.values[c.file])}
    names = sorted(hits)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]


def _finds(item: Item, claims: list[FoundClaim]) -> bool:
    return any(not item.values[a].compatible(item.values[b]) for a, b in _pairs(item, claims))


def describe(finding: dict) -> str:
    values = "; ".join(f"{c.get('text')} ({Path(str(c['article'])).name})" for c in finding.get("claims", []))
    return f"{finding.get('rule')} {finding.get('level')} {finding.get('entity')}: {values}"


def score_story(story: Story, findings: list[dict], owner: dict[str, str] | None = None) -> StoryScore:
    """Score STORY against the findings of a run (JSON dicts). OWNER maps a file to its story, for
    runs over several stories: findings of other stories are left out, and findings mixing stories counted."""
    score = StoryScore(story.cluster)
    own = set(story.files)
    scored = []
    for finding in findings:
        if finding.get("level") not in SCORED_LEVELS or finding.get("suppressed"):
            continue
        claims = finding_claims(finding)
        files = {c.file for c in claims}
        if not files & own:
            continue
        if owner is not None and len({owner.get(f, "?") for f in files}) > 1:
            score.cross_story.append(describe(finding))
        scored.append((finding, claims))
    for item in story.of_kind("must_find"):
        if item.unscored:
            score.unscored.append(f"{item.id}: {item.unscored}")
            continue
        score.must_find += 1
        hit = any(_finds(item, claims) for _, claims in scored)
        (score.found if hit else score.missed).append(item.id)
    for finding, claims in scored:
        score.flagged += 1
        alarms = [i.id for i in story.items if i.kind in ("must_not_flag", "agree") and _pairs(i, claims)]
        if alarms:
            score.false_alarms.append(f"{', '.join(alarms)}: {describe(finding)}")
        elif not any(_pairs(i, claims) for i in story.items):
            score.unlabelled.append(describe(finding))
    return score


@dataclass
class ConflictTotals:
    stories: int
    must_find: int
    found: int
    flagged: int
    false_alarms: int
    cross_story: int
    unscored: int

    @property
    def recall(self) -> float:
        return self.found / self.must_find if self.must_find else 1.0

    @property
    def false_alarm_share(self) -> float:
        return self.false_alarms / self.flagged if self.flagged else 0.0


def totals(scores: list[StoryScore]) -> ConflictTotals:
    return ConflictTotals(
        len(scores), sum(s.must_find for s in scores), sum(len(s.found) for s in scores),
        sum(s.flagged for s in scores), sum(len(s.false_alarms) for s in scores),
        len({line for s in scores for line in s.cross_story}), sum(len(s.unscored) for s in scores),
    )


def _story_paths(story: Story, corpus: Path) -> Path:
    folder = corpus / story.cluster
    missing = [name for name in story.files if not (folder / name).is_file()]
    if missing:
        raise UsageError(f"{story.path}: {story.cluster}: not in {folder}: {', '.join(missing[:5])}")
    return folder


def score_runs(stories: list[Story], corpus: str | Path, rules: Rules, mixed: bool = False) -> list[StoryScore]:
    """Run factcheck on each story's folder under CORPUS (or, MIXED, on all of them at once) and score it."""
    corpus = Path(corpus)
    folders = [_story_paths(story, corpus) for story in stories]
    if not mixed:
        return [score_story(story, [f.to_dict() for f in run([str(folder)], rules=rules).findings])
                for story, folder in zip(stories, folders, strict=True)]
    owner = {name: story.cluster for story in stories for name in story.files}
    findings = [f.to_dict() for f in run([str(folder) for folder in folders], rules=rules).findings]
    return [score_story(story, findings, owner) for story in stories]
