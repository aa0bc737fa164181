"""A line break copied from a web page changes no claim: replacing any space of a labelled
sentence by a line break leaves its claims (value, interval, qualifier, unit) as they were.

Hypothesis draws a sentence of the labelled sets (never the untouched ones) and one of its
spaces; the profile is derandomized and sized for CI (1000 examples, well under 30 s).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.evaluate import predict, read_gold
from checker.extract import Extractor

DATA = Path(__file__).resolve().parent / "data"
SETS = sorted(str(p) for p in DATA.glob("eval*") if p.is_dir() and not p.name.endswith("untouched"))
SENTENCES = [item["text"] for item in read_gold(SETS) if " " in item["text"]]


@pytest.fixture(scope="module")
def extractor(rules):
    return Extractor(rules)


def _claims(extractor: Extractor, text: str) -> list[str]:
    return sorted(repr((c["value"], c["low"], c["high"], c["qualifier"], c["unit"]))
                  for c in predict(extractor, text))


@settings(max_examples=1000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_line_break_for_a_space_changes_no_claim(extractor, data):
    text = data.draw(st.sampled_from(SENTENCES), label="sentence")
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    at = data.draw(st.sampled_from(spaces), label="space")
    wrapped = text[:at] + "\n" + text[at + 1:]
    assert _claims(extractor, wrapped) == _claims(extractor, text), repr(wrapped)
