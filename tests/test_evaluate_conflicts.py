"""The conflict scorer: label notation, matching a finding to labelled items, recall and false alarms."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import UsageError
from checker.evaluate_conflicts import load_stories, parse_value, score_runs, score_story, totals
from checker.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS_LABELS = ROOT / "tests" / "data" / "conflicts-seeds.yaml"


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("83", "82", False), ("83", "83", True), (">=800", "800", True), (">800", "800", False),
        ("<5", "5", False), ("<=5", "5", True), ("~40", "42", False), ("40-50", "45", True),
        ("40-50", "51", False), (">28500", ">28500", True), ("<10", ">10", False), ("2.5", "2.50", True),
    ],
)
def test_label_values_are_intervals(a, b, compatible):
    assert parse_value(a, "t").compatible(parse_value(b, "t")) is compatible
    assert parse_value(b, "t").compatible(parse_value(a, "t")) is compatible


@pytest.mark.parametrize("bad", ["many", ">=", "1-2-3", "~>5", ">1-2", True])
def test_a_bad_value_names_where_it_is(bad):
    with pytest.raises(UsageError, match="story.yaml: must_find"):
        parse_value(bad, "story.yaml: must_find[0]")


def _claim(article, value, low=None, high=None, text=None):
    low = value if low is None else low
    high = value if high is None else high
    return {"article": article, "value": value, "low": low, "high": high, "text": text or str(value)}


def _finding(level, *claims):
    return {"rule": "FC101", "level": level, "entity": "people", "claims": list(claims)}


def _story(tmp_path, text):
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    return load_stories([path])[0]


STORY = """
- cluster: flood
  files: [a.txt, b.txt, c.txt]
  must_find:
  - id: killed
    values: {a.txt: 40, b.txt: 42, c.txt: '~40'}
  must_not_flag:
  - id: other-town
    values: {a.txt: 16, b.txt: 55}
  agree:
  - id: sheltering
    values: {a.txt: 900, c.txt: '>=900'}
  may_flag:
  - id: rounded
    values: {b.txt: 600, c.txt: 612}
"""


def test_a_must_find_item_is_found_by_one_finding_pairing_two_files(tmp_path):
    story = _story(tmp_path, STORY)
    found = score_story(story, [_finding("error", _claim("x/a.txt", 40), _claim("b.txt", 42))])
    assert found.found == ["killed"] and found.missed == [] and found.false_alarms == []
    # a suggestion does not count, nor a finding of the two files whose labels agree (40 and about 40)
    assert score_story(story, [_finding("suggestion", _claim("a.txt", 40), _claim("b.txt", 42))]).missed == ["killed"]
    assert score_story(story, [_finding("error", _claim("a.txt", 40), _claim("c.txt", 40))]).missed == ["killed"]
    # the values must be the labelled ones
    assert score_story(story, [_finding("error", _claim("a.txt", 41), _claim("b.txt", 42))]).missed == ["killed"]


def test_look_alikes_and_agreements_paired_are_false_alarms(tmp_path):
    story = _story(tmp_path, STORY)
    score = score_story(story, [
        _finding("error", _claim("a.txt", 16), _claim("b.txt", 55)),
        _finding("warning", _claim("a.txt", 900), _claim("c.txt", 900, 900, None)),
        _finding("warning", _claim("b.txt", 600), _claim("c.txt", 612)),
        _finding("error", _claim("a.txt", 7), _claim("b.txt", 8)),
    ])
    assert [line.split(":")[0] for line in score.false_alarms] == ["other-town", "sheltering"]
    assert score.flagged == 4 and len(score.unlabelled) == 1 and "7 (a.txt)" in score.unlabelled[0]
    total = totals([score])
    assert (total.found, total.must_find, total.false_alarms, total.flagged) == (0, 1, 2, 4)
    assert total.false_alarm_share == 0.5 and total.recall == 0.0


def test_findings_across_stories_are_counted_in_a_mixed_run(tmp_path):
    story = _story(tmp_path, STORY)
    owner = {"a.txt": "flood", "b.txt": "flood", "z.txt": "quake"}
    score = score_story(story, [_finding("error", _claim("a.txt", 40), _claim("z.txt", 42)),
                                _finding("error", _claim("z.txt", 1), _claim("z.txt", 2))], owner)
    assert len(score.cross_story) == 1 and score.flagged == 1


def test_items_must_name_files_of_their_story(tmp_path):
    with pytest.raises(UsageError, match="items name files not in the story: d.txt"):
        _story(tmp_path, "- cluster: s\n  files: [a.txt]\n  agree:\n  - id: x\n    values: {a.txt: 1, d.txt: 2}\n")
    with pytest.raises(UsageError, match="at least two files"):
        _story(tmp_path, "- cluster: s\n  files: [a.txt]\n  agree:\n  - id: x\n    values: {a.txt: 1}\n")


def test_the_seeds_two_conflicts_are_found_without_false_alarms():
    stories = load_stories([SEEDS_LABELS])
    scores = score_runs(stories, ROOT, load_rules(None))
    total = totals(scores)
    assert (total.found, total.must_find, total.false_alarms) == (2, 2, 0)
    assert scores[0].unlabelled == []


def test_items_outside_the_numeric_notation_are_listed_not_scored(tmp_path):
    story = _story(tmp_path, """
- cluster: s
  files: [a.txt, b.txt]
  must_find:
  - id: month
    values: {a.txt: '2008-05', b.txt: '2008-08'}
  - id: score
    values: {a.txt: 27-24, b.txt: 30-7}
  - id: toll
    values: {a.txt: 5, b.txt: 7}
""")
    score = score_story(story, [])
    assert score.must_find == 1 and score.missed == ["toll"]
    assert [line.split(":")[0] for line in score.unscored] == ["month", "score"]
    assert totals([score]).unscored == 2


CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora beside the checkout")
def test_the_development_set_does_not_fall_below_todays_figures():
    """conflicts-dev story by story: recall 14/18, false alarms 5/45 today (first run: 1/18, 3/6)."""
    total = totals(score_runs(load_stories([ROOT / "tests" / "data" / "conflicts-dev"]), CORPUS, load_rules(None)))
    assert total.must_find == 18
    assert total.recall >= 0.77
    assert total.false_alarm_share <= 0.12
