"""`factcheck eval`: the scorer itself, and the extractor's scores on the labelled sets.

The thresholds sit just under the figures measured when they were set (stated in the README),
so that a regression in the grammar fails the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.errors import UsageError
from checker.evaluate import Score, evaluate, matches, read_gold, same_value

# Measured 2026-11-23 on tests/data/eval (463 sentences, 812 claims):
# value 0.990, value+qualifier 0.983, value+unit 0.972, value+entity 0.509.
THRESHOLDS = {"value": 0.985, "value+qualifier": 0.975, "value+unit": 0.965, "value+entity": 0.50}
# Issue 3's bar, which the set must clear in any case.
REQUIRED = {"value": 0.95, "value+qualifier": 0.92, "value+unit": 0.90}
# Measured 2026-11-23 on tests/data/eval-real (596 real ECB+ news sentences, 937 claims):
# value 0.932, value+qualifier 0.914, value+unit 0.898, value+entity 0.444.
REAL_THRESHOLDS = {"value": 0.925, "value+qualifier": 0.905, "value+unit": 0.89, "value+entity": 0.435}
# Measured 2026-11-23 on tests/data/eval-blind (200 sentences, 522 claims, written by a writer who
# had not seen the extractor): value 0.994, value+qualifier 0.994, value+unit 0.981,
# value+entity 0.440 (the first run, before any fix it prompted: 0.980 / 0.949 / 0.955).
BLIND_THRESHOLDS = {"value": 0.99, "value+qualifier": 0.985, "value+unit": 0.975, "value+entity": 0.43}
# Measured 2026-11-22 on tests/data/eval-heldout (260 real ECB+ lines drawn at random, 180 claims,
# labelled blind): value 0.907, value+qualifier 0.891, value+unit 0.907, value+entity 0.519 (the
# first run, before any fix it prompted: 0.866 / 0.849 / 0.849).
HELDOUT_THRESHOLDS = {"value": 0.90, "value+qualifier": 0.88, "value+unit": 0.90, "value+entity": 0.50}
# Measured 2026-11-22 on tests/data/eval-blind2 (250 wire-copy sentences, 550 claims, a second
# blind writer): value 0.986, value+qualifier 0.975, value+unit 0.972, value+entity 0.431 (the
# first run, before any fix it prompted: 0.967 / 0.956 / 0.952).
BLIND2_THRESHOLDS = {"value": 0.98, "value+qualifier": 0.97, "value+unit": 0.965, "value+entity": 0.42}
# Measured 2026-11-23 on tests/data/eval-blind3 (250 sentences stressing headlines, fact boxes,
# statistics and currency codes, 526 claims, a third blind writer): value 0.978, value+qualifier
# 0.965, value+unit 0.968, value+entity 0.407 (first run: 0.937 / 0.924 / 0.928).
BLIND3_THRESHOLDS = {"value": 0.97, "value+qualifier": 0.955, "value+unit": 0.96, "value+entity": 0.39}
# Measured 2026-11-23 on tests/data/eval-heldout2 (250 more ECB+ lines drawn at random, 237 claims,
# labelled blind): value 0.921, value+qualifier 0.905, value+unit 0.893, value+entity 0.558 (first
# run: 0.917 / 0.897 / 0.876).
HELDOUT2_THRESHOLDS = {"value": 0.91, "value+qualifier": 0.895, "value+unit": 0.89, "value+entity": 0.55}
# Measured 2026-11-23 on tests/data/eval-blind4 (250 sentences from regional outlets' styles, 732
# claims, a fourth blind writer): value 0.985, value+qualifier 0.965, value+unit 0.960,
# value+entity 0.429 (first run: 0.957 / 0.936 / 0.929).
BLIND4_THRESHOLDS = {"value": 0.98, "value+qualifier": 0.955, "value+unit": 0.95, "value+entity": 0.41}
# Measured 2026-11-23 on tests/data/eval-heldout3 (250 more ECB+ lines drawn at random, 209 claims,
# labelled blind): value 0.946, value+qualifier 0.946, value+unit 0.937, value+entity 0.643 (first
# run, before any fix it prompted: 0.932 / 0.923 / 0.909, value+entity 0.597).
HELDOUT3_THRESHOLDS = {"value": 0.935, "value+qualifier": 0.935, "value+unit": 0.925, "value+entity": 0.62}
# Measured 2026-11-23 on tests/data/eval-heldout4 (a fourth random draw of 250 ECB+ lines, 209 claims,
# labelled blind): value 0.941, value+qualifier 0.932, value+unit 0.937, value+entity 0.632 (first
# run, before any fix it prompted: 0.925 / 0.921 / 0.921, value+entity 0.626).
HELDOUT4_THRESHOLDS = {"value": 0.93, "value+qualifier": 0.925, "value+unit": 0.93, "value+entity": 0.62}
# Measured 2026-11-23 on tests/data/eval-blind5 (250 sentences of developing-story coverage: live
# blogs, corrections, attributions, revisions; 733 claims, a fifth blind writer): value 0.980,
# value+qualifier 0.961, value+unit 0.953, value+entity 0.455 (first run, before any fix it
# prompted: 0.969 / 0.950 / 0.943, value+entity 0.447).
BLIND5_THRESHOLDS = {"value": 0.97, "value+qualifier": 0.95, "value+unit": 0.945, "value+entity": 0.44}
# Measured 2026-12-06 on tests/data/eval-web (300 sentences of modern web copy, 785 claims, written
# and labelled blind; issue 14): value 0.960, value+qualifier 0.931, value+unit 0.906, value+entity
# 0.375 (first run, before any fix it prompted: 0.860 / 0.832 / 0.802, value+entity 0.335).
WEB_THRESHOLDS = {"value": 0.95, "value+qualifier": 0.92, "value+unit": 0.90, "value+entity": 0.36}
# Measured 2026-12-06 on tests/data/eval-web2 (a second blind set of modern web copy, 300 sentences,
# 620 claims; issue 14), at its first run, before anyone read a miss: value 0.953, value+qualifier
# 0.931, value+unit 0.918, value+entity 0.416.
WEB2_THRESHOLDS = {"value": 0.945, "value+qualifier": 0.92, "value+unit": 0.91, "value+entity": 0.40}


_OTHER_SETS = [("eval-real", REAL_THRESHOLDS, 300, False), ("eval-blind", BLIND_THRESHOLDS, 200, True),
               ("eval-heldout", HELDOUT_THRESHOLDS, 200, False), ("eval-blind2", BLIND2_THRESHOLDS, 250, True),
               ("eval-blind3", BLIND3_THRESHOLDS, 250, True), ("eval-heldout2", HELDOUT2_THRESHOLDS, 200, False),
               ("eval-blind4", BLIND4_THRESHOLDS, 250, True), ("eval-heldout3", HELDOUT3_THRESHOLDS, 200, False),
               ("eval-blind5", BLIND5_THRESHOLDS, 250, True), ("eval-heldout4", HELDOUT4_THRESHOLDS, 200, False),
               ("eval-web", WEB_THRESHOLDS, 300, True), ("eval-web2", WEB2_THRESHOLDS, 300, True)]


@pytest.fixture(scope="module")
def evaluated(rules):
    """``evaluated(name)``: (items, result) of the labelled set tests/data/<name>, computed once."""
    from pathlib import Path

    cache: dict = {}

    def get(name: str):
        if name not in cache:
            items = read_gold([str(Path(__file__).parent / "data" / name)])
            cache[name] = (items, evaluate(items, rules))
        return cache[name]

    return get


@pytest.fixture(scope="module")
def gold_eval(evaluated):
    return evaluated("eval")


@pytest.mark.parametrize("name", ["eval"] + [name for name, *_ in _OTHER_SETS])
def test_labelled_sets_are_valid_and_balanced(data_dir, name):
    result = subprocess.run([sys.executable, str(data_dir / name / "validate_gold.py")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_labelled_set_size_and_domains(gold_eval):
    items, _ = gold_eval
    assert len(items) >= 400
    domains = {}
    for item in items:
        domains[item["domain"]] = domains.get(item["domain"], 0) + 1
    assert len(domains) >= 9
    assert max(domains.values()) <= len(items) / 4


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_scores_do_not_regress(gold_eval, metric):
    _, result = gold_eval
    f1 = result.scores[metric].f1
    assert f1 >= THRESHOLDS[metric], f"{metric} F1 fell to {f1:.3f} (threshold {THRESHOLDS[metric]})"
    if metric in REQUIRED:
        assert f1 >= REQUIRED[metric]




@pytest.mark.parametrize("name, thresholds, size, required, metric", [
    pytest.param(name, thresholds, size, required, metric, id=f"{name}-{metric}")
    for name, thresholds, size, required in _OTHER_SETS for metric in sorted(thresholds)])
def test_other_sets_scores_do_not_regress(evaluated, name, thresholds, size, required, metric):
    """Real news (below issue 3's bar: spacing artefacts, sports statistics) and the blind sets
    (which must clear it)."""
    items, result = evaluated(name)
    assert len(items) >= size
    f1 = result.scores[metric].f1
    assert f1 >= thresholds[metric], f"{metric} F1 on {name} fell to {f1:.3f}"
    if required and metric in REQUIRED:
        assert f1 >= REQUIRED[metric]


def test_no_seed_sentence_in_labelled_set(gold_eval, seeds_dir):
    items, _ = gold_eval
    seeds = " ".join(p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt"))
    for item in items:
        assert item["text"] not in seeds, item["id"]


# ---------------------------------------------------------------- the scorer


@pytest.mark.parametrize("gold,pred,expected", [
    ({"value": 83}, {"value": 83.0, "low": 83, "high": 83}, True),
    ({"value": 83}, {"value": 82, "low": 82, "high": 82}, False),
    ({"value": 0.666667}, {"value": 0.666667}, True),
    ({"low": 5, "high": 7, "qualifier": "range"}, {"value": None, "low": 5, "high": 7, "qualifier": "range"}, True),
    ({"low": 5, "high": 7, "qualifier": "range"}, {"value": None, "low": 5, "high": 8, "qualifier": "range"}, False),
    ({"value": 5}, {"value": None, "low": 5, "high": 5, "qualifier": "range"}, False),
], ids=["equal", "different", "fraction", "range", "range-end-differs", "range-vs-value"])
def test_same_value(gold, pred, expected):
    assert same_value(gold, pred) is expected


def test_matches_by_metric():
    gold = {"value": 800, "qualifier": ">", "unit": "count", "entity": "delegates"}
    pred = {"value": 800, "low": 800, "high": None, "qualifier": ">", "unit": "count", "entity": "Delegates"}
    assert matches("value+qualifier", gold, pred)
    assert matches("value+unit", gold, pred)
    assert matches("value+entity", gold, pred)
    assert not matches("value+unit", gold, dict(pred, unit="USD"))
    assert not matches("value+qualifier", gold, dict(pred, qualifier="="))
    assert not matches("value+entity", gold, dict(pred, entity="countries"))


def test_each_claim_counts_once(rules, tmp_path):
    # Two gold claims of the same value, one prediction: one match, one miss.
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "He paid 5 dollars.",
                                "claims": [{"value": 5, "unit": "USD"}, {"value": 5, "unit": "USD"}]}) + "\n")
    result = evaluate(read_gold([str(gold)]), rules)
    score = result.scores["value"]
    assert (score.tp, score.gold, score.predicted) == (1, 2, 1)
    assert score.recall == 0.5 and score.precision == 1.0
    assert len(result.misses) == 1


def test_score_arithmetic():
    s = Score(tp=8, gold=10, predicted=16)
    assert s.precision == 0.5 and s.recall == 0.8
    assert abs(s.f1 - 2 * 0.5 * 0.8 / 1.3) < 1e-9


@pytest.mark.parametrize("line,message", [
    ("{not json", "invalid JSON"),
    ('{"text": "x"}', "expected an object"),
    ('{"text": "x", "claims": [{"unit": "count"}]}', "needs 'value'"),
    ('{"text": "x", "claims": [{"value": 1, "qualifier": "about"}]}', "unknown qualifier"),
], ids=["json", "no-claims", "no-value", "bad-qualifier"])
def test_bad_gold_files_name_file_and_line(tmp_path, line, message):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"text": "ok", "claims": []}\n' + line + "\n")
    with pytest.raises(UsageError) as err:
        read_gold([str(gold)])
    assert f"{gold}:2:" in str(err.value)
    assert message in str(err.value)


def test_eval_command_prints_scores_and_misses(run_cli, data_dir):
    result = run_cli("eval", data_dir / "eval" / "finance.jsonl", "--show")
    assert result.exit_code == 0, result.output
    for metric in ("value", "value+qualifier", "value+unit", "value+entity"):
        assert metric in result.output
    assert "Misses" in result.output and "False hits" in result.output
    as_json = run_cli("eval", data_dir / "eval" / "finance.jsonl", "-f", "json")
    scores = json.loads(as_json.output)["scores"]
    assert 0 < scores["value"]["f1"] <= 1


def test_eval_command_bad_file_exits_2(run_cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    result = run_cli("eval", bad)
    assert result.exit_code == 2
    assert "Error:" in result.stderr and "bad.jsonl:1" in result.stderr
