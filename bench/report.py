"""Issue 13's figures in one table: each bench once, every figure against its reference and bar.

    python bench/report.py [--quick] [--only NAME[,NAME]] [--markdown | --json] [--verbose]

Runs the benches below in turn, each as a child process with ``--json`` (see ``figures.py``),
and prints one row per figure: what was measured, its reference, the ratio, the bar and
whether it passed, with the 1-minute load average over that bench; above the table the date,
the commit and the load average (1, 5, 15 minutes) before, below it the load after and what
each bench ran and how long it took. A bench that fails shows as an ERROR row; the exit
status is 1 when any figure misses its bar or any bench fails.

Names (``--only``), the issue's sizes and the ``--quick`` ones:

* ``startup``: first card on a new database against a minimal Textual app (warm <= 3x, empty
  caches <= 8x) and ``tutor mine`` of the bundled deck against ``jieba.initialize()`` (wall and
  CPU <= 1.5x); 5 runs each, quick 3.
* ``mine``: ``tutor mine`` against jieba segmentation (wall and CPU per worker <= 5x, peak
  <= 2 GB) at 20k and 100k unique pairs; quick 5k.
* ``tui``: grade to next card (median <= 50 ms) and launch (<= 1.5x a minimal app) at 10k,
  100k and 500k cards; quick 10k cards, 3 launches, 50 grades.
* ``align``: ``tutor align`` against eflomal (peak <= 300 MB, CPU <= 1.5x) at 20k unique pairs;
  quick 5k.
* ``optimize``: ``tutor optimize`` against a bare fsrs-rs fit (wall <= 1.5x) at 1M reviews;
  quick 100k.
* ``export``: ``tutor export --anki`` against minimal genanki (wall <= 1.5x) at 10k notes;
  quick 2k.

The benches run in the current directory, so run this from the checkout to measure
(``bench/startup.py`` says why). At quick sizes fixed costs (start-up, worker processes)
weigh more, so the mining ratios there err against tutor.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure  # noqa: E402

BENCH = Path(__file__).resolve().parent
COLUMNS = ("figure", "size", "measured", "reference", "ratio", "bar", "result", "load")


@dataclass(frozen=True)
class Bench:
    """One bench script and the arguments of each of its runs, at full and at quick sizes."""

    name: str
    script: str
    full: tuple[tuple[str, ...], ...]
    quick: tuple[tuple[str, ...], ...]


BENCHES = (
    Bench("startup", "startup.py", (("--runs", "5"),), (("--runs", "3"),)),
    Bench(
        "mine",
        "mine_100k.py",
        (("--unique", "--pairs", "20000"), ("--unique", "--pairs", "100000")),
        (("--unique", "--pairs", "5000"),),
    ),
    Bench(
        "tui",
        "tui_speed.py",
        (("--sizes", "10000,100000,500000"),),
        (("--sizes", "10000", "--runs", "3", "--grades", "50"),),
    ),
    Bench("align", "align_memory.py", (("--pairs", "20000"),), (("--pairs", "5000"),)),
    Bench("optimize", "optimize_speed.py", (("--runs", "3"),), (("--reviews", "100000"),)),
    Bench("export", "export_speed.py", (("--runs", "5"),), (("--notes", "2000", "--runs", "3"),)),
)
NAMES = tuple(bench.name for bench in BENCHES)


@dataclass
class Outcome:
    """What one run of a bench gave: its figures, or why there are none."""

    name: str
    args: list[str]
    seconds: float = 0.0
    load: list[float] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    error: str = ""


INTERRUPTED = Outcome("report", [], error="interrupted: later benches not run")


def parse_output(outcome: Outcome, returncode: int, stdout: str, stderr: str) -> Outcome:
    """Fill ``outcome`` from a bench's exit status and output (JSON on its last line)."""
    lines = stdout.strip().splitlines()
    try:
        data = json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict):
        outcome.load = [float(x) for x in data.get("load", [])]
        outcome.figures = [Figure.from_dict(f) for f in data.get("figures", [])]
    if returncode != 0 or data is None:
        tail = [line for line in stderr.strip().splitlines() if line.strip()][-1:]
        outcome.error = f"exit {returncode}" + (f": {tail[0][:120]}" if tail else "")
    return outcome


def _interrupt(proc: subprocess.Popen[str]) -> None:
    """SIGINT to the bench and its children (its cleanup runs), SIGKILL after 10 s."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def run_bench(bench: Bench, args: Sequence[str], verbose: bool) -> Outcome:
    """Run ``bench`` once with ``args`` and ``--json``; its usual lines go to stderr with
    ``verbose``, else they are kept and their end shown should it fail."""
    argv = [sys.executable, str(BENCH / bench.script), *args, "--json"]
    print(f"[report] {bench.name}: {' '.join(argv[1:])}", file=sys.stderr, flush=True)
    start = time.perf_counter()
    stderr = None if verbose else subprocess.PIPE
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=stderr, text=True, start_new_session=True
    ) as proc:
        try:
            out, err = proc.communicate()
        except KeyboardInterrupt:
            _interrupt(proc)
            raise
    outcome = Outcome(bench.name, list(args), seconds=time.perf_counter() - start)
    parse_output(outcome, proc.returncode, out, err or "")
    if outcome.error and err:
        print("\n".join(err.splitlines()[-20:]), file=sys.stderr)
    print(f"[report] {bench.name}: {outcome.seconds:.0f} s", file=sys.stderr, flush=True)
    return outcome


def amount(value: float, unit: str) -> str:
    """``value`` in ``unit`` as the table shows it: seconds under 1 as ms, MB whole."""
    if unit == "s" and value < 1:
        value, unit = value * 1000, "ms"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} {unit}"


def _load(load: Sequence[float]) -> str:
    return "-".join(f"{x:.2f}" for x in load) if load else ""


def figure_row(figure: Figure, load: Sequence[float] = ()) -> list[str]:
    """The table's cells for one figure."""
    reference = "-"
    if figure.reference is not None:
        reference = f"{amount(figure.reference, figure.unit)} {figure.reference_name}".strip()
    ratio = figure.ratio
    if figure.bar_on == "ratio":
        bar = f"<= {figure.bar:g}x"
    else:
        bar = f"<= {figure.bar:g} {figure.unit}"
    return [
        figure.name,
        figure.size,
        amount(figure.measured, figure.unit),
        reference,
        "-" if ratio is None else f"{ratio:.2f}x",
        bar,
        "pass" if figure.passed else "FAIL",
        _load(load),
    ]


def table_rows(outcomes: Sequence[Outcome]) -> list[list[str]]:
    """One row per figure, in the benches' order, and one ERROR row per failed bench."""
    rows = []
    for outcome in outcomes:
        rows += [figure_row(figure, outcome.load) for figure in outcome.figures]
        if outcome.error:
            args = " ".join(outcome.args)
            rows.append([outcome.name, args, "-", "-", "-", "-", "ERROR", outcome.error])
    return rows


def text_table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    lines = [[cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
             for row in [COLUMNS, ["-" * w for w in widths], *rows]]  # fmt: skip
    return "\n".join("  ".join(line).rstrip() for line in lines)


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return "\n".join([line(COLUMNS), line(["---"] * len(COLUMNS)), *map(line, rows)])


def commit() -> str:
    """The checkout's commit (short), marked when it has uncommitted changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return head + (" (with uncommitted changes)" if dirty else "")


def failed(outcomes: Sequence[Outcome]) -> bool:
    return any(o.error or not all(f.passed for f in o.figures) for o in outcomes)


def render(meta: dict[str, Any], outcomes: Sequence[Outcome], markdown: bool) -> str:
    """The header, the table and the footer, as text or Markdown."""
    sizes = "quick sizes" if meta["quick"] else "the issue's sizes"
    head = [
        f"tutor bench report, {meta['date']}, commit {meta['commit']}, {sizes}",
        f"load average (1, 5, 15 min) before: {_loads(meta['load_before'])} "
        f"on {meta['cores']} cores",
    ]
    rows = table_rows(outcomes)
    table = markdown_table(rows) if markdown else text_table(rows)
    ran = ", ".join(
        f"{o.name} `{' '.join(o.args)}` {o.seconds:.0f} s" if markdown
        else f"{o.name} [{' '.join(o.args)}] {o.seconds:.0f} s"
        for o in outcomes
        if o is not INTERRUPTED
    )  # fmt: skip
    foot = [f"load average (1, 5, 15 min) after: {_loads(meta['load_after'])}", f"ran: {ran}"]
    if markdown:
        return "\n\n".join([*head, table, *foot])
    return "\n".join([*head, "", table, "", *foot])


def _loads(load: Sequence[float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


def as_json(meta: dict[str, Any], outcomes: Sequence[Outcome]) -> str:
    benches = []
    for outcome in outcomes:
        data = asdict(outcome)
        for figure, plain in zip(outcome.figures, data["figures"], strict=True):
            plain.update(ratio=figure.ratio, passed=figure.passed)
        benches.append(data)
    return json.dumps({**meta, "benches": benches}, indent=2)


def selected(only: str | None) -> list[Bench]:
    names = [name.strip() for name in only.split(",")] if only else list(NAMES)
    unknown = sorted(set(names) - set(NAMES))
    if unknown:
        raise SystemExit(f"unknown bench {', '.join(unknown)}; the names: {', '.join(NAMES)}")
    return [bench for bench in BENCHES if bench.name in names]


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_all(benches: Sequence[Bench], quick: bool, verbose: bool) -> list[Outcome]:
    """Every run of ``benches``; on SIGINT or SIGTERM the one running is killed, the rest
    skipped, and what was measured so far is reported."""
    signal.signal(signal.SIGTERM, _stop)
    outcomes: list[Outcome] = []
    try:
        for bench in benches:
            for run_args in bench.quick if quick else bench.full:
                outcomes.append(run_bench(bench, run_args, verbose))
    except KeyboardInterrupt:
        outcomes.append(INTERRUPTED)
    return outcomes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (a few minutes in all)")
    ap.add_argument("--only", metavar="NAME[,NAME]", help=f"only these of {', '.join(NAMES)}")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--markdown", action="store_true", help="the table as Markdown")
    out.add_argument("--json", action="store_true", help="everything as one JSON object")
    ap.add_argument("--verbose", action="store_true", help="the benches' own lines on stderr")
    args = ap.parse_args()
    benches = selected(args.only)
    meta: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "quick": args.quick,
        "cores": os.cpu_count(),
        "load_before": list(os.getloadavg()),
    }
    outcomes = run_all(benches, args.quick, args.verbose)
    meta["load_after"] = list(os.getloadavg())
    print(as_json(meta, outcomes) if args.json else render(meta, outcomes, args.markdown))
    return 1 if failed(outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
