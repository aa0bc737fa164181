"""`factcheck check`, `baseline`, `rules`, `config`: the gate a newsroom's CI runs on new articles.

Every test builds a real git repository in a temporary folder (tests/newsroom.py): the bundled
corpus committed on main, then a branch `pr` that adds or edits articles.
"""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from checker.cli import main

from newsroom import (
    ARMY_83,
    ARMY_84,
    ARMY_EXCEPTION,
    CONSISTENT,
    DRONES_120,
    DRONES_FACT,
    commit_all,
    entry_line,
    git,
    line_col,
    make_newsroom,
    set_rules,
    write,
)

NEW = "seeds/2023-08-21-army-closes.md"


def _newsroom(tmp_path, monkeypatch, own_rules):
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    path = make_newsroom(tmp_path, own_rules=own_rules)
    monkeypatch.chdir(path)
    return path


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A newsroom repository that uses the bundled rules."""
    return _newsroom(tmp_path, monkeypatch, own_rules=False)


@pytest.fixture
def own(tmp_path, monkeypatch):
    """A newsroom repository with its own rules/ folder, to edit facts and exceptions."""
    return _newsroom(tmp_path, monkeypatch, own_rules=True)


def factcheck(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def check_json(*args) -> tuple[int, dict]:
    result = factcheck("check", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def sarif_of(*args) -> tuple[int, dict]:
    result = factcheck("check", *args, "-f", "sarif")
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


# ------------------------------------------------------------------------------- acceptance


def test_contradiction_of_the_corpus_fails_and_points_at_the_new_article(repo):
    write(repo / NEW, ARMY_84)
    commit_all(repo, "add an article")
    code, sarif = sarif_of("--changed-since", "main")
    assert code == 1
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FC101"]
    assert len(results) == 1
    result = results[0]
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == NEW
    line, column = line_col(ARMY_84, "84 foreign")
    assert (region["startLine"], region["startColumn"]) == (line, column)
    related = {loc["physicalLocation"]["artifactLocation"]["uri"]: loc for loc in result["relatedLocations"]}
    assert set(related) == {"seeds/000_4e0e0dac921ab872.txt", "seeds/001_723d1149dddae822.txt"}
    seed = (repo / "seeds/000_4e0e0dac921ab872.txt").read_text(encoding="utf-8")
    line, column = line_col(seed, "83 foreign companies")
    region = related["seeds/000_4e0e0dac921ab872.txt"]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, column)
    assert "83 foreign companies" in related["seeds/000_4e0e0dac921ab872.txt"]["message"]["text"]
    assert result["partialFingerprints"]["factcheck/v1"]
    assert "suppressions" not in result
    # The same article named on the command line, against seeds/ named explicitly.
    result = factcheck("check", NEW, "--against", "seeds")
    assert result.exit_code == 1
    assert f"{NEW}:{line_col(ARMY_84, '84 foreign')[0]}" in result.stdout


def test_article_consistent_with_the_corpus_passes(repo):
    write(repo / NEW, CONSISTENT)
    commit_all(repo, "add an article")
    code, report = check_json("--changed-since", "main")
    assert code == 0
    assert report["findings"] == []
    assert report["summary"]["checked"] == [NEW]
    # The corpus's own discrepancies (83 against 82, six against eight) are not this article's.
    full = factcheck("run", "seeds", "--no-reports", "-f", "json")
    assert full.exit_code == 0, full.stderr
    assert [f["rule"] for f in json.loads(full.stdout)["findings"]].count("FC101") == 2


def test_value_covered_by_an_accepted_exception_is_reported_as_suppressed(own):
    repo = own
    set_rules(repo, exceptions=[ARMY_EXCEPTION])
    write(repo / NEW, ARMY_83)
    code, report = check_json(NEW)
    assert code == 0
    [finding] = [f for f in report["findings"] if f["rule"] == "FC101"]
    assert finding["suppressed"]["kind"] == "exception"
    assert finding["suppressed"]["reason"] == ARMY_EXCEPTION["reason"]
    assert finding["suppressed"]["accepted_by"] == "Jane Desk"
    assert finding["suppressed"]["where"] == "exceptions.yaml:2"
    assert report["summary"]["suppressed"] == 1
    table = factcheck("check", NEW)
    assert table.exit_code == 0
    assert "error (suppressed)" in table.stdout and ARMY_EXCEPTION["reason"] in table.stdout
    code, sarif = sarif_of(NEW)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FC101"]
    assert result["suppressions"][0]["kind"] == "external"
    assert result["suppressions"][0]["status"] == "accepted"
    assert result["suppressions"][0]["justification"] == ARMY_EXCEPTION["reason"]


def test_exception_does_not_cover_a_new_value(own):
    repo = own
    set_rules(repo, exceptions=[ARMY_EXCEPTION])
    write(repo / NEW, ARMY_84)
    code, report = check_json(NEW)
    assert code == 1
    [finding] = [f for f in report["findings"] if f["rule"] == "FC101"]
    assert "suppressed" not in finding
    assert finding["claims"][0]["article"] == NEW and finding["claims"][0]["text"] == "84"


def test_claim_against_a_verified_fact_fails_citing_the_fact(own):
    repo = own
    set_rules(repo, facts=[DRONES_FACT])
    write(repo / NEW, DRONES_120)
    commit_all(repo, "drones")
    code, report = check_json("--changed-since", "main")
    assert code == 1
    [finding] = report["findings"]
    assert finding["rule"] == "FC201" and finding["level"] == "error"
    assert [c["article"] for c in finding["claims"]] == [NEW]  # no other source
    assert finding["fact"]["value"] == "150"
    assert finding["fact"]["source"] == DRONES_FACT["source"]
    assert DRONES_FACT["source"] in finding["message"] and "150" in finding["message"]
    code, sarif = sarif_of("--changed-since", "main")
    [result] = sarif["runs"][0]["results"]
    [fact] = result["relatedLocations"]
    assert fact["physicalLocation"]["artifactLocation"]["uri"] == "rules/facts.yaml"
    assert fact["physicalLocation"]["region"]["startLine"] == 2
    assert DRONES_FACT["source"] in fact["message"]["text"]
    # The same figure agreeing with the fact passes.
    write(repo / NEW, DRONES_120.replace("120", "150"))
    assert check_json(NEW)[0] == 0


@pytest.mark.parametrize("toml, line, key, allowed", [
    ('corpus = ["seeds"]\nfail-level = "fatal"\n', 2, "fail-level", "allowed: suggestion, warning, error"),
    ('corpus = ["seeds"]\n# the gate\nfail_level = "error"\n', 3, "fail_level",
     "did you mean 'fail-level'?); allowed: corpus, rules, fail-level, min-level, baseline, format"),
    ('format = "xml"\n', 1, "format", "allowed: table, markdown, json, csv, sarif, github"),
    ('corpus = ["articles"]\n', 1, "corpus", "folder 'articles' not found"),
])
def test_broken_config_exits_2_naming_file_line_and_key(repo, toml, line, key, allowed):
    write(repo / "factcheck.toml", toml)
    write(repo / NEW, ARMY_84)
    for args in (["check", NEW], ["check", NEW, "--exit-zero"], ["config"], ["rules"]):
        result = factcheck(*args)
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert result.stderr.startswith(f"Error: factcheck.toml:{line}: key '{key}': ")
        assert allowed in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_invalid_toml_names_the_line(repo):
    write(repo / "factcheck.toml", 'corpus = ["seeds"]\nrules = \n')
    result = factcheck("check", "seeds/000_4e0e0dac921ab872.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: factcheck.toml:2: invalid TOML")


def test_broken_rules_file_exits_2_naming_file_line_and_key(own):
    repo = own
    fact = dict(DRONES_FACT)
    del fact["verified_by"]
    set_rules(repo, facts=[DRONES_FACT, fact])
    write(repo / NEW, DRONES_120)
    result = factcheck("check", NEW, "--exit-zero")
    assert result.exit_code == 2
    path = repo / "rules" / "facts.yaml"
    line = entry_line(path, 1)
    assert result.stderr == f"Error: {path}:{line}: key 'facts.1': missing required key 'verified_by'\n"
    set_rules(repo, facts=[], exceptions=[{k: v for k, v in ARMY_EXCEPTION.items() if k != "reason"}])
    result = factcheck("check", NEW)
    assert result.exit_code == 2
    assert "exceptions.yaml:2: key 'exceptions.0': missing required key 'reason'" in result.stderr


def test_changed_since_picks_exactly_the_added_and_modified_articles(repo):
    write(repo / NEW, CONSISTENT)                                     # added
    modified = repo / "seeds/002_09627afc808ba171.txt"
    modified.write_text(modified.read_text(encoding="utf-8") + "\nThe talks lasted two days.\n", encoding="utf-8")
    git(repo, "rm", "-q", "seeds/003_07b3545916094182.txt")           # deleted: ignored
    write(repo / "notes/plan.md", "We will publish 3 stories.\n")     # outside the corpus
    write(repo / "seeds/.drafts/x.md", "A draft with 5 numbers.\n")   # hidden folder
    write(repo / "README.md", "# Newsroom\n\nOur 4 desks publish 12 stories a day.\n")
    commit_all(repo, "branch work")
    untracked = write(repo / "seeds/untracked.md", CONSISTENT)        # not committed yet
    code, report = check_json("--changed-since", "main")
    assert report["summary"]["checked"] == sorted([NEW, "seeds/002_09627afc808ba171.txt", "seeds/untracked.md"])
    untracked.unlink()
    code, report = check_json("--changed-since", "origin/main")
    assert report["summary"]["checked"] == sorted([NEW, "seeds/002_09627afc808ba171.txt"])
    # Changes on main after the branch point are not the branch's.
    git(repo, "checkout", "-q", "main")
    write(repo / "seeds/later-on-main.md", CONSISTENT)
    commit_all(repo, "main moves on")
    git(repo, "checkout", "-q", "pr")
    code, report = check_json("--changed-since", "main")
    assert report["summary"]["checked"] == sorted([NEW, "seeds/002_09627afc808ba171.txt"])


def test_changed_since_with_nothing_changed_reports_nothing(repo):
    result = factcheck("check", "--changed-since", "main", "-f", "sarif", "-o", "out.sarif")
    assert result.exit_code == 0
    assert "0 article(s) added or modified since main" in result.stderr
    assert json.loads((repo / "out.sarif").read_text())["runs"][0]["results"] == []


def test_changed_since_outside_git_or_with_unknown_ref_is_a_usage_error(repo, tmp_path, monkeypatch):
    result = factcheck("check", "--changed-since", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --changed-since: git knows no commit 'no-such-branch'")
    outside = tmp_path / "plain"
    outside.mkdir()
    write(outside / "factcheck.toml", f'corpus = ["{(repo / "seeds").as_posix()}"]\n')
    monkeypatch.chdir(outside)
    result = factcheck("check", "--changed-since", "main", "--exit-zero")
    assert result.exit_code == 2
    assert "needs a git repository" in result.stderr


def test_baseline_made_before_the_branch_leaves_only_the_new_findings(repo):
    git(repo, "checkout", "-q", "main")
    result = factcheck("baseline", "-o", "factcheck-baseline.json")
    assert result.exit_code == 0, result.stderr
    recorded = json.loads((repo / "factcheck-baseline.json").read_text())
    assert recorded["format"] == "factcheck-baseline"
    assert {e["rule"] for e in recorded["findings"]} == {"FC101", "FC102"}
    commit_all(repo, "baseline")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    # The branch edits a corpus article (its lines move) and adds a contradicting article.
    seed = repo / "seeds/000_4e0e0dac921ab872.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(" date 2023-09-05 ", " date 2023-09-05 UPDATED.\n\n", 1), encoding="utf-8")
    write(repo / NEW, ARMY_84)
    commit_all(repo, "edit and add")

    code, without = check_json("--changed-since", "main")
    assert code == 1
    assert len(without["findings"]) == 3   # the two old ones of 000 (moved lines) and the new one
    code, report = check_json("--changed-since", "main", "--baseline", "factcheck-baseline.json")
    assert code == 1
    assert report["summary"]["baselined"] == 2
    [finding] = report["findings"]
    assert NEW in {c["article"] for c in finding["claims"]}
    table = factcheck("check", "--changed-since", "main", "--baseline", "factcheck-baseline.json")
    assert "2 baselined" in table.stdout
    # The baseline named in factcheck.toml is used by default, --no-baseline ignores it.
    write(repo / "factcheck.toml", 'corpus = ["seeds"]\nbaseline = "factcheck-baseline.json"\n')
    assert check_json("--changed-since", "main")[1]["summary"]["baselined"] == 2
    assert check_json("--changed-since", "main", "--no-baseline")[1]["summary"]["baselined"] == 0
    write(repo / "factcheck.toml", 'corpus = ["seeds"]\nbaseline = "missing.json"\n')
    result = factcheck("check", NEW)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: factcheck.toml:2: key 'baseline': baseline file")


# ------------------------------------------------------------------------------- inline suppressions


SUPPRESSED = ARMY_84.replace(
    "Organizers said 84",
    '<!-- factcheck: ignore[FC101] reason="our count includes a late registrant" -->\nOrganizers said 84')


def test_inline_suppression_with_a_reason_suppresses_the_next_paragraph(repo):
    write(repo / NEW, SUPPRESSED)
    code, report = check_json(NEW)
    assert code == 0
    [finding] = report["findings"]
    assert finding["suppressed"] == {"kind": "inline", "reason": "our count includes a late registrant",
                                     "where": f"{NEW}:{line_col(SUPPRESSED, '<!--')[0]}"}
    # The comment's own words are not read as claims.
    claims = factcheck("run", NEW, "--no-reports", "-f", "json")
    assert json.loads(claims.stdout)["summary"]["claims"] == 1
    code, sarif = sarif_of(NEW)
    assert sarif["runs"][0]["results"][0]["suppressions"][0]["kind"] == "inSource"


def test_inline_suppression_without_reason_is_a_finding_and_suppresses_nothing(repo):
    write(repo / NEW, SUPPRESSED.replace(' reason="our count includes a late registrant"', ""))
    code, report = check_json(NEW)
    assert code == 1
    rules = sorted((f["rule"], bool(f.get("suppressed"))) for f in report["findings"])
    assert rules == [("FC101", False), ("FC303", False)]
    [bad] = [f for f in report["findings"] if f["rule"] == "FC303"]
    assert (bad["claims"][0]["article"], bad["claims"][0]["line"]) == (NEW, line_col(SUPPRESSED, "<!--")[0])


def test_inline_suppression_covers_only_the_next_paragraph_and_unused_ones_are_reported(repo):
    text = ARMY_84.replace(
        "The Army-2023 International",
        '<!-- factcheck: ignore[FC101] reason="wrong place" -->\nThe Army-2023 International')
    write(repo / NEW, text)
    code, report = check_json(NEW)
    assert code == 1
    assert sorted(f["rule"] for f in report["findings"]) == ["FC101", "FC304"]
    assert not any(f.get("suppressed") for f in report["findings"])


def test_inline_suppression_in_html(repo):
    html = ("<html><head><title>Army</title></head><body>\n"
            "<p>The Army-2023 forum closed.</p>\n"
            '<!-- factcheck: ignore[value-conflict] reason="our own count" -->\n'
            "<p>Organizers said 84 foreign companies\ntook part in Army-2023.</p>\n"
            "<p>Again, 84 foreign companies took part in Army-2023.</p>\n"
            "</body></html>\n")
    write(repo / "seeds/army.html", html)
    code, report = check_json("seeds/army.html")
    [finding] = [f for f in report["findings"] if f["rule"] == "FC101"]
    # The second paragraph repeats 84 outside the comment's reach: the finding stays.
    assert "suppressed" not in finding and code == 1
    write(repo / "seeds/army.html", html.replace("<p>Again, 84 foreign companies took part in Army-2023.</p>\n", ""))
    code, report = check_json("seeds/army.html")
    assert code == 0
    assert report["findings"][0]["suppressed"]["kind"] == "inline"


# ------------------------------------------------------------------------------- exceptions in `run`


def test_expired_and_unused_exceptions_are_warnings(own):
    repo = own
    expired = dict(ARMY_EXCEPTION, expires="2020-01-01")
    unused = dict(ARMY_EXCEPTION, entity="drones", values=[1, 2])
    set_rules(repo, exceptions=[expired, unused])
    report = json.loads(factcheck("run", "seeds", "--rules", "rules", "--no-reports", "-f", "json").stdout)
    by_rule = {f["rule"]: f for f in report["findings"]}
    assert by_rule["FC302"]["level"] == "warning" and "expired on 2020-01-01" in by_rule["FC302"]["message"]
    unused_at = f"exceptions.yaml:{entry_line(repo / 'rules/exceptions.yaml', 1)}"
    assert by_rule["FC301"]["level"] == "warning" and unused_at in by_rule["FC301"]["message"]
    army = [f for f in report["findings"] if f["rule"] == "FC101" and f["event"] == "army-2023"]
    assert army and not army[0].get("suppressed")   # an expired exception suppresses nothing
    set_rules(repo, exceptions=[dict(ARMY_EXCEPTION, expires="2999-12-31")])
    report = json.loads(factcheck("run", "seeds", "--rules", "rules", "--no-reports", "-f", "json").stdout)
    assert not {"FC301", "FC302"} & {f["rule"] for f in report["findings"]}
    army = [f for f in report["findings"] if f["rule"] == "FC101" and f["event"] == "army-2023"]
    assert army[0]["suppressed"]["expires"] == "2999-12-31"
    # `check` reports exception findings when the pull request edits the exceptions file.
    set_rules(repo, exceptions=[unused])
    commit_all(repo, "exceptions")
    code, report = check_json("--changed-since", "main")
    assert [f["rule"] for f in report["findings"]] == ["FC301"] and code == 0


def test_run_on_the_bundled_seeds_is_unchanged_by_the_shipped_facts_and_exceptions(repo):
    report = json.loads(factcheck("run", "--no-reports", "-f", "json").stdout)
    errors = [f for f in report["findings"] if f["level"] == "error"]
    assert len(errors) == 2
    assert not [f for f in report["findings"] if f["rule"] >= "FC200" or f.get("suppressed")]


# ------------------------------------------------------------------------------- levels and exit codes


def test_fail_level_min_level_and_exit_zero(repo):
    # 800 delegates at MCIS against "more than 800" in the corpus: a warning (FC102), not an error.
    write(repo / NEW, CONSISTENT.replace("Delegates from 76 countries attended",
                                         "It brought together 800 delegates from 76 countries at"))
    code, report = check_json(NEW)
    assert code == 0 and [f["rule"] for f in report["findings"]] == ["FC102"]
    assert factcheck("check", NEW, "--fail-level", "warning").exit_code == 1
    assert factcheck("check", NEW, "--fail-level", "warning", "--exit-zero").exit_code == 0
    assert check_json(NEW, "--min-level", "error")[1]["findings"] == []
    write(repo / "factcheck.toml", 'corpus = ["seeds"]\nfail-level = "warning"\n')
    assert factcheck("check", NEW).exit_code == 1
    assert factcheck("check", NEW, "--fail-level", "error").exit_code == 0   # the flag wins
    assert factcheck("check").exit_code == 2
    assert factcheck("check", "seeds/nope.md").exit_code == 2


def test_unreadable_article_exits_2_after_checking_the_others(repo):
    write(repo / NEW, ARMY_84)
    (repo / "seeds/broken.md").write_bytes(b"\xff\xfe not utf-8 84 foreign companies")
    result = factcheck("check", NEW, "seeds/broken.md", "--exit-zero")
    assert result.exit_code == 2
    assert "seeds/broken.md" in result.stderr and "not UTF-8" in result.stderr
    assert "FC101" in result.stdout


def test_github_annotations_and_full_report_file(repo):
    write(repo / NEW, ARMY_84)
    result = factcheck("check", NEW, "-f", "github", "-o", "factcheck-report.md")
    assert result.exit_code == 1
    line, column = line_col(ARMY_84, "84 foreign")
    [annotation] = [x for x in result.stdout.splitlines() if x.startswith("::")]
    assert annotation.startswith(f"::error file={NEW},line={line},col={column},endColumn={column + 2},"
                                 "title=FC101 value-conflict::")
    assert "seeds/000_4e0e0dac921ab872.txt:7" in annotation
    assert result.stdout.splitlines()[-1].startswith("factcheck: ")
    report = (repo / "factcheck-report.md").read_text()
    assert report.startswith("# factcheck report") and "**84**" in report


def test_github_escaping():
    from checker.report import escape_data, escape_property

    assert escape_data("50% of\r\nthem: a, b") == "50%25 of%0D%0Athem: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_markdown_report_for_a_pull_request_comment(repo):
    write(repo / NEW, ARMY_84)
    result = factcheck("check", NEW, "-f", "markdown")
    assert result.exit_code == 1
    assert "| error   | FC101" in result.stdout
    assert f"`{NEW}:{line_col(ARMY_84, '84 foreign')[0]}`" in result.stdout


# ------------------------------------------------------------------------------- rules and config


def test_rules_lists_every_rule(own):
    repo = own
    result = factcheck("rules")
    assert result.exit_code == 0
    from checker.rules import load_rules

    for code, check in load_rules(repo / "rules").checks.checks.items():
        line = next(x for x in result.stdout.splitlines() if x.startswith(code))
        assert check.name in line and check.level in line and check.summary[:30] in line


def test_rules_code_explains_with_examples(repo):
    result = factcheck("rules", "FC201")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("FC201 verified-fact-conflict\nlevel: error\n")
    assert "Passing example:" in out and "Failing example:" in out
    assert "factcheck reports no FC201." in out
    assert "factcheck reports FC201:" in out and "contradicts the verified fact" in out
    assert factcheck("rules", "value-conflict").stdout.startswith("FC101 value-conflict")
    bad = factcheck("rules", "FC999")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: unknown rule 'FC999'; known rules: FC101")


def test_config_prints_values_and_where_they_come_from(own):
    repo = own
    write(repo / "factcheck.toml", '# newsroom\ncorpus = ["seeds"]\nrules = "rules"\nformat = "github"\n')
    sub = repo / "seeds"
    os.chdir(sub)   # found by walking up
    result = factcheck("config", "--fail-level", "warning")
    assert result.exit_code == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[4:]}
    assert rows["corpus"][1:] == ["seeds", "factcheck.toml:2"]
    assert rows["rules"][1:] == ["rules", "factcheck.toml:3"]
    assert rows["format"][1:] == ["github", "factcheck.toml:4"]
    assert rows["fail-level"][1:] == ["warning", "command", "line"]
    assert rows["min-level"][1:] == ["suggestion", "default"]
    assert result.stdout.splitlines()[0] == f"configuration file: {repo / 'factcheck.toml'}"


def test_a_new_article_with_an_older_toll_is_warned_with_the_latest_figure(repo):
    tolls = repo / "tolls"
    write(tolls / "a.md", "---\ndate: 2023-02-06\n---\nThe quake in Kahramanmaras killed 1,200 people.\n")
    write(tolls / "b.md", "---\ndate: 2023-02-07\n---\nThe quake in Kahramanmaras killed 3,400 people, officials said.\n")
    write(repo / "new.md", "---\ndate: 2023-02-08\n---\nThe quake in Kahramanmaras killed 1,200 people.\n")
    code, report = check_json("new.md", "--against", "tolls")
    assert code == 0  # a warning: the default fail level is error
    (finding,) = report["findings"]
    assert (finding["rule"], finding["level"]) == ("FC104", "warning")
    assert "the latest figure is 3,400, reported by b on 2023-02-07" in finding["message"]
    write(repo / "new.md", "---\ndate: 2023-02-08\n---\nThe quake in Kahramanmaras killed 1,000 people.\n")
    code, report = check_json("new.md", "--against", "tolls")
    assert code == 1 and [f["rule"] for f in report["findings"]] == ["FC101"]
