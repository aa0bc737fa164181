"""SARIF output is valid against the official SARIF 2.1.0 JSON schema.

The schema is vendored (tests/data/sarif/sarif-schema-2.1.0.json; the machine running the tests
has no network). It is the SARIF 2.1.0 schema as Microsoft ships it in the npm package
@microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json, MIT licence), the release that became
the OASIS standard; see tests/data/sarif/README.md. It is used whole, not a hand-written subset.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main

from newsroom import ARMY_83, ARMY_84, ARMY_EXCEPTION, DRONES_120, DRONES_FACT, make_newsroom, set_rules, write

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def assert_valid(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture(scope="module")
def sarif_logs(tmp_path_factory):
    """SARIF of checks that produce every kind of result: a conflict, a fact conflict, an
    exception-suppressed finding, an inline-suppressed one, and a comment problem. The drafts are
    outside the corpus folder, so each is checked against the corpus alone."""
    for name in [n for n in os.environ if n.startswith("GIT_")]:
        os.environ.pop(name)
    repo = make_newsroom(tmp_path_factory.mktemp("sarif"))
    set_rules(repo, facts=[DRONES_FACT], exceptions=[ARMY_EXCEPTION])
    write(repo / "drafts/army84.md", ARMY_84)
    write(repo / "drafts/army83.md", ARMY_83)
    write(repo / "drafts/drones.md", DRONES_120)
    write(repo / "drafts/inline.md", ARMY_84.replace(
        "Organizers said", '<!-- factcheck: ignore[FC101] reason="own count" -->\nOrganizers said'))
    write(repo / "drafts/noreason.md", "<!-- factcheck: ignore[FC101] -->\nNothing to see.\n")
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        logs = {}
        for name in ("army84.md", "army83.md", "drones.md", "inline.md", "noreason.md"):
            result = CliRunner().invoke(main, ["check", f"drafts/{name}", "-f", "sarif"], catch_exceptions=False)
            assert result.exit_code in (0, 1), result.stderr
            logs[name] = json.loads(result.stdout)
        result = CliRunner().invoke(main, ["check", "drafts/army84.md", "-f", "sarif",
                                           "--against", "drafts/noreason.md"], catch_exceptions=False)
        logs["empty"] = json.loads(result.stdout)
    finally:
        os.chdir(cwd)
    return logs


@pytest.mark.parametrize("name", ["army84.md", "army83.md", "drones.md", "inline.md", "noreason.md", "empty"])
def test_sarif_is_valid_against_the_official_schema(validator, sarif_logs, name):
    assert_valid(validator, sarif_logs[name])


def test_every_kind_of_result_is_present(sarif_logs):
    results = {name: log["runs"][0]["results"] for name, log in sarif_logs.items()}
    assert any(r["ruleId"] == "FC101" and "suppressions" not in r for r in results["army84.md"])
    assert any(r.get("suppressions", [{}])[0].get("kind") == "external" for r in results["army83.md"])
    assert any(r["ruleId"] == "FC201" for r in results["drones.md"])
    assert any(r.get("suppressions", [{}])[0].get("kind") == "inSource" for r in results["inline.md"])
    assert any(r["ruleId"] == "FC303" for r in results["noreason.md"])
    assert results["empty"] == []


def test_results_reference_rules_and_have_stable_fingerprints(sarif_logs):
    run = sarif_logs["army84.md"]["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"FC101", "FC201", "FC301", "FC303"} <= {r["id"] for r in rules}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert len(result["partialFingerprints"]["factcheck/v1"]) == 16
    assert run["columnKind"] == "unicodeCodePoints"


def test_the_schema_catches_broken_logs(validator, sarif_logs):
    """The validation can fail: a wrong level, a missing message or a line 0 are caught."""
    log = sarif_logs["army84.md"]
    for path, value in ((("level",), "fatal"), (("message",), {}), (("locations", 0, "physicalLocation", "region",
                                                                      "startLine"), 0)):
        broken = copy.deepcopy(log)
        target = broken["runs"][0]["results"][0]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert list(validator.iter_errors(broken)), path
