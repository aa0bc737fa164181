"""The options that say how a command loads and extracts articles (shared by run, extract, check
and baseline): the claim store, processes, the engine, progress, and the record fields of JSON
exports. Command-line flags win over factcheck.toml, factcheck.toml over the defaults."""

from __future__ import annotations

from pathlib import Path

import click

ENGINES = ("local", "dask")


def engine_options(func):
    """--store, --no-store, --jobs, --engine, --scheduler, --quiet, --field."""
    options = [
        click.option("--store", "store", type=click.Path(dir_okay=False),
                     help="Claim store file (default: .factcheck-cache/claims.sqlite beside factcheck.toml, else "
                          "in the working directory)."),
        click.option("--no-store", is_flag=True, help="Neither read nor write the claim store: extract everything."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Processes that load and extract articles (default: all cores)."),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="Run the work on this machine's processes, or as a Dask graph."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="With --engine dask: the address of an existing Dask scheduler (default: a LocalCluster)."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
        click.option("--field", "field_options", multiple=True, metavar="SLOT=NAME",
                     help="Record field of JSON exports for SLOT (headline, body, date, source, url, id); "
                          "repeatable; NAME may list fallbacks: body=text,content."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def make_engine(config, store, no_store, jobs, engine, scheduler, quiet, field_options):
    """The Engine (checker.engine or checker.dask_engine) that the options and CONFIG ask for."""
    from .engine import Engine, default_jobs
    from .load import Fields, parse_field_options
    from .progress import ProgressBar
    from .store import default_store_path

    fields = Fields().override(config["fields"]).override(parse_field_options(field_options))
    if no_store or (store is None and config["store"] is False):
        store_path = None
    elif store is not None:
        store_path = Path(store)
    elif config["store"]:
        store_path = Path(config["store"])
    else:
        store_path = default_store_path(config.path.parent if config.path else None)
    common = dict(jobs=jobs or config["jobs"] or default_jobs(), store_path=str(store_path) if store_path else None,
                  fields=fields, on_progress=None if quiet else ProgressBar(),
                  warn=lambda message: click.echo(f"factcheck: warning: {message}", err=True))
    if engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(scheduler=scheduler, **common)
    if scheduler:
        from .errors import UsageError

        raise UsageError("--scheduler needs --engine dask")
    return Engine(**common)


def finish_progress(engine) -> None:
    if engine.on_progress is not None and hasattr(engine.on_progress, "close"):
        engine.on_progress.close()
