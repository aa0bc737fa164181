"""Small archives built from the bundled seeds, for the tests of the claim store and its caches."""

from __future__ import annotations

import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# A new article for the first copy's forum (copy 0 is dated 2000): 95 against the archive's 83 and 82.
NEW_ARTICLE = ("---\ndate: 2000-08-16\nsource: Herald\n---\nMOSCOW. Organizers said 95 foreign companies took "
               "part in the Army-2000 forum.\n")


def seed_copies(folder: Path, copies: int) -> Path:
    """COPIES copies of the seeds in FOLDER, each a year apart with its numbers shifted (so every
    copy is another story with its own claims)."""
    folder.mkdir()
    for k in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            text = text.replace("2023-", f"{2000 + k}-", 1).replace(" 83 ", f" {83 + k} ")
            (folder / f"{k:03d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


def report_json(result) -> str:
    """A run's report as one comparable string."""
    return json.dumps(result.to_dict(), sort_keys=True, default=str)
