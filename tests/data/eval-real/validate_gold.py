#!/usr/bin/env python3
"""Validate the hand-picked real-news (ECB+) gold set: ids ecb-<folder>-<file stem>-<n>, each text
verbatim line n of its source file, at least 300 sentences from at least 50 folders, no folder
above 5% and no domain above 25% of the set. The checks are shared with the random samples:
../ecbplus_samples.py.

Usage: python3 validate_gold.py [DIR] [--corpus CORPUS_DIR] [--folders] [--require-corpus]
  CORPUS_DIR defaults to $ECBPLUS_DIR, else <repo>/../shared/corpora/ecbplus-dev. Without the
  corpus the verbatim check is skipped (said on stdout) unless --require-corpus is given.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("ecbplus_samples", os.path.join(HERE, "..", "ecbplus_samples.py"))
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

if __name__ == "__main__":
    sys.exit(_shared.main(HERE, "ecb", (), min_sentences=300, max_folder_sentences=None,
                          max_folder_share=0.05, max_domain_share=0.25))
