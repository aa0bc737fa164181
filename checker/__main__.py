"""`python -m checker` runs the factcheck command line."""

from .cli import main

main(prog_name="factcheck")
