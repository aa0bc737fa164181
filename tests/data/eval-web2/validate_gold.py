"""Validate the eval-web2 gold set (stdlib only): the same format, file list and split as eval-web,
checked by eval-web's validator.

Usage: python3 validate_gold.py [DIR]   (DIR defaults to this file's directory; the untouched sixth:
python3 validate_gold.py ../eval-web2-untouched)
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    if len(sys.argv) == 1:
        sys.argv.append(str(HERE))
    runpy.run_path(str(HERE.parent / "eval-web" / "validate_gold.py"), run_name="__main__")
