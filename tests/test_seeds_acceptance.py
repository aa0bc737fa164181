"""Acceptance: what a correct checker finds in the bundled corpus (issue 2).

The spec is tests/data/seeds-gold.yaml, a verbatim copy of shared/seeds-gold.yaml (written by
hand from the texts). Its ``claims``, ``findings``, ``not_findings`` and ``judgement_calls`` are
checked against ``factcheck run seeds -f json`` and ``factcheck extract seeds -f jsonl``.

How a gold claim matches an extracted claim (all must hold):

- article: the extracted article id starts with the gold key ("000");
- value: numerically equal (gold "400e9" is a string to YAML 1.1: it is read as a number); a
  date value ("2023-08-14..2023-08-20") equals the claim's ISO value; with no gold value, the
  gold ``text`` identifies the claim (vague amounts: "several dozen", "thousands");
- text: equal to the claim's text when the gold gives one ("six", "Twenty", "XI");
- unit: the gold unit, else what ENTITY_MAP says, else ``count``;
- qualifier: the gold qualifier, else ``vague`` for a gold claim given by text only, ``range``
  for a date range, ``=`` otherwise;
- event: equal to the gold event key; period: the year of that event (EVENT_YEAR);
- entity: see ``entity_matches`` (head noun plus the gold's own modifiers), except for the few
  gold entities in ENTITY_MAP that name what a number *is* rather than a counted noun.

A gold claim that does not match is a failing test, never a looser rule: the known misses are
listed in KNOWN_MISSES with the reason, as strict xfails.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

GOLD_PATH = Path(__file__).resolve().parent / "data" / "seeds-gold.yaml"
GOLD = yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))

# Gold entities that are not counted nouns: what the number is. For these the claim's unit is
# checked instead of its entity (the counted phrase of a money claim is whatever the amount is
# attached to, e.g. "state procurement contracts valued at over 400 billion rubles").
ENTITY_MAP = {
    "contract value": {"unit": None},   # a currency amount: the gold gives the ISO code (RUB, USD)
    "dates": {"unit": "date"},          # "August 14-20": a date range
    "start date": {"unit": "date"},     # "Monday, August 14"
    "edition": {"unit": "ordinal"},     # "XI Moscow Conference": the 11th edition
}

# The year each gold event is about (from the event dates in the gold file's header).
EVENT_YEAR = {"army-2023": 2023, "army-2022": 2022, "army-games-2022": 2022, "mcis-11": 2023}

# Gold claims the extractor does not yet get right: id -> reason (strict xfail).
KNOWN_MISSES: dict[str, str] = {}


# ----------------------------------------------------------------------------- helpers


def article_key(key) -> str:
    """YAML 1.1 reads 000..004 as integers: back to the three-digit article prefix."""
    return f"{key:03d}" if isinstance(key, int) else str(key)


def gold_number(value):
    """Gold values: numbers, numbers YAML left as strings ("400e9"), or ISO dates (strings)."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


_PAREN = re.compile(r"\([^)]*\)")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def phrase_words(phrase: str) -> list[str]:
    """Lower-case words of a noun phrase, gold commentary in parentheses dropped."""
    return re.findall(r"[a-z][a-z-]*", _PAREN.sub(" ", phrase.lower()))


def head_noun(phrase: str) -> str:
    """Last word before 'and'/'of' (the head of 'enterprises and organizations'), singular."""
    words = phrase_words(phrase)
    for i, w in enumerate(words):
        if w in ("and", "of") and i > 0:
            return _singular(words[i - 1])
    return _singular(words[-1]) if words else ""


def entity_matches(gold_entity: str, entity: str) -> bool:
    """Same head noun, and every word the gold puts before the head is in the claim's phrase
    ('foreign companies' is not matched by 'companies'; 'deputy defense ministers' is matched
    by 'deputy defense ministers and military chiefs')."""
    if head_noun(gold_entity) != head_noun(entity):
        return False
    gold = phrase_words(gold_entity)
    if "and" in gold:
        gold = gold[: gold.index("and")]
    got = {_singular(w) for w in phrase_words(entity)}
    return all(_singular(w) in got for w in gold)


def gold_claim_id(article: str, claim: dict) -> str:
    what = _PAREN.sub("", claim["entity"]).strip().replace(" ", "-").lower()
    value = claim.get("value", claim.get("text"))
    value = str(value).replace(" ", "-")
    return f"{article}-{claim['event']}-{what}-{value}"


def gold_claims() -> list[tuple[str, dict]]:
    out = []
    for key, items in GOLD["claims"].items():
        for item in items:
            if "entity" in item:  # the other items are notes (the layout debris of 004)
                out.append((article_key(key), item))
    return out


def expected_of(gold: dict) -> dict:
    """Unit, qualifier and whether the entity is compared, for one gold claim."""
    mapped = ENTITY_MAP.get(gold["entity"])
    value = gold_number(gold["value"]) if "value" in gold else None
    unit = gold.get("unit") or (mapped["unit"] if mapped else None) or "count"
    if "qualifier" in gold:
        qualifier = gold["qualifier"]
    elif value is None:
        qualifier = "vague"
    elif isinstance(value, str) and ".." in value:
        qualifier = "range"
    else:
        qualifier = "="
    return {"value": value, "unit": unit, "qualifier": qualifier, "check_entity": mapped is None}


def value_equal(gold_value, claim_value) -> bool:
    if isinstance(gold_value, str) or isinstance(claim_value, str):
        return str(gold_value) == str(claim_value)
    if claim_value is None:
        return False
    return abs(float(gold_value) - float(claim_value)) <= 1e-9 * max(1.0, abs(float(gold_value)))


def mismatches(article: str, gold: dict, claim: dict) -> list[str]:
    """What differs between a gold claim and an extracted claim (empty: they match)."""
    exp = expected_of(gold)
    out = []
    if not claim["article"].startswith(article):
        out.append("article")
    if exp["value"] is not None and not value_equal(exp["value"], claim["value"]):
        out.append(f"value {claim['value']!r} != {exp['value']!r}")
    if exp["value"] is None and claim["value"] is not None:
        out.append(f"value {claim['value']!r} != None (vague)")
    if "text" in gold and claim["text"] != gold["text"]:
        out.append(f"text {claim['text']!r} != {gold['text']!r}")
    if claim["unit"] != exp["unit"]:
        out.append(f"unit {claim['unit']!r} != {exp['unit']!r}")
    if claim["qualifier"] != exp["qualifier"]:
        out.append(f"qualifier {claim['qualifier']!r} != {exp['qualifier']!r}")
    if claim["event"] != gold["event"]:
        out.append(f"event {claim['event']!r} != {gold['event']!r}")
    if claim["period"] != EVENT_YEAR[gold["event"]]:
        out.append(f"period {claim['period']!r} != {EVENT_YEAR[gold['event']]}")
    if exp["check_entity"] and not entity_matches(gold["entity"], claim["entity"]):
        out.append(f"entity {claim['entity']!r} !~ {gold['entity']!r}")
    return out


def find_gold_claim(claims: list[dict], article: str, gold: dict) -> list[dict]:
    return [c for c in claims if c["article"].startswith(article) and not mismatches(article, gold, c)]


# ----------------------------------------------------------------------------- runs (once)


@pytest.fixture(scope="module")
def seeds_run(seeds_dir):
    """``factcheck run seeds -f json`` and ``factcheck extract seeds -f jsonl``, in-process."""
    from click.testing import CliRunner

    from checker.cli import main

    runner = CliRunner()
    run = runner.invoke(main, ["run", str(seeds_dir), "-f", "json", "--no-reports"], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    extract = runner.invoke(main, ["extract", str(seeds_dir), "-f", "jsonl"], catch_exceptions=False)
    assert extract.exit_code == 0, extract.output
    claims = [json.loads(line) for line in extract.stdout.splitlines() if line.strip()]
    return json.loads(run.stdout), claims


@pytest.fixture(scope="module")
def report(seeds_run):
    return seeds_run[0]


@pytest.fixture(scope="module")
def claims(seeds_run):
    return seeds_run[1]


@pytest.fixture(scope="module")
def texts(seeds_dir):
    return {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.iterdir() if p.is_file()}


# ----------------------------------------------------------------------------- claims


def _claim_params():
    params = []
    for article, gold in gold_claims():
        cid = gold_claim_id(article, gold)
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[cid])] if cid in KNOWN_MISSES else []
        params.append(pytest.param(article, gold, id=cid, marks=marks))
    return params


def test_gold_file_is_the_shared_spec():
    """The copy in tests/data is the shared spec, when the shared folder sits beside the clone."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds-gold.yaml"
    if not shared.exists():
        pytest.skip("shared/seeds-gold.yaml is not beside this clone")
    assert GOLD_PATH.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8"), (
        "tests/data/seeds-gold.yaml differs from shared/seeds-gold.yaml: copy it again")


def test_known_misses_name_gold_claims():
    ids = {gold_claim_id(a, g) for a, g in gold_claims()}
    assert set(KNOWN_MISSES) <= ids


def test_every_gold_entity_is_matchable():
    """Each gold entity is either mapped (ENTITY_MAP) or has a head noun to compare."""
    for _, gold in gold_claims():
        assert gold["entity"] in ENTITY_MAP or head_noun(gold["entity"]), gold


@pytest.mark.parametrize("article, gold", _claim_params())
def test_gold_claim_is_extracted(claims, article, gold):
    found = find_gold_claim(claims, article, gold)
    if not found:
        exp = expected_of(gold)
        near = [c for c in claims if c["article"].startswith(article) and (
            (exp["value"] is not None and value_equal(exp["value"], c["value"])) or c["text"] == gold.get("text"))]
        detail = "\n".join(f"  {c['text']!r} line {c['line']}: {'; '.join(mismatches(article, gold, c))}"
                           for c in near) or "  (no claim with that value or text)"
        pytest.fail(f"gold claim of {article} not extracted: {gold}\nclaims with that value:\n{detail}")


def test_no_layout_debris(claims, texts):
    """'1920' (an image width in 004's captions) and the stray '0's (003's date line, 004's end)
    are not claims, at any unit."""
    debris = [c for c in claims if c["text"].strip() in ("1920", "0")]
    assert debris == []
    # The exact places, so that a claim covering them in a longer span is caught too.
    for name, text in texts.items():
        if not name.startswith(("003", "004")):
            continue
        spots = [m.start() for m in re.finditer(r"(?<=, )1920(?=, )|(?<=\s)0(?=\s*$|\n)", text)]
        assert spots, f"{name}: the debris the gold describes is not where expected"
        for c in claims:
            if c["article"] == name:
                assert not any(c["start"] <= s < c["end"] for s in spots), c


def test_claim_spans_are_the_file_text(claims, texts):
    for c in claims:
        assert texts[c["article"]][c["start"]:c["end"]] == c["text"], c


# ----------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Sel:
    """Selects the claims of a finding: article prefix, value, exact text, a phrase of the sentence."""

    article: str | None = None
    value: float | None = None
    text: str | None = None
    in_sentence: str | None = None

    def matches(self, claim: dict) -> bool:
        if self.article and not claim["article"].startswith(self.article):
            return False
        if self.value is not None and (claim["value"] is None or isinstance(claim["value"], str)
                                       or float(claim["value"]) != float(self.value)):
            return False
        if self.text is not None and claim["text"] != self.text:
            return False
        if self.in_sentence is not None and self.in_sentence not in claim["sentence"]:
            return False
        return True


# The free-text pairs of not_findings and judgement_calls, as claim selectors. Keyed by the gold's
# own (a, b) strings: a pair added to the gold file without an entry here fails the test below.
PAIRS = {
    ("000: 76 countries (conference)", "000: military delegations from 83 countries (forum)"):
        ([Sel("000", 76)], [Sel("000", 83, in_sentence="delegations from 83 countries")]),
    ("001: 32 foreign companies last year (army-2022)", "000: 83 / 001: 82 foreign companies (army-2023)"):
        ([Sel("001", 32)], [Sel("000", 83, in_sentence="83 foreign companies"), Sel("001", 82)]),
    ("000: over 400 billion rubles (2023)", "001: over 500 billion rubles last year (2022)"):
        ([Sel("000", 400e9)], [Sel("001", 500e9)]),
    ("000: six international organizations at the forum", "002: eight at the conference"):
        ([Sel("000", 6, in_sentence="took part at the forum")], [Sel("002", 8)]),
    ("000: over 28,500 samples", "001: over 28,500 samples"):
        ([Sel("000", 28500)], [Sel("001", 28500)]),
    ("002: several dozen countries", "000/002: 76 countries"):
        ([Sel("002", text="several dozen")], [Sel("000", 76), Sel("002", 76)]),
    ("11th Moscow Conference", "XI Moscow Conference"):
        ([Sel(text="11th")], [Sel(text="XI")]),
    ("000: 83 foreign companies", "000: delegations from 83 countries"):
        ([Sel("000", 83, in_sentence="83 foreign companies")], [Sel("000", 83, in_sentence="delegations from 83 countries")]),
    ("000: 800", "002: more than 800"):
        ([Sel("000", 800)], [Sel("002", 800, text="more than 800")]),
    ("000: 1,500 enterprises and organizations, including 83 foreign companies", "001: more than 1,500 Russian enterprises"):
        ([Sel("000", 1500)], [Sel("001", 1500, text="more than 1,500")]),
}


def findings_with_pair(report: dict, a: list[Sel], b: list[Sel]) -> list[dict]:
    return [f for f in report["findings"]
            if any(s.matches(c) for s in a for c in f["claims"]) and any(s.matches(c) for s in b for c in f["claims"])]


def test_every_gold_pair_is_encoded():
    pairs = [(p["a"], p["b"]) for p in GOLD["not_findings"] + GOLD["judgement_calls"]]
    missing = [p for p in pairs if p not in PAIRS]
    assert not missing, f"add selectors to PAIRS for: {missing}"


def test_selectors_select_extracted_claims(claims):
    """Every selector picks at least one claim of the extraction (a selector that selects nothing
    would make its not_finding pass vacuously)."""
    for key, (a, b) in PAIRS.items():
        for sel in a + b:
            assert any(sel.matches(c) for c in claims), f"{key}: {sel} selects no claim"


def test_exactly_two_errors(report):
    errors = [f for f in report["findings"] if f["level"] == "error"]
    described = [(f["rule"], f["event"], f["entity"], [c["text"] for c in f["claims"]]) for f in errors]
    assert len(errors) == len(GOLD["findings"]) == 2, described
    assert report["summary"]["by_level"]["error"] == 2


@pytest.mark.parametrize("gold", [pytest.param(f, id=f"{f['event']}-{f['entity'].replace(' ', '-')}")
                                  for f in GOLD["findings"]])
def test_gold_finding_is_an_error_citing_the_right_sentences(report, claims, texts, gold):
    values = {article_key(k): v for k, v in gold["values"].items()}
    matching = [f for f in report["findings"] if f["level"] == "error" and f["event"] == gold["event"]
                and entity_matches(gold["entity"], f["entity"])]
    assert len(matching) == 1, [(f["event"], f["entity"]) for f in report["findings"]]
    finding = matching[0]
    assert finding["rule"] == "FC101"
    assert finding["period"] == EVENT_YEAR[gold["event"]]
    cited = {c["article"][:3]: c for c in finding["claims"]}
    assert sorted(cited) == sorted(values), finding["claims"]
    assert len(finding["claims"]) == len(values)
    for article, value in values.items():
        c = cited[article]
        assert float(c["value"]) == float(value)
        # The cited claim is the gold claim: same place in the same sentence.
        gold_claim = {"event": gold["event"], "entity": gold["entity"], "value": value}
        expected = find_gold_claim(claims, article, gold_claim)
        assert len(expected) == 1, expected
        for key in ("article", "start", "end", "line", "column", "text", "sentence"):
            assert c[key] == expected[0][key], key
        text = texts[c["article"]]
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["text"] in c["sentence"] and c["sentence"] in text
        assert c["source"] and c["text"] in finding["message"]


def _pair_params(section: str):
    return [pytest.param(p, id=f"{p.get('why', p.get('entity'))}: {p['a']} / {p['b']}")
            for p in GOLD[section]]


@pytest.mark.parametrize("pair", _pair_params("not_findings"))
def test_not_finding_is_not_reported(report, pair):
    a, b = PAIRS[(pair["a"], pair["b"])]
    flagged = findings_with_pair(report, a, b)
    assert flagged == [], f"{pair['why']}: reported as {[(f['rule'], f['level']) for f in flagged]}"


@pytest.mark.parametrize("pair", _pair_params("judgement_calls"))
def test_judgement_call_is_at_most_a_warning(report, pair):
    a, b = PAIRS[(pair["a"], pair["b"])]
    for f in findings_with_pair(report, a, b):
        assert f["level"] in ("suggestion", "warning"), f"{pair['note']}: reported as {f['level']}"
        assert f["rule"] != "FC101"


def test_report_formats_agree_with_json(seeds_dir, report):
    """The table and Markdown reports list the same findings, in the same order, as the JSON."""
    from click.testing import CliRunner

    from checker.cli import main

    runner = CliRunner()
    expected = [f"{f['level']} {f['rule']}" for f in report["findings"]]
    table = runner.invoke(main, ["run", str(seeds_dir), "--no-reports"], catch_exceptions=False).stdout
    listed = re.findall(r"^\[\d+\] (\w+ FC\d+)", table, re.M)
    assert listed == expected
    markdown = runner.invoke(main, ["run", str(seeds_dir), "-f", "markdown", "--no-reports"],
                             catch_exceptions=False).stdout
    listed = [" ".join(m) for m in re.findall(r"^\d+\. \*\*(\w+)\*\* `(FC\d+)`", markdown, re.M)]
    assert listed == expected
