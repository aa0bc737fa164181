"""Every check in rules/checks.yaml has a passing and a failing example, and they do what they say
(as proselint's test_check_examples and sqlfluff's rule cases): the failing example raises the
check, the passing one does not. `factcheck rules CODE` prints them."""

from __future__ import annotations

import pytest

from checker.errors import RulesError
from checker.examples import run_example
from checker.rules import load_rules

RULES = load_rules()
CODES = sorted(RULES.checks.checks)


def raised(code: str, example: dict) -> list:
    return [f for f in run_example(example, RULES) if f.rule == code and not f.suppressed]


@pytest.mark.parametrize("code", CODES)
def test_every_check_has_a_passing_and_a_failing_example(code):
    examples = RULES.checks.checks[code].examples
    assert examples, f"{code} has no examples in rules/checks.yaml"
    assert examples["pass"]["articles"] and examples["fail"]["articles"]


@pytest.mark.parametrize("code", CODES)
def test_failing_example_raises_the_check(code):
    assert raised(code, RULES.checks.checks[code].examples["fail"]), f"{code}: the failing example raises nothing"


@pytest.mark.parametrize("code", CODES)
def test_passing_example_does_not(code):
    found = raised(code, RULES.checks.checks[code].examples["pass"])
    assert not found, f"{code}: the passing example raises {[f.message for f in found]}"


def test_examples_are_validated(rules_copy):
    path = rules_copy / "checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      fail:\n", "      fial:\n", 1), encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(rules_copy)
    line = text.splitlines().index("      fail:") + 1
    assert (info.value.line, info.value.key) == (line, "checks.FC101.examples.fial")
    assert "allowed: fail, pass" in info.value.problem
    path.write_text(text.replace("          a.txt:", "          a.pdf:", 1), encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(rules_copy)
    assert info.value.key == "checks.FC101.examples.pass.articles.a.pdf"


def test_a_check_without_examples_is_still_valid_rules(rules_copy):
    """Examples are documentation: a newsroom's older checks.yaml without them still loads."""
    path = rules_copy / "checks.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("    examples:\n")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  FC"))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    assert load_rules(rules_copy).checks.checks["FC101"].examples is None
