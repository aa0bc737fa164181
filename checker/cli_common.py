"""What the command modules share: the bundled corpus, error handling (library errors and crashes
become exit code 2 and one ``Error:`` line here), and writing a report to stdout or a file."""

from __future__ import annotations

import functools
import sys
import traceback
from importlib import resources
from pathlib import Path

import click

from .errors import FactcheckError


def bundled_corpus() -> Path:
    """The bundled corpus: ``seeds/`` shipped with the package (or of the source tree)."""
    packaged = resources.files("checker") / "seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds"


def _fail(message: str, code: int = 2):
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def handle_errors(func):
    """Turn library errors into exit code 2 with one line on stderr; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            _fail(str(exc))
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(2)
        except Exception as exc:  # a crash is exit 2 too, with where it happened
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            _fail(f"internal error: {type(exc).__name__}: {exc} ({Path(tb.filename).name}:{tb.lineno}); "
                  "please report it with the input that caused it")

    return wrapper

def emit(text: str, output: str | None):
    from .report import write_atomic

    if output and output != "-":
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def report_problems(problems) -> None:
    for p in problems:
        click.echo(f"Error: {p.path}: {p.problem}", err=True)


def render_report(result, report: dict, fmt: str) -> str:
    from .report import render

    return render(report, fmt, result)


