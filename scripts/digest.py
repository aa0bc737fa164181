"""Digest of everything factcheck outputs, to show what a change changed (or that it changed nothing).

    python scripts/digest.py [--corpora ../shared/corpora] [--out DIR]

Runs the installed `checker` package (the one `python -m checker` imports) over:

- `extract -f jsonl` on the whole ecbplus-dev corpus;
- `run -f json` on each ecbplus-dev story folder on its own;
- `eval --show` (table and JSON) on every labelled set under tests/data/eval*;
- the bundled seeds: `run` in every report format, the report files of `run --reports-dir`, and
  `check` of one seed against the others in every check format.

Prints one `sha256  part` line per output and a last line with the digest of them all. With `--out`,
each output is also written to DIR/<part>, so two digests that differ can be compared with
`diff -r DIR_BEFORE DIR_AFTER`. Commands run from the repository root with relative paths, so the
outputs do not depend on where the checkout lies. Not a test: a restructuring keeps the last line
unchanged, a behaviour change shows which parts moved.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_FORMATS = ["table", "markdown", "json", "csv", "html"]
CHECK_FORMATS = ["table", "markdown", "json", "csv", "sarif", "github"]


def factcheck(*args: str) -> bytes:
    """Stdout and exit code of one factcheck command, run from the repository root."""
    done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"digest: `factcheck {' '.join(args)}` exited {done.returncode}")
    return done.stdout + f"\n[exit {done.returncode}]\n".encode()


def relative(path: Path) -> str:
    """PATH as the commands see it from the repository root (relative when it can be)."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        import os

        return os.path.relpath(path.resolve(), ROOT)


def corpus_parts(corpora: Path):
    dev = corpora / "ecbplus-dev"
    if not dev.is_dir():
        raise SystemExit(f"digest: no corpus at {dev} (give --corpora)")
    yield "extract/ecbplus-dev.jsonl", factcheck("extract", "-f", "jsonl", relative(dev))
    for story in sorted(p for p in dev.iterdir() if p.is_dir()):
        yield f"run/{story.name}.json", factcheck("run", "-f", "json", "--no-reports", relative(story))


def eval_parts():
    for gold in sorted((ROOT / "tests" / "data").glob("eval*")):
        if gold.is_dir():
            yield f"eval/{gold.name}.txt", factcheck("eval", "--show", relative(gold))
            yield f"eval/{gold.name}.json", factcheck("eval", "--show", "-f", "json", relative(gold))


def seed_parts():
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for fmt in RUN_FORMATS:
        yield f"seeds/run.{fmt}", factcheck("run", "-f", fmt, "--no-reports", "seeds")
    with tempfile.TemporaryDirectory() as tmp:
        factcheck("run", "--reports-dir", tmp, "seeds")
        for report in sorted(Path(tmp).iterdir()):
            yield f"seeds/reports/{report.name}", report.read_bytes()
    new, against = relative(seeds[0]), "seeds"
    for fmt in CHECK_FORMATS:
        yield f"seeds/check.{fmt}", factcheck("check", "-f", fmt, "--against", against, new)
    yield "seeds/extract.csv", factcheck("extract", "-f", "csv", "seeds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, help="also write each output to OUT/<part>")
    args = parser.parse_args()
    whole = hashlib.sha256()
    for part, output in [*corpus_parts(args.corpora), *eval_parts(), *seed_parts()]:
        digest = hashlib.sha256(output).hexdigest()
        whole.update(f"{digest}  {part}\n".encode())
        print(f"{digest}  {part}", flush=True)
        if args.out:
            target = args.out / part
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output)
    print(f"{whole.hexdigest()}  ALL")


if __name__ == "__main__":
    main()
