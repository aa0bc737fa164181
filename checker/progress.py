"""A progress bar on stderr for long runs (tqdm), only when stderr is a terminal and not --quiet:
articles done of the total, and how many were extracted, read from the claim store or failed."""

from __future__ import annotations

import sys


class ProgressBar:
    """Call it with (counts, done, total) after each batch; close() at the end."""

    MIN_ARTICLES = 200  # below this a run takes about a second: no bar

    def __init__(self, enabled: bool | None = None, stream=None, mininterval: float = 0.5):
        self.stream = stream or sys.stderr
        self.mininterval = mininterval
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._bar = None

    def __call__(self, counts, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_ARTICLES:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True, leave=False,
                             mininterval=self.mininterval)
        self._bar.set_postfix(extracted=counts.extracted, stored=counts.from_store, failed=counts.failed,
                              refresh=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
