"""The number grammar, driven by tests/data/numbers.yaml (phrase -> value interval)."""

from __future__ import annotations

import math

import pytest

from checker.numbers import NumberGrammar, resolution_of, roman_value, tokenize

from tables import table_cases

TABLE = "numbers.yaml"


@pytest.fixture(scope="module")
def grammar(rules):
    return NumberGrammar(rules)


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-12)


@pytest.mark.parametrize("case", table_cases(TABLE, "parse"))
def test_parse_at(grammar, case):
    phrase = case["phrase"]
    tokens = tokenize(phrase)
    got = grammar.parse_at(tokens, case.get("at", 0))
    if case.get("none"):
        assert got is None, f"{phrase!r} read as {got}"
        return
    assert got is not None, f"{phrase!r} read as no number"
    consumed = phrase[tokens[got.i].start:tokens[got.j - 1].end]
    assert consumed == case.get("text", phrase)
    assert got.kind == case["kind"]
    value = case.get("value")
    assert _close(got.value, value), f"value {got.value} != {value}"
    low = case.get("low", value)
    high = case.get("high", value)
    assert _close(got.low, low) and _close(got.high, high), f"[{got.low}, {got.high}] != [{low}, {high}]"
    for key in ("resolution", "words", "scaled"):
        if key in case:
            assert getattr(got, key) == pytest.approx(case[key]) if key == "resolution" else \
                getattr(got, key) is case[key], key


@pytest.mark.parametrize("case", table_cases(TABLE, "ordinals"))
def test_ordinal_at(grammar, case):
    tokens = tokenize(case["phrase"])
    at = case.get("at", 0)
    got = grammar.ordinal_at(tokens, at)
    if case.get("none"):
        assert got is None
    else:
        assert got == (case["value"], case["end"])


@pytest.mark.parametrize("case", table_cases(TABLE, "roman", id_key="numeral"))
def test_roman_value(case):
    assert roman_value(case["numeral"]) == case["value"]


@pytest.mark.parametrize("case", table_cases(TABLE, "resolution", id_key="text"))
def test_resolution_of(case):
    assert resolution_of(case["text"]) == pytest.approx(case["resolution"])


def test_every_number_word_of_the_lexicon_parses(grammar, rules):
    """Each cardinal word of rules/numbers.yaml reads as its value (lexicon entries need examples)."""
    for word, value in rules.numbers.cardinals.items():
        got = grammar.parse_at(tokenize(word), 0)
        assert got is not None and got.value == value, word


def test_every_scale_of_the_lexicon_multiplies(grammar, rules):
    for word, factor in rules.numbers.scales.items():
        got = grammar.parse_at(tokenize(f"3 {word}"), 0)
        assert got is not None and got.value == pytest.approx(3 * factor), word


def test_every_plural_scale_of_the_lexicon_is_vague(grammar, rules):
    for word, (low, high) in rules.numbers.plural_scales.items():
        if word == "tens":
            continue  # "tens" only before "of thousands" (see numbers.yaml)
        got = grammar.parse_at(tokenize(f"{word} of people"), 0)
        assert got is not None and got.kind == "vague" and (got.low, got.high) == (low, high), word
    assert grammar.parse_at(tokenize("the scores were level"), 1) is None  # "scores" only before "of"


def test_every_ordinal_word_of_the_lexicon_reads(grammar, rules):
    for word, value in rules.numbers.ordinals.items():
        assert grammar.ordinal_at(tokenize(word), 0) == (value, 1), word


def test_tokens_keep_offsets():
    text = "over 1,500  samples"
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
