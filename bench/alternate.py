"""Timing a tutor command against its reference on a busy machine: whole processes, in turn.

Each round runs the tutor command, then the reference, as fresh processes, so a burst of other
people's work hits both about equally; the medians of wall and CPU seconds (the process and
its children, from ``getrusage``) give the ratio, and the 1-minute load average is sampled
before and after every run. Used by ``optimize_speed.py`` and ``export_speed.py``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from figures import Figure

__all__ = ["Timings", "alternate", "report", "tutor_command"]


@dataclass
class Timings:
    """Wall and CPU seconds of every run of one command."""

    name: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def median_wall(self) -> float:
        return statistics.median(self.wall)

    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def tutor_command() -> list[str]:
    """The ``tutor`` console script beside this interpreter (the venv's), else ``-m``."""
    exe = Path(sys.executable).with_name("tutor")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tutor"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: Sequence[str], timings: Timings) -> str:
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    timings.wall.append(time.perf_counter() - t0)
    timings.cpu.append(_children_cpu() - cpu0)
    if proc.returncode != 0:
        raise SystemExit(f"{timings.name} failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def alternate(
    tutor: Sequence[str],
    reference: Sequence[str],
    runs: int,
    before_tutor: Callable[[], None] = lambda: None,
) -> tuple[Timings, Timings, list[float], str, str]:
    """``runs`` rounds of tutor then reference (``before_tutor`` untimed before each tutor
    run): their timings, the load averages seen, and the last output of each."""
    mine, ref = Timings("tutor"), Timings("reference")
    loads = [os.getloadavg()[0]]
    out_tutor = out_ref = ""
    for _ in range(runs):
        before_tutor()
        out_tutor = _run(tutor, mine)
        loads.append(os.getloadavg()[0])
        out_ref = _run(reference, ref)
        loads.append(os.getloadavg()[0])
    return mine, ref, loads, out_tutor, out_ref


def report(
    label: str,
    mine: Timings,
    ref: Timings,
    loads: list[float],
    bar: float,
    size: str = "",
    reference: str = "reference",
) -> Figure:
    """Medians, the ratio tutor / reference (wall and CPU) against ``bar``, the load; returns
    the wall figure, named by ``label`` up to its `` / ``."""
    wall, cpu = mine.median_wall() / ref.median_wall(), mine.median_cpu() / ref.median_cpu()
    print(f"{label}, median of {len(mine.wall)} alternating runs:")
    print(f"  tutor      {mine.median_wall():8.2f} s wall  {mine.median_cpu():8.2f} s CPU")
    print(f"  reference  {ref.median_wall():8.2f} s wall  {ref.median_cpu():8.2f} s CPU")
    verdict = "ok" if wall <= bar else "MISSED"
    print(f"  ratio      {wall:8.2f} x wall  {cpu:8.2f} x CPU  (bar <= {bar:.2f} wall: {verdict})")
    print(
        f"  load average (1 min) {min(loads):.2f}-{max(loads):.2f} over the runs on "
        f"{os.cpu_count()} cores (above that, other jobs share the cores)"
    )
    name = label.partition(" / ")[0]
    return Figure(name, size, mine.median_wall(), "s", bar, ref.median_wall(), reference)
