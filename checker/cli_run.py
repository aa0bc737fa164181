"""The commands that read articles and print what factcheck finds: run, extract, eval."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_common import bundled_corpus, emit, handle_errors, render_report, report_problems
from .cli_engine import engine_options, finish_progress, make_engine
from .errors import UsageError
from .rules import LEVEL_RANK, LEVELS

RUN_FORMATS = ("table", "markdown", "json", "csv", "html")
CLAIM_FORMATS = ("jsonl", "csv", "table")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(RUN_FORMATS), default="table", show_default=True,
              help="Report format on stdout (or in --output).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
              help="Rules folder (default: the rules bundled with factcheck).")
@click.option("--fail-level", type=click.Choice(LEVELS), default=None,
              help="Exit 1 when a finding is at or above LEVEL.")
@click.option("--min-level", type=click.Choice(LEVELS), default="suggestion", show_default=True,
              help="Leave findings below LEVEL out of the report.")
@click.option("--reports-dir", type=click.Path(file_okay=False), default="reports", show_default=True,
              help="Folder where report.md, report.html, findings.json and claims.csv are written.")
@click.option("--no-reports", is_flag=True, help="Do not write the report files.")
@click.option("--one-story", is_flag=True,
              help="Treat every article as coverage of one story (default: group articles into stories by content).")
@engine_options
@handle_errors
def run(paths, fmt, output, rules_dir, fail_level, min_level, reports_dir, no_reports, one_story, store, no_store,
        jobs, engine, scheduler, quiet, field_options):
    """Check articles for numeric discrepancies between sources.

    PATHS are article files and folders (default: the bundled corpus, seeds/). Folders are read
    recursively; an article's id is its path relative to the folder given. `-` reads stdin.
    Articles are grouped into stories by what they say, and claims are compared only within a story.
    """
    from .config import load_config
    from .pipeline import run as run_pipeline

    targets = list(paths) or [str(bundled_corpus())]
    runner = make_engine(load_config(), store, no_store, jobs, engine, scheduler, quiet, field_options)
    try:
        result = run_pipeline(targets, rules_dir=rules_dir, one_story=one_story, engine=runner)
    finally:
        finish_progress(runner)
    if not result.loaded and result.problems:
        report_problems(result.problems)
        raise UsageError("no article could be read")
    result.findings = [f for f in result.findings if LEVEL_RANK[f.level] >= LEVEL_RANK[min_level]]
    report = result.to_dict()
    if not no_reports:
        write_report_files(result, report, Path(reports_dir))
    emit(render_report(result, report, fmt), output)
    if result.problems:
        # once each: on stderr unless the report on the terminal lists them already
        if output not in (None, "-") or fmt not in ("table", "markdown"):
            report_problems(result.problems)
        raise UsageError(f"{len(result.problems)} article(s) could not be read; the others were checked")
    if fail_level and any(LEVEL_RANK[f.level] >= LEVEL_RANK[fail_level] and not f.suppressed for f in result.findings):
        sys.exit(1)


def write_report_files(result, report: dict, folder: Path) -> None:
    from .report import render, render_claims, write_atomic

    write_atomic(folder / "report.md", render(report, "markdown"))
    write_atomic(folder / "findings.json", render(report, "json"))
    write_atomic(folder / "claims.csv", render_claims(result.claims_table(), "csv"))
    write_atomic(folder / "report.html", render_report(result, report, "html"))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(CLAIM_FORMATS), default="jsonl", show_default=True,
              help="Claims format on stdout (or in --output): one JSON object a line, CSV, or a table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the claims to FILE (atomically) instead of stdout.")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
              help="Rules folder (default: the rules bundled with factcheck).")
@engine_options
@handle_errors
def extract(paths, fmt, output, rules_dir, store, no_store, jobs, engine, scheduler, quiet, field_options):
    """Print every claim of the articles in PATHS (`-` reads stdin).

    Each claim has article, source, published, value, low, high, qualifier, change, unit, entity,
    entity_key, event, period, story, predicate, counted, part, place, text, sentence, start, end,
    line, column.
    """
    from .config import load_config
    from .pipeline import extract_paths
    from .report import render_claims
    from .rules import load_rules

    rules = load_rules(rules_dir)
    runner = make_engine(load_config(), store, no_store, jobs, engine, scheduler, quiet, field_options)
    try:
        _, claims, problems = extract_paths(paths, rules, runner)
    finally:
        finish_progress(runner)
    emit(render_claims(claims, fmt), output)
    if problems:
        report_problems(problems)
        raise UsageError(f"{len(problems)} article(s) could not be read; the others were extracted")


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--show", is_flag=True, help="Also list the misses, the false hits and the attribute mismatches.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="Scores as a table, or as JSON (with --show: the misses too).")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
              help="Rules folder (default: the rules bundled with factcheck).")
@handle_errors
def eval_command(gold, show, fmt, rules_dir):
    """Score the extractor on labelled sentences (GOLD: .jsonl files or folders of them).

    Prints precision, recall and F1 for value, value+qualifier, value+unit and value+entity.
    Claims match when their values are equal (ranges: both ends); each counts at most once.
    """
    import json

    from .evaluate import evaluate, read_gold
    from .rules import load_rules

    items = read_gold(list(gold))
    result = evaluate(items, load_rules(rules_dir))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(show=show), ensure_ascii=False, indent=2))
        return
    _echo_scores(result)
    if show:
        _echo_misses(result)
        _echo_mismatches(result)


def _echo_scores(result) -> None:
    """The scores per match kind, then (with more than one domain) the F1 per domain."""
    from tabulate import tabulate

    rows = [[m, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", s.tp, s.gold, s.predicted]
            for m, s in result.scores.items()]
    click.echo(f"{result.sentences} sentences, {result.scores['value'].gold} gold claims")
    click.echo(tabulate(rows, headers=["match", "precision", "recall", "F1", "matched", "gold", "predicted"],
                        tablefmt="simple"))
    if len(result.by_domain) > 1:
        click.echo("")
        drows = [[d, f"{sc['value'].f1:.3f}", f"{sc['value+qualifier'].f1:.3f}", f"{sc['value+unit'].f1:.3f}",
                  f"{sc['value+entity'].f1:.3f}", sc["value"].gold] for d, sc in sorted(result.by_domain.items())]
        click.echo(tabulate(drows, headers=["domain", "value F1", "+qualifier", "+unit", "+entity", "gold"],
                            tablefmt="simple"))


def _echo_misses(result) -> None:
    """Gold claims not found, and claims found that are not in the gold."""
    click.echo("\nMisses (gold claims not found):")
    for m in result.misses:
        g = m["gold"]
        click.echo(f"  {m['id']}: {g.get('text', '')!r} value={g.get('value', (g.get('low'), g.get('high')))}"
                   f" unit={g.get('unit')} | {m['text']}")
    click.echo("\nFalse hits (extracted, not in gold):")
    for m in result.false_hits:
        p = m["predicted"]
        click.echo(f"  {m['id']}: {p['text']!r} value={p['value'] if p['value'] is not None else (p['low'], p['high'])}"
                   f" unit={p['unit']} entity={p['entity']!r} | {m['text']}")


def _echo_mismatches(result) -> None:
    """Claims whose value matched a gold claim but whose qualifier, unit or entity did not."""
    for metric, items_ in result.mismatches.items():
        click.echo(f"\nValue found, {metric.split('+')[1]} differs:")
        for m in items_:
            g = m["gold"]
            got = "; ".join(f"{p['text']!r} q={p['qualifier']} unit={p['unit']} entity={p['entity']!r}"
                            for p in m["predicted"])
            click.echo(f"  {m['id']}: gold {g.get('text', '')!r} q={g.get('qualifier')} unit={g.get('unit')} "
                       f"entity={g.get('entity')!r} | got {got}")



@click.command(name="eval-conflicts")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--corpus", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder holding each labelled story's folder (its `cluster`), e.g. ../shared/corpora/ecbplus-dev.")
@click.option("--mixed", is_flag=True, help="Run all the stories at once, as one mixed folder, instead of story by story.")
@click.option("--show", is_flag=True, help="Also list the misses, false alarms, unlabelled and cross-story findings.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="Scores as a table, or as JSON.")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
              help="Rules folder (default: the rules bundled with factcheck).")
@handle_errors
def eval_conflicts(gold, corpus, mixed, show, fmt, rules_dir):
    """Score the comparison on labelled disagreements (GOLD: YAML files or folders of them).

    Prints, per story and overall, must-find recall (an item is found when one error or warning
    finding pairs two of its files with the labelled, incompatible values) and the false-alarm share
    (error and warning findings that pair a must-not-flag or agree item).
    """
    from .evaluate_conflicts import load_stories, score_runs
    from .rules import load_rules

    scores = score_runs(load_stories(list(gold)), corpus, load_rules(rules_dir), mixed=mixed)
    if fmt == "json":
        import json

        click.echo(json.dumps(_conflict_dict(scores), ensure_ascii=False, indent=2))
        return
    _echo_conflicts(scores, show)


def _conflict_dict(scores) -> dict:
    from dataclasses import asdict

    from .evaluate_conflicts import totals

    total = totals(scores)
    return {"stories": [asdict(s) for s in scores],
            "total": {**asdict(total), "recall": total.recall, "false_alarm_share": total.false_alarm_share}}


def _echo_conflicts(scores, show: bool) -> None:
    from tabulate import tabulate

    from .evaluate_conflicts import totals

    rows = [[s.cluster, f"{len(s.found)}/{s.must_find}", f"{len(s.false_alarms)}/{s.flagged}", len(s.unlabelled),
             len(s.cross_story), len(s.unscored)] for s in scores]
    t = totals(scores)
    rows.append(["total", f"{t.found}/{t.must_find} = {t.recall:.3f}", f"{t.false_alarms}/{t.flagged} = "
                 f"{t.false_alarm_share:.3f}", sum(len(s.unlabelled) for s in scores), t.cross_story, t.unscored])
    click.echo(tabulate(rows, headers=["story", "must-find found", "false alarms", "unlabelled", "cross-story",
                                       "unscored"], tablefmt="simple"))
    if not show:
        return
    for s in scores:
        for title, lines in (("missed", s.missed), ("false alarm", s.false_alarms), ("unlabelled", s.unlabelled),
                             ("across stories", s.cross_story), ("unscored", s.unscored)):
            for line in lines:
                click.echo(f"{s.cluster}: {title}: {line}")
