"""Start-up cost: first card on a new database, and mining the bundled deck, as ratios.

First card: ``tutor --db NEW`` (a database that does not exist yet, so the bundled deck is mined
on the setup screen first) and a minimal Textual app (one Static) run in turn as fresh
processes in a 100x30 pseudo-terminal (``tui_speed.time_to_text``); the clock stops when the
first card's front is drawn. Warm: ``TUTOR_CACHE`` is a cache directory built by an untimed
run. Cold: a fresh empty ``TUTOR_CACHE`` per run, so every cache is built on the way. Bars:
median warm <= 3x and median cold <= 8x the minimal app's first paint.

Mine: ``tutor mine`` of the bundled deck (``--dry-run``, warm caches, a new database each run)
against ``python -c 'import jieba; jieba.initialize()'``, alternately; wall time and CPU time
(user + system of the child) are compared. Bar: median <= 1.5x, both.

Children run in the current directory, so ``python -c`` imports the ``tutor`` found there:
run it from a checkout (``cd /work/main && python /path/to/bench/startup.py`` measures main).
They byte-compile into a scratch ``PYTHONPYCACHEPREFIX`` (the untimed warm-ups fill it), so
every checkout is measured with compiled modules, as an installed copy runs, and none is
written to.

    python bench/startup.py [--runs 5] [--skip-cold] [--json]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, add_json_flag, figures_out  # noqa: E402
from tui_speed import MINIMAL_APP, MINIMAL_TEXT, TUTOR_APP, front_text, time_to_text  # noqa: E402

DECK_FILE = Path(__file__).resolve().parent.parent / "decks" / "beijing-2024-report.txt"
JIEBA_FLOOR = "import jieba; jieba.initialize()"


def first_card_front(work: Path) -> str:
    """The front the study screen opens on once the bundled deck is mined into a new database."""
    from datetime import UTC, datetime

    from tutor.firstrun import bootstrap_bundled
    from tutor.store import Store
    from tutor.tui.prompts import PromptMaker

    with Store.open(work / "front.db") as store:
        deck = bootstrap_bundled(store)
        deck_id = store.deck_id(deck)
        card = store.next_card(deck_id, datetime.now(UTC))
        assert card is not None, "the bundled deck has no card to show"
        return front_text(card, PromptMaker(store, deck_id).prompt(card))


def run_timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{argv[-6:]} exited with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


class Runs:
    """Fresh databases (and fresh cold caches) under one scratch directory."""

    def __init__(self, work: Path, warm_cache: Path) -> None:
        self.work = work
        self.warm_cache = warm_cache
        self.count = 0

    def db(self) -> Path:
        self.count += 1
        return self.work / f"run-{self.count}.db"

    def first_card(self, marker: str, cache: Path | None = None) -> float:
        cold = cache is None
        cache = cache or Path(tempfile.mkdtemp(prefix="cold-cache-", dir=self.work))
        os.environ["TUTOR_CACHE"] = str(cache)
        try:
            argv = [sys.executable, "-c", TUTOR_APP, "--db", str(self.db())]
            return time_to_text(argv, marker, timeout=120.0)
        finally:
            if cold:
                shutil.rmtree(cache, ignore_errors=True)

    def mine(self) -> tuple[float, float]:
        os.environ["TUTOR_CACHE"] = str(self.warm_cache)
        db = str(self.db())
        return run_timed(
            [sys.executable, "-c", TUTOR_APP, "--db", db, "mine", str(DECK_FILE), "--dry-run"]
        )


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _row(
    label: str, values: list[float], reference: list[float], bar: float, versus: str
) -> Figure:
    ratio = _median(values) / _median(reference)
    verdict = "ok" if ratio <= bar else "MISSED"
    runs = ", ".join(f"{v * 1000:.0f}" for v in values)
    print(f"{label:<44} median {_median(values) * 1000:7.0f} ms  {ratio:5.2f}x  "
          f"(bar <= {bar:.1f}x: {verdict}; runs: {runs})")  # fmt: skip
    return Figure(label, "bundled deck", _median(values), "s", bar, _median(reference), versus)


def _reference(label: str, values: list[float]) -> None:
    runs = ", ".join(f"{v * 1000:.0f}" for v in values)
    print(f"{label:<44} median {_median(values) * 1000:7.0f} ms  (runs: {runs})")


def _alternate(runs: int, *steps: Callable[[], object]) -> None:
    for _ in range(runs):
        for step in steps:
            step()


def first_card(runner: Runs, runs: int, cold: bool) -> list[Figure]:
    marker = first_card_front(runner.work)
    minimal_argv = [sys.executable, "-c", MINIMAL_APP]
    time_to_text(minimal_argv, MINIMAL_TEXT)  # untimed warm-ups; the second builds the caches
    runner.first_card(marker, runner.warm_cache)
    minimal: list[float] = []
    warm: list[float] = []
    coldest: list[float] = []
    steps: list[Callable[[], object]] = [
        lambda: minimal.append(time_to_text(minimal_argv, MINIMAL_TEXT)),
        lambda: warm.append(runner.first_card(marker, runner.warm_cache)),
    ]
    if cold:
        steps.append(lambda: coldest.append(runner.first_card(marker)))
    _alternate(runs, *steps)
    print(f"first card front: {marker!r}")
    _reference("minimal Textual app, first paint", minimal)
    versus = "minimal Textual app"
    figures = [_row("first card, new database, warm caches", warm, minimal, 3.0, versus)]
    if cold:
        figures.append(_row("first card, new database, empty caches", coldest, minimal, 8.0,
                            versus))  # fmt: skip
    return figures


def mine(runner: Runs, runs: int) -> list[Figure]:
    floor_argv = [sys.executable, "-c", JIEBA_FLOOR]
    run_timed(floor_argv)
    runner.mine()
    floor: list[tuple[float, float]] = []
    mined: list[tuple[float, float]] = []
    _alternate(
        runs, lambda: floor.append(run_timed(floor_argv)), lambda: mined.append(runner.mine())
    )
    figures: list[Figure] = []
    for index, name in ((0, "wall"), (1, "CPU")):
        _reference(f"jieba.initialize(), {name}", [f[index] for f in floor])
        figures.append(_row(f"tutor mine (bundled deck, warm), {name}", [m[index] for m in mined],
                            [f[index] for f in floor], 1.5, "jieba.initialize()"))  # fmt: skip
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each process")
    parser.add_argument("--skip-cold", action="store_true", help="no empty-cache first runs")
    add_json_flag(parser)
    args = parser.parse_args()
    with figures_out(args.json) as figures:
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"tutor from: {Path.cwd()}")
        with tempfile.TemporaryDirectory(prefix="tutor-startup-") as scratch:
            work = Path(scratch)
            os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            runner = Runs(work, work / "warm-cache")
            os.environ["TUTOR_CACHE"] = str(runner.warm_cache)
            figures += first_card(runner, args.runs, not args.skip_cold)
            figures += mine(runner, args.runs)
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
