"""`python -m checker` runs the factcheck command line."""

from .cli import main

if __name__ == "__main__":  # not when a worker process started by "forkserver" or "spawn" imports it
    main(prog_name="factcheck")
