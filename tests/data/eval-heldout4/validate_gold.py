#!/usr/bin/env python3
"""Validate the fourth random ECB+ sample: ids h4-<folder>-<file stem>-<n>, no sentence of
eval-real, eval-heldout, eval-heldout2, eval-heldout3. The checks are shared with the other random
samples: ../ecbplus_samples.py.

Usage: python3 validate_gold.py [DIR] [--corpus CORPUS_DIR] [--eval-real FILE] [--eval-heldout FILE]
       [--eval-heldout2 FILE] [--eval-heldout3 FILE] [--folders] [--require-corpus]
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("ecbplus_samples", os.path.join(HERE, "..", "ecbplus_samples.py"))
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

if __name__ == "__main__":
    sys.exit(_shared.main(HERE, "h4", ("eval-real", "eval-heldout", "eval-heldout2", "eval-heldout3")))
