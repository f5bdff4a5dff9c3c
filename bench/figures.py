"""The figures of issue 13 as the benches hand them to ``bench/report.py``.

A bench run with ``--json`` measures and prints as usual, but onto stderr, and then prints one
JSON object on stdout: ``{"load": [before, after], "figures": [...]}``, one ``Figure`` each,
with the 1-minute load average at its start and end.

A figure is either a ratio against a reference (``bar_on="ratio"``: first card against a
minimal Textual app, mining against jieba, ...) or an absolute amount (``bar_on="measured"``:
grade to next card in ms, peak memory in MB), which may still carry a reference to compare
with (eflomal's peak beside the aligner's).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["Figure", "add_json_flag", "figures_out", "load_1min"]

BarOn = Literal["ratio", "measured"]


@dataclass
class Figure:
    """One measured figure, what it is held against and its bar (pass when <= bar)."""

    name: str
    size: str
    measured: float
    unit: str
    bar: float
    reference: float | None = None
    reference_name: str = ""
    bar_on: BarOn = "ratio"

    @property
    def ratio(self) -> float | None:
        if self.reference is None or self.reference <= 0:
            return None
        return self.measured / self.reference

    @property
    def passed(self) -> bool:
        value = self.ratio if self.bar_on == "ratio" else self.measured
        return value is not None and value <= self.bar

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        return cls(**data)


def load_1min() -> float:
    return os.getloadavg()[0]


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the figures as one JSON object on stdout (the usual lines go to stderr)",
    )


@contextmanager
def figures_out(as_json: bool) -> Iterator[list[Figure]]:
    """The list a bench appends its figures to; with ``as_json`` its prints go to stderr and
    the figures are printed as JSON on leaving."""
    figures: list[Figure] = []
    if not as_json:
        yield figures
        return
    before = load_1min()
    with redirect_stdout(sys.stderr):
        yield figures
    result = {"load": [before, load_1min()], "figures": [asdict(f) for f in figures]}
    print(json.dumps(result))
