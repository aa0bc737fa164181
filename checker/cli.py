"""Command line: the ``factcheck`` command group.

Exit codes (as in Vale, ruff, sqlfluff): 0 the report was produced (and, with --fail-level, no
finding reached that level); 1 a finding reached --fail-level; 2 bad input, bad rules, bad
configuration or a crash, with a one-line ``Error: ...`` on stderr (cli_common.handle_errors).

The commands live in cli_run (run, extract, eval) and cli_check (check, baseline, rules, config);
they are attached to the ``main`` group here, and only here.
"""

from __future__ import annotations

import click

from . import __version__
from .cli_check import baseline, check, config_command, rules_command
from .cli_run import CLAIM_FORMATS, RUN_FORMATS, eval_command, eval_conflicts, extract, run


class _Group(click.Group):
    def main(self, *args, **kwargs):
        # click's own usage errors exit 2 already; make sure they keep doing so.
        return super().main(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main():
    """factcheck: find where news articles disagree on numbers.

    Reads articles (.txt, .md, .html), extracts every numeric claim, lines up the claims that
    speak of the same fact across sources and reports the discrepancies.
    """


for _command in (run, extract, eval_command, eval_conflicts, check, baseline, rules_command, config_command):
    main.add_command(_command)

__all__ = ["CLAIM_FORMATS", "RUN_FORMATS", "main"]
