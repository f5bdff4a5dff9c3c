"""Mining rules as data: a named heuristic, what it does, which rules are on, and a trace.

A :class:`Rule` is one heuristic of the miner with a name, the kinds of unit it looks at, its
action (drop the unit, scale its strength, give a link a fixed weight, or rewrite the
English), the check that decides when it fires, and examples of what it is for. Link rules
(``stage="link"``) weigh a word's links while they are made; word and phrase rules
(``spanrules``) look at one candidate span's facts; render rules (``stage="render"``) shape
the English an entry shows. ``using(disable)`` switches rules off by name for one mining run (the
workers of a run are switched the same way); ``tracing(hanzi)`` records every rule that looks
at that unit, for ``tutor mine --explain``; ``marking()`` collects which weighing rules fired
on which words of a clause, for the confidence model.

The switches are process state, not arguments: the checks sit deep in link making, and one
mining run at a time is what a process does.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = [
    "ALL_KINDS",
    "Drop",
    "Rewrite",
    "Rule",
    "Scale",
    "Trace",
    "Weight",
    "disabled",
    "mark",
    "marking",
    "switch_off",
    "trace",
    "tracing",
    "using",
]


@dataclass(frozen=True, slots=True)
class Drop:
    """The unit is no candidate."""

    def __str__(self) -> str:
        return "drop"


@dataclass(frozen=True, slots=True)
class Scale:
    """The unit's strength (or a link's) is multiplied by ``factor``."""

    factor: float

    def __str__(self) -> str:
        return f"scale x{self.factor:g}"


@dataclass(frozen=True, slots=True)
class Weight:
    """A link gets the fixed strength ``value`` instead of the usual one."""

    value: float

    def __str__(self) -> str:
        return f"weight {self.value:g}"


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The entry's English is rewritten (``how`` says into what)."""

    how: str

    def __str__(self) -> str:
        return f"rewrite: {self.how}"


Action = Drop | Scale | Weight | Rewrite
ALL_KINDS = frozenset(("word", "term", "name", "measure"))


@dataclass(frozen=True, slots=True)
class Rule:
    """One named heuristic. ``check`` says whether it fires; ``examples`` say what it is for,
    each "中文 'English': what happens"."""

    name: str
    stage: str
    applies_to: frozenset[str]
    action: Action
    check: Callable[..., bool]
    examples: tuple[str, ...] = ()
    holds: bool = False  # a doubt: where it fires the pair waits for review whatever the model

    @property
    def doc(self) -> str:
        """The first sentence of the check's docstring: what the rule looks for."""
        text = " ".join((self.check.__doc__ or "").split())
        return text.split(". ")[0].rstrip(".")

    def fires(self, hanzi: str, *args: object) -> bool:
        """Whether this link rule, when on, fires for the word ``hanzi`` (traced if asked)."""
        if self.name in _state.disabled:
            return False
        hit = self.check(hanzi, *args)
        if _state.trace is not None and _state.trace.wants(hanzi):
            _state.trace.rule(hanzi, self, hit)
        if hit and self.weighs:
            mark(hanzi, self.name)
        return hit

    @property
    def weighs(self) -> bool:
        """Whether the rule changes a strength (scale, weight) rather than drop or rewrite:
        mining records where such a rule fired, and the confidence model weighs it."""
        return isinstance(self.action, Scale | Weight)


@dataclass
class Trace:
    """What the rules said about one unit (and the words inside it), in the order they spoke."""

    hanzi: str
    lines: list[str] = field(default_factory=list)

    def wants(self, hanzi: str) -> bool:
        return hanzi in self.hanzi

    def rule(self, hanzi: str, rule: Rule, hit: bool, english: str = "") -> None:
        verdict = f"fires: {rule.action}" if hit else "does not fire"
        on = f"{hanzi} '{english}'" if english else hanzi
        self.lines.append(f"  {rule.stage} rule {rule.name} on {on}: {verdict}")

    def note(self, text: str) -> None:
        self.lines.append(f"  {text}")


@dataclass
class _State:
    disabled: frozenset[str] = frozenset()
    trace: Trace | None = None
    marks: dict[str, set[str]] | None = None


_state = _State()


def disabled() -> frozenset[str]:
    """Names of the rules switched off for the current run."""
    return _state.disabled


def trace() -> Trace | None:
    """The trace being recorded, if any."""
    return _state.trace


def switch_off(disable: Collection[str]) -> None:
    """Switch the rules named in ``disable`` off for the rest of this process (a worker's)."""
    _state.disabled = frozenset(disable)


@contextmanager
def using(disable: Collection[str] = ()) -> Iterator[None]:
    """Switch the rules named in ``disable`` off until the block ends."""
    before = _state.disabled
    _state.disabled = frozenset(disable)
    try:
        yield
    finally:
        _state.disabled = before


def mark(hanzi: str, rule: str) -> None:
    """Record that ``rule`` weighed the unit ``hanzi`` (inside ``marking``)."""
    if _state.marks is not None and hanzi:
        _state.marks.setdefault(hanzi, set()).add(rule)


@contextmanager
def marking() -> Iterator[dict[str, set[str]]]:
    """Collect, per Chinese word or span, the names of the weighing rules that fire on it
    until the block ends (one clause's worth)."""
    before = _state.marks
    _state.marks = {}
    try:
        yield _state.marks
    finally:
        _state.marks = before


@contextmanager
def tracing(hanzi: str) -> Iterator[Trace]:
    """Record what every rule says about ``hanzi`` until the block ends."""
    before = _state.trace
    _state.trace = Trace(hanzi)
    try:
        yield _state.trace
    finally:
        _state.trace = before
