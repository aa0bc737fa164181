"""Rule examples (``checks.yaml``): run one in a scratch folder."""

from __future__ import annotations

import datetime as _dt
import tempfile
from pathlib import Path

import yaml

from .compare import Finding
from .pipeline import run as run_pipeline
from .rules import Rules, load_rules_file


def run_example(example: dict, rules: Rules, today: _dt.date | None = None) -> list[Finding]:
    """Findings of a check's example: its articles, with its facts and exceptions in force
    (validated like facts.yaml and exceptions.yaml) on top of ``rules``."""
    with tempfile.TemporaryDirectory(prefix="factcheck-example-") as tmp:
        tmp_path = Path(tmp)
        example_rules = rules
        for name in ("facts", "exceptions"):
            path = tmp_path / f"{name}.yaml"
            path.write_text(yaml.safe_dump({name: example.get(name, [])}, sort_keys=False), encoding="utf-8")
            example_rules = load_rules_file(path, example_rules)
        articles = tmp_path / "articles"
        articles.mkdir()
        for name, text in example["articles"].items():
            (articles / name).write_text(text, encoding="utf-8")
        return run_pipeline([str(articles)], rules=example_rules, today=today).findings
