"""Per-step regression tables of the extractor (tests/data/extract/<step>.yaml).

Each file holds sentences that exercise one step of ``checker/extract/`` (rejecting non-claims,
years, sign and currency, scale, unit, range, age, qualifier, multiplier, counted entity, counts,
bounds, date/time/debris spans, tallies), including sentences where the step rejects the number.
Each input, read as a .txt article, yields exactly the claims listed, in text order. The
expected claims were written from the extractor's output before it was split into steps.
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from test_extract import COMPARED, _same, _show

from checker.extract import Extractor
from checker.extract.claim import STEPS as CLAIM_STEPS
from checker.extract.claim import read_claim
from checker.extract.draft import Rejection, SentenceContext
from checker.load import parse_article
from checker.numbers import tokenize

from tables import DATA, cases, read_table

TABLES = sorted(p.stem for p in (DATA / "extract").glob("*.yaml"))


@pytest.fixture(scope="module")
def extractor(rules):
    return Extractor(rules)


def step_cases() -> list:
    items = []
    for step in TABLES:
        for item in read_table(f"extract/{step}.yaml"):
            items.append({**item, "id": f"{step}/{item['id']}"})
    return cases(items)


def test_every_step_has_a_table():
    assert len(TABLES) >= 10
    for step in TABLES:
        assert 5 <= len(read_table(f"extract/{step}.yaml")) <= 15, step


@pytest.mark.parametrize("case", step_cases())
def test_step_table(extractor, case):
    got = extractor.extract(parse_article("t.txt", "t.txt", case["input"], ".txt"))
    expected = case["claims"]
    assert len(got) == len(expected), f"expected {len(expected)} claims, got:\n{_show(got)}"
    for n, (exp, claim) in enumerate(zip(expected, got, strict=True)):
        unknown = set(exp) - set(COMPARED)
        assert not unknown, f"unknown keys in the table: {unknown}"
        wrong = {k: (getattr(claim, k), v) for k, v in exp.items() if not _same(v, getattr(claim, k))}
        assert not wrong, f"claim {n + 1} {claim.text!r}: got/expected {wrong}\nall claims:\n{_show(got)}"


def _context(text: str) -> SentenceContext:
    tokens = tokenize(text)
    return SentenceContext(text, tokens, [False] * len(tokens), [], [])


def _phrase_at(lexicon, ctx: SentenceContext, text: str):
    k = next(k for k, t in enumerate(ctx.tokens) if t.text == text)
    return lexicon.grammar.parse_at(ctx.tokens, k)


def test_the_lexicon_is_frozen(extractor):
    with pytest.raises(dataclasses.FrozenInstanceError):
        extractor.lexicon.qual_max = 0


def test_the_steps_leave_the_grammars_phrase_as_parsed(extractor):
    # "80m" is 80 metres: the scale step reads on from a copy of the phrase without its scale
    ctx = _context("The wall is 80m high.")
    phrase = _phrase_at(extractor.lexicon, ctx, "80")
    assert phrase.scaled and phrase.ambiguous_scale
    parsed = dataclasses.asdict(phrase)
    claim = read_claim(extractor.lexicon, ctx, phrase)
    assert (claim.value, claim.unit) == (80, "m")
    assert dataclasses.asdict(phrase) == parsed


def test_a_rejection_names_the_tokens_to_block_and_the_step_blocks_nothing(extractor):
    ctx = _context("They finished with a record of 9-14.")
    out = read_claim(extractor.lexicon, ctx, _phrase_at(extractor.lexicon, ctx, "9"))
    assert isinstance(out, Rejection) and out.block is not None
    assert not any(ctx.blocked) and ctx.claims == [] and ctx.previous == []


def test_every_step_is_a_function_of_the_lexicon_the_context_and_the_draft():
    assert len(CLAIM_STEPS) >= 20 and CLAIM_STEPS[-1].__name__ == "finish"
    for step in CLAIM_STEPS:
        assert list(inspect.signature(step).parameters) == ["lx", "ctx", "d"], step.__name__
