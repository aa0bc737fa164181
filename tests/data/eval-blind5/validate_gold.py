#!/usr/bin/env python3
"""Validate the fifth blind set (how coverage of a developing story reads: live blogs, updates,
corrections, attributions, revisions and tallies): ids b5-<prefix>-NNN, 25 sentences in each of
the ten domain files. The checks are shared with the other blind sets: ../blind_sets.py.

Usage: python3 validate_gold.py [DIR]   (DIR defaults to this file's directory)
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("blind_sets", os.path.join(HERE, "..", "blind_sets.py"))
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

if __name__ == "__main__":
    sys.exit(_shared.main(HERE, "b5"))
