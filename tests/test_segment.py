"""Sentence splitting, driven by tests/data/segment.yaml."""

from __future__ import annotations

import pytest

from checker.segment import split_sentences

from tables import table_cases


@pytest.mark.parametrize("case", table_cases("segment.yaml"))
def test_split_sentences(case):
    text = case["text"]
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == case["sentences"]


@pytest.mark.parametrize("case", table_cases("segment.yaml"))
def test_spans_are_ordered_trimmed_and_disjoint(case):
    text = case["text"]
    spans = split_sentences(text)
    previous_end = 0
    for a, b in spans:
        assert previous_end <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        previous_end = b


def test_start_and_end_limit_the_split():
    text = "HEADER 99. The forum opened. It closed. FOOTER"
    start = text.index("The")
    end = text.index(" FOOTER")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == ["The forum opened.", "It closed."]
