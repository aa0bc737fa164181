"""Data-driven test tables: YAML files in tests/data/ expanded into ``pytest.param`` cases.

Each case is a mapping with a readable ``id``. A case may carry ``xfail: "<reason>"``: it is then
marked ``xfail(strict=True)``, so the suite fails as soon as the case starts passing and the mark
must be removed (a known bug is tracked, never silently forgotten).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent / "data"


def read_table(name: str):
    """The parsed YAML file tests/data/<name>."""
    with open(DATA / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def cases(items: list[dict], id_key: str = "id") -> list:
    """``pytest.param`` per case, id from ``id_key``, strict xfail from an ``xfail`` reason."""
    params = []
    seen: set[str] = set()
    for item in items:
        case_id = str(item[id_key])
        if case_id in seen:
            raise ValueError(f"duplicate test id {case_id!r} in a data table")
        seen.add(case_id)
        marks = []
        if item.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=str(item["xfail"])))
        params.append(pytest.param(item, id=case_id, marks=marks))
    return params


def table_cases(name: str, section: str | None = None, id_key: str = "id") -> list:
    data = read_table(name)
    return cases(data[section] if section else data, id_key)
