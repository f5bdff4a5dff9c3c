"""What a long command prints while it works: mining's progress on stderr, and a note for
each cache step that took a while (the first run builds the dictionary caches)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from tutor.lang.prepare import StepReport

__all__ = ["PROGRESS_EVERY", "progress_lines", "progress_printer", "slow_steps"]

SLOW_STEP = 1.0  # seconds: a cache step that took longer was a build, worth a note


PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is a file or a pipe


def progress_printer() -> Callable[[int, int | None], None]:
    """A progress bar on stderr (pairs done, pairs/s, time left) on a terminal; elsewhere (a
    log, a pipe) a plain line every few seconds, so a long run is never silent."""
    stream = sys.stderr
    if not stream.isatty():
        return progress_lines(stream, time.monotonic)
    started = time.monotonic()

    def show(done: int, total: int | None) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done / elapsed
        if total:
            filled = int(24 * min(done, total) / total)
            left = (total - done) / rate if rate > 0 else 0.0
            line = (
                f"\rmining [{'#' * filled}{'.' * (24 - filled)}] {done}/{total} pairs"
                f"  {rate:,.0f}/s  ETA {int(left) // 60}:{int(left) % 60:02d} "
            )
        else:
            line = f"\rmining {done} pairs  {rate:,.0f}/s "
        stream.write(line)
        if total and done >= total:
            stream.write("\n")
        stream.flush()

    return show


def progress_lines(stream: Any, clock: Callable[[], float]) -> Callable[[int, int | None], None]:
    started = last = clock()

    def show(done: int, total: int | None) -> None:
        nonlocal last
        now = clock()
        if now - last < PROGRESS_EVERY or not done:
            return
        last = now
        of = f" of {total:,} ({done / total:.0%})" if total else ""
        rate = done / max(now - started, 1e-6)
        stream.write(f"tutor: mined {done:,} pairs{of}, {rate:,.0f}/s\n")
        stream.flush()

    return show


def slow_steps(
    say: Callable[[str], None], clock: Callable[[], float] = time.monotonic
) -> StepReport:
    """A ``tutor.lang.prepare`` report that says which steps were slow (built, not opened)."""
    last: list[tuple[float, str]] = []

    def report(done: int, total: int, label: str) -> None:
        now = clock()
        if last and now - last[0][0] > SLOW_STEP:
            say(f"built {last[0][1]} once into the cache ({now - last[0][0]:.1f} s)")
        last[:] = [(now, label)]

    return report
