"""What a long command prints while it works: mining's progress on stderr, and a note for
each cache step that took a while (the first run builds the dictionary caches)."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from tutor.corpus.meter import Meter
from tutor.lang.prepare import StepReport

__all__ = [
    "PROGRESS_EVERY",
    "Printer",
    "ProgressLines",
    "heartbeat",
    "progress_lines",
    "progress_printer",
    "slow_steps",
]

SLOW_STEP = 1.0  # seconds: a cache step that took longer was a build, worth a note


PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is a file or a pipe
BEAT = 1.0  # seconds between the heartbeat's looks at the progress


class Printer(Protocol):
    """What mining reports progress to: pairs mined (``printer(done, total)``), the reading
    (``printer.reading(verb, meter)``: "checked" or "read" and the byte count it moves on),
    and a heartbeat (``printer.beat()``) that may show the latest of both."""

    def __call__(self, done: int, total: int | None) -> None: ...

    def reading(self, verb: str, meter: Meter) -> None: ...

    def beat(self) -> None: ...


def progress_printer() -> Printer:
    """A progress bar on stderr (pairs done, pairs/s, time left) on a terminal; elsewhere (a
    log, a pipe) a plain line every few seconds, so a long run is never silent."""
    stream = sys.stderr
    if not stream.isatty():
        return progress_lines(_RawStderr(), time.monotonic)
    return _Bar(stream, time.monotonic)


class _RawStderr:
    """stderr written past Python's buffers, so a line from the heartbeat (a signal handler)
    can never land inside a write the program was making."""

    def write(self, text: str) -> None:
        os.write(2, text.encode("utf-8", "replace"))

    def flush(self) -> None:
        pass


class _Bar:
    def __init__(self, stream: Any, clock: Callable[[], float]) -> None:
        self.stream, self.clock = stream, clock
        self.started = clock()

    def __call__(self, done: int, total: int | None) -> None:
        elapsed = max(self.clock() - self.started, 1e-6)
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
        self.stream.write(line)
        if total and done >= total:
            self.stream.write("\n")
        self.stream.flush()

    def reading(self, verb: str, meter: Meter) -> None:
        pass

    def beat(self) -> None:
        pass


def _megabytes(size: int) -> str:
    """A file size as a person reads it: "12 KB", "3.4 MB", "50 MB"."""
    if size < 100_000:
        return f"{size / 1e3:.0f} KB" if size >= 1000 else f"{size} bytes"
    return f"{size / 1e6:.1f} MB" if size < 10_000_000 else f"{size / 1e6:,.0f} MB"


class ProgressLines:
    """Plain progress lines for a log or a pipe, at most one every ``PROGRESS_EVERY`` seconds:
    the bytes read once a reading is reported, and the pairs mined once there are some."""

    def __init__(self, stream: Any, clock: Callable[[], float]) -> None:
        self.stream, self.clock = stream, clock
        self.started = self.last = clock()
        self.total: int | None = None
        self.done = 0
        self.verb = ""
        self.meter: Meter | None = None
        self._writing = False

    def __call__(self, done: int, total: int | None) -> None:
        self.done, self.total = done, total
        self.beat()

    def reading(self, verb: str, meter: Meter) -> None:
        self.verb, self.meter = verb, meter

    def beat(self) -> None:
        if self._writing:  # the heartbeat came while a line was being written
            return
        now = self.clock()
        if now - self.last < PROGRESS_EVERY or not (self.done or self.meter):
            return
        self._writing, self.last = True, now
        try:
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()
        finally:
            self._writing = False

    def line(self, now: float) -> str:
        parts = []
        if self.meter is not None:
            of = f" of {_megabytes(self.meter.total)}" if self.meter.total else ""
            parts.append(f"{self.verb} {_megabytes(self.meter.read)}{of}")
        if self.done or self.meter is None or self.verb != "checked":
            of = f" of {self.total:,} ({self.done / self.total:.0%})" if self.total else ""
            rate = self.done / max(now - self.started, 1e-6)
            pairs = "pair" if self.done == 1 else "pairs"
            parts.append(f"mined {self.done:,} {pairs}{of}, {rate:,.0f}/s")
        return "tutor: " + ", ".join(parts)


def progress_lines(stream: Any, clock: Callable[[], float]) -> ProgressLines:
    return ProgressLines(stream, clock)


@contextmanager
def heartbeat(beat: Callable[[], None], every: float = BEAT) -> Iterator[None]:
    """Call ``beat`` every ``every`` seconds while the block runs, whatever it is doing (a
    timer signal: no thread, so mining's workers can still be forked warm). Where there is no
    such timer, or off the main thread, the block runs without one."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    # no SA_RESTART: a wait on mining's workers must wake for the beat (Python resumes it)
    previous = signal.signal(signal.SIGALRM, lambda _sig, _frame: beat())
    signal.setitimer(signal.ITIMER_REAL, every, every)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
