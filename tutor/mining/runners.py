"""Which second renderings an entry shows beside its first.

An entry shows up to two runners-up after the rendering that won ("agree; consent"). A
runner-up that only a word's place gave it (the diagonal fill, the gap its neighbours leave)
and that no sense of the word supports is, beside a first rendering the dictionary confirms,
almost always a word of the neighbouring phrase: 行使 "exercise; make" (from "making
available"), 钥匙 "keys; actual", 一起 "together; wanna". The rule ``placed_runner`` leaves
such runners-up out; a runner-up a sense or a piece of the word supports, or that a stronger
link gave (接受 "acceptance" by the stem of "accept"), stays.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from tutor.mining.pipeline import Drop, Rule

__all__ = ["PLACED_RUNNER", "Shown", "placed_runner"]

PLACED = 0.6  # the mean link strength at or below which only place gave a rendering
STEM = 4  # letters a runner-up shares with the first rendering to be a form of it


@dataclass(frozen=True, slots=True)
class Shown:
    """A rendering as shown, how far the word's senses support its lemmas (0 to 1) and its
    mean link strength."""

    text: str
    support: float
    strength: float


def placed_runner(hanzi: str, first: Shown, runner: Shown) -> bool:
    """Whether ``runner`` is left out beside the first rendering ``first``."""
    return PLACED_RUNNER.fires(hanzi, first, runner)


def _placed_beside_sense(hanzi: str, first: Shown, runner: Shown) -> bool:
    """A runner-up only place gave, no sense supports, beside a first rendering a sense
    supports (行使 "exercise" confirmed, "make" from the fill): a stray of the next phrase.
    A form of the first rendering stays (中国 "China; Chinese")."""
    return (
        first.support > 0
        and runner.support == 0
        and runner.strength <= PLACED + 1e-9
        and not _same_stem(first.text, runner.text)
    )


def _same_stem(a: str, b: str) -> bool:
    return len(os.path.commonprefix([a.lower(), b.lower()])) >= STEM


PLACED_RUNNER = Rule(
    "placed_runner",
    "render",
    frozenset(("word", "term", "name", "measure")),
    Drop(),
    _placed_beside_sense,
    (
        "行使 'exercise; make': 'make' (from 'making available') is not shown",
        "钥匙 'keys; actual': 'actual' is not shown",
        "中国 'China; Chinese' stays: 'Chinese' is a form of 'China'",
    ),
)
