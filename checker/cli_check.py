"""CI commands: check, baseline, rules, config (attached to the main command group in cli.py).

`factcheck check` is the gate a pull-request job runs: it compares the given (or changed)
articles with the published corpus and the verified facts, and reports only the findings that
involve those articles. Exit codes as for `run`: 0 nothing at or above --fail-level, 1 a finding
at or above it, 2 bad input, bad rules, bad configuration or a crash (--exit-zero never hides 2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .cli_common import bundled_corpus, emit, handle_errors, render_report, report_problems
from .cli_engine import engine_options, finish_progress, make_engine
from .config import FORMATS, Config, describe, display_path, load_config
from .errors import ConfigError, UsageError
from .rules import LEVEL_RANK, LEVELS


def _config_file_option(func):
    return click.option("--config", "config_file", type=click.Path(dir_okay=False),
                        help="Configuration file (default: the nearest factcheck.toml from the working "
                             "directory up).")(func)


def _rules_option(func):
    return click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
                        help="Rules folder (default: `rules` in factcheck.toml, else the bundled rules).")(func)


def _against_option(func):
    return click.option("--against", "corpus", multiple=True, type=click.Path(),
                        help="Corpus folder or article to compare with; repeat for more (default: `corpus` "
                             "in factcheck.toml, else the bundled seeds/).")(func)


def _resolve(config_file, **overrides) -> Config:
    return load_config(config_file).override(**overrides)


def _corpus_of(config: Config) -> list[Path]:
    return list(config["corpus"] or [bundled_corpus()])


def _toml_line(origin: str) -> int | None:
    tail = origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _baseline_path(config: Config, no_baseline: bool) -> Path | None:
    if no_baseline or config["baseline"] is None:
        return None
    path = Path(config["baseline"])
    if not path.is_file():
        problem = f"baseline file '{path}' not found (make one with `factcheck baseline -o {path}`)"
        origin = config.origin("baseline")
        if config.path is not None and origin != "command line":
            raise ConfigError(display_path(config.path), _toml_line(origin), "baseline", problem)
        raise UsageError(problem)
    return path


def _note(message: str) -> None:
    click.echo(f"factcheck: {message}", err=True)


@click.command()
@click.argument("articles", nargs=-1, type=click.Path())
@_against_option
@click.option("--changed-since", metavar="REF",
              help="Also check the articles under the corpus folders that git reports as added or modified "
                   "since REF (its merge base with HEAD), e.g. origin/main. Deleted files are ignored.")
@click.option("--corpus-only", is_flag=True,
              help="Check only those ARTICLES that lie in the corpus folders (the pre-commit hook passes every "
                   "staged .md, .txt and .html file).")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline file (default: `baseline` in "
                   "factcheck.toml).")
@click.option("--no-baseline", is_flag=True, help="Ignore the baseline named in factcheck.toml.")
@click.option("--fail-level", type=click.Choice(LEVELS), default=None,
              help="Exit 1 when a finding is at or above LEVEL (default: error).")
@click.option("--min-level", type=click.Choice(LEVELS), default=None,
              help="Leave findings below LEVEL out of the report (default: suggestion).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-level (errors still exit 2).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format (default: table). With github, annotations go to stdout and -o gets the "
                   "full report in Markdown.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the report to FILE (atomically) instead of stdout.")
@_rules_option
@_config_file_option
@engine_options
@handle_errors
def check(articles, corpus, changed_since, corpus_only, baseline, no_baseline, fail_level, min_level, exit_zero,
          fmt, output, rules_dir, config_file, store, no_store, jobs, engine, scheduler, quiet, field_options):
    """Check ARTICLES (files or folders) against the corpus and the verified facts.

    Reports only the findings that involve at least one of the ARTICLES: discrepancies inside the
    corpus are not theirs. Exit 0 when nothing reaches --fail-level, 1 when something does, 2 on
    bad input, rules or configuration.
    """
    from .rules import load_rules

    if not articles and not changed_since:
        raise UsageError("nothing to check: give ARTICLE paths or --changed-since REF")
    config = _resolve(config_file, corpus=corpus, rules=rules_dir, fail_level=fail_level, min_level=min_level,
                      baseline=baseline, format=fmt)
    rules = load_rules(config["rules"])
    corpus_paths = _existing_corpus(config)
    baseline_path = _baseline_path(config, no_baseline)
    targets = _given_targets(articles, corpus_paths, corpus_only)
    exceptions_changed = False
    if changed_since:
        exceptions_changed = _add_changed_targets(targets, changed_since, corpus_paths, rules, config)
    runner = make_engine(config, store, no_store, jobs, engine, scheduler, quiet, field_options)
    try:
        result = _run_check(targets, exceptions_changed, corpus_paths, rules, config, baseline_path, runner)
    finally:
        finish_progress(runner)
    _emit_check_report(result, config, output)
    if result.problems:
        report_problems(result.problems)
        raise UsageError(f"{len(result.problems)} article(s) could not be read; the others were checked")
    if result.baselined:
        _note(f"{result.baselined} finding(s) recorded in the baseline {result.baseline} not reported")
    gate = LEVEL_RANK[config["fail-level"]]
    failing = [f for f in result.findings if not f.suppressed and LEVEL_RANK[f.level] >= gate]
    if failing and not exit_zero:
        sys.exit(1)


def _existing_corpus(config: Config) -> list[Path]:
    corpus_paths = _corpus_of(config)
    for folder in corpus_paths:
        if not Path(folder).exists():
            raise UsageError(f"corpus {folder}: no such file or directory")
    return corpus_paths


def _given_targets(articles, corpus_paths: list[Path], corpus_only: bool) -> list[Path]:
    """The ARTICLES to check; with --corpus-only, those in the corpus folders."""
    from .gate import in_folders

    targets: list[Path] = []
    for given in articles:
        path = Path(given)
        if not path.exists():
            raise UsageError(f"{given}: no such file or directory")
        if corpus_only and not in_folders(path, corpus_paths):
            continue
        targets.append(path)
    if corpus_only and articles and len(targets) < len(articles):
        _note(f"{len(articles) - len(targets)} file(s) outside the corpus folders not checked")
    return targets


def _add_changed_targets(targets: list[Path], changed_since: str, corpus_paths: list[Path], rules,
                         config: Config) -> bool:
    """Add the corpus articles git reports changed since REF to ``targets``; whether the
    exceptions file changed too."""
    from .gate import in_folders
    from .vcs import changed_since as git_changed

    changed = git_changed(changed_since)
    picked = [p for p in changed if in_folders(p, corpus_paths)]
    exceptions_file = Path(rules.files.get("exceptions.yaml", rules.directory / "exceptions.yaml")).resolve()
    exceptions_changed = exceptions_file in {p.resolve() for p in changed}
    _note(f"{len(picked)} article(s) added or modified since {changed_since}"
          + (": " + ", ".join(p.relative_to(config.root).as_posix() if p.is_relative_to(config.root) else str(p)
                              for p in picked) if picked else ""))
    known = {p.resolve() for p in targets}
    targets += [p for p in picked if p.resolve() not in known]
    return exceptions_changed


def _run_check(targets: list[Path], exceptions_changed: bool, corpus_paths: list[Path], rules, config: Config,
               baseline_path: Path | None, engine=None):
    """The check result, with the findings below min-level left out."""
    from .gate import check_articles, empty_check

    if targets or exceptions_changed:
        # An edited exceptions file is checked too: its expired and unused entries are reported.
        result = check_articles(targets, corpus_paths, rules, root=config.root, baseline=baseline_path,
                                exception_findings=exceptions_changed, engine=engine)
    else:
        _note("no article to check")
        result = empty_check(rules, corpus_paths, config.root)
    floor = LEVEL_RANK[config["min-level"]]
    result.findings = [f for f in result.findings if LEVEL_RANK[f.level] >= floor]
    return result


def _emit_check_report(result, config: Config, output: str | None) -> None:
    from .report import render, write_atomic

    report = result.to_dict()
    fmt = config["format"]
    if fmt == "github":
        # The runner reads workflow commands from stdout; the file gets the whole report, since
        # GitHub shows only a few annotations per step.
        click.echo(render(report, "github"), nl=False)
        if output and output != "-":
            write_atomic(output, render(report, "markdown"))
    else:
        emit(render_report(result, report, fmt), output)


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Baseline file to write (default: `baseline` in factcheck.toml); `-` prints it.")
@_against_option
@_rules_option
@_config_file_option
@engine_options
@handle_errors
def baseline(output, corpus, rules_dir, config_file, store, no_store, jobs, engine, scheduler, quiet, field_options):
    """Record today's findings of the corpus in a baseline file.

    `factcheck check --baseline FILE` then reports only findings that are not in it. Findings are
    recorded by fingerprint (rule, articles, event, entity, values), never by line, so edits
    that move text do not bring them back.
    """
    from .baseline import render_baseline
    from .gate import check_articles
    from .rules import load_rules

    config = _resolve(config_file, corpus=corpus, rules=rules_dir)
    target = output or config["baseline"]
    if target is None:
        raise UsageError("where should the baseline go? Give -o FILE or set `baseline` in factcheck.toml")
    rules = load_rules(config["rules"])
    runner = make_engine(config, store, no_store, jobs, engine, scheduler, quiet, field_options)
    try:
        result = check_articles([], _corpus_of(config), rules, root=config.root, whole_corpus=True, engine=runner)
    finally:
        finish_progress(runner)
    if result.problems:
        report_problems(result.problems)
        raise UsageError(f"{len(result.problems)} article(s) could not be read; no baseline written")
    text = render_baseline(result.findings)
    emit(text, str(target))
    count = len(json.loads(text)["findings"])
    if str(target) != "-":
        _note(f"recorded {count} finding(s) of {len(result.loaded)} article(s) in {target}")


@click.command(name="rules")
@click.argument("code", required=False)
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="The list of checks as a table, or as JSON.")
@_rules_option
@_config_file_option
@handle_errors
def rules_command(code, fmt, rules_dir, config_file):
    """List every rule (code, name, level, description), or explain CODE with examples.

    CODE is a rule code (FC101) or name (value-conflict).
    """
    from tabulate import tabulate

    from .rules import load_rules

    config = _resolve(config_file, rules=rules_dir)
    rules = load_rules(config["rules"])
    if code is None:
        if fmt == "json":
            out = [{"code": c.code, "name": c.name, "level": c.level, "summary": c.summary}
                   for c in rules.checks.checks.values()]
            click.echo(json.dumps(out, ensure_ascii=False, indent=2))
            return
        rows = [[c.code, c.name, c.level, c.summary] for c in sorted(rules.checks.checks.values(), key=lambda c: c.code)]
        click.echo(tabulate(rows, headers=["code", "name", "level", "description"], tablefmt="simple"))
        return
    checks = rules.checks.checks
    check = checks.get(code.upper()) or next((c for c in checks.values() if c.name == code.lower()), None)
    if check is None:
        raise UsageError(f"unknown rule {code!r}; known rules: {', '.join(sorted(rules.checks.checks))}")
    if fmt == "json":
        click.echo(json.dumps({"code": check.code, "name": check.name, "level": check.level,
                               "summary": check.summary, "examples": check.examples}, ensure_ascii=False,
                              indent=2, default=str))
        return
    click.echo(explain(check, rules), nl=False)


def explain(check, rules) -> str:
    """A rule with its passing and failing example, and what factcheck reports for each."""
    from .examples import run_example

    out = [f"{check.code} {check.name}", f"level: {check.level}", "", check.summary, ""]
    if not check.examples:
        out += ["(no examples in checks.yaml)", ""]
        return "\n".join(out)
    for which, title in (("pass", "Passing example"), ("fail", "Failing example")):
        example = check.examples[which]
        out.append(f"{title}:")
        for name, text in example["articles"].items():
            out.append(f"  {name}:")
            out += [f"    {line}" for line in text.rstrip("\n").splitlines()]
        for key in ("facts", "exceptions"):
            for entry in example.get(key) or []:
                out.append(f"  {key}.yaml: " + ", ".join(f"{k}: {v}" for k, v in entry.items()))
        found = [f for f in run_example(example, rules) if f.rule == check.code and not f.suppressed]
        if found:
            out.append(f"  factcheck reports {check.code}:")
            out += [f"    {f.level}: {f.message}" for f in found]
        else:
            out.append(f"  factcheck reports no {check.code}.")
        out.append("")
    return "\n".join(out)


@click.command(name="config")
@_against_option
@click.option("--baseline", type=click.Path(dir_okay=False), help="Baseline file.")
@click.option("--fail-level", type=click.Choice(LEVELS), default=None,
              help="Show the configuration as resolved with this --fail-level given on the command line.")
@click.option("--min-level", type=click.Choice(LEVELS), default=None,
              help="Show the configuration as resolved with this --min-level given on the command line.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None, help="Report format.")
@_rules_option
@_config_file_option
@handle_errors
def config_command(corpus, baseline, fail_level, min_level, fmt, rules_dir, config_file):
    """Print the resolved configuration and where each value comes from.

    Values come from the command line, else factcheck.toml (found by walking up from the working
    directory), else the defaults. Takes the same flags as `factcheck check`.
    """
    from tabulate import tabulate

    config = _resolve(config_file, corpus=corpus, rules=rules_dir, fail_level=fail_level, min_level=min_level,
                      baseline=baseline, format=fmt)
    click.echo(f"configuration file: {config.path if config.path else 'none found (defaults)'}")
    click.echo(f"paths relative to: {config.root}")
    rows = [[key, value, origin] for key, value, origin in describe(config)]
    click.echo(tabulate(rows, headers=["key", "value", "from"], tablefmt="simple"))
