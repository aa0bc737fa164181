#!/usr/bin/env python3
"""Draw the fourth held-out sample of ECB+ lines (see README.md). Deterministic: seed 20261125.
The drawing is shared with the other random samples: ../ecbplus_draw.py.

Usage: python3 draw_sample.py > sample.jsonl   (statistics go to stderr)
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("ecbplus_draw", os.path.join(HERE, "..", "ecbplus_draw.py"))
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

if __name__ == "__main__":
    _shared.draw(seed=20261125, n_target=250, id_prefix="h4",
                 excluded_sets=("eval-real", "eval-heldout", "eval-heldout2", "eval-heldout3"),
                 count_one=False, min_words=6)
