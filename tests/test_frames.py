"""Claim frames read from the claim's clause with rules/frames.yaml (cases: tests/data/frames.yaml)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
import yaml

from checker.errors import RulesError
from checker.frames import Frame, FrameReader
from checker.rules import load_rules

CASES = yaml.safe_load((Path(__file__).parent / "data" / "frames.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reader():
    return FrameReader.from_rules(load_rules(None))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_frame(reader, case):
    start = case["sentence"].index(case["text"])
    published = case.get("published")
    frame = reader.read(case["sentence"], start, start + len(case["text"]), case["entity"], case.get("unit", ""),
                        _dt.date.fromisoformat(str(published)) if published else None)
    assert frame == Frame(**case["frame"])


def test_rising_predicates_come_from_the_rules(reader):
    assert {"killed", "injured", "missing"} <= reader.rising
    assert "paid" not in reader.rising


def test_a_class_part_of_an_unknown_class_names_file_line_and_key(rules_copy):
    path = rules_copy / "frames.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("part_of: people", "part_of: folks", 1), encoding="utf-8")
    with pytest.raises(RulesError) as error:
        load_rules(rules_copy)
    message = str(error.value)
    assert "frames.yaml" in message and "classes.children.part_of" in message and "'folks' is not a class" in message
