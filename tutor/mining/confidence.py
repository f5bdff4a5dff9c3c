"""An entry's confidence: the probability that its English is usable, from a fitted model.

What mining knows about a unit when it builds the entry -- how strong the winning rendering's
links were, how consistently the text renders the unit that way, how often it was seen, whether
the dictionary knows the unit and supports the rendering, which weighing rules doubted it, the
unit's kind, shape and frequency -- becomes a handful of numbers in [0, 1] (``evidence``). A
logistic model over them gives the chance that a reader would judge the pair usable (right, or
the right unit with a gloss a learner can keep). The weights are data (``confidence.json``
beside this module), fitted on hand judgements of the development set by
``bench/fit_confidence.py``, never on a benchmark's gold list: a pair at 0.8 is usable about
four times in five.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tutor.mining import resources as res
from tutor.mining.glosses import glosses
from tutor.mining.pipeline import trace
from tutor.mining.rules import RULES

__all__ = ["FEATURES", "Evidence", "Model", "evidence", "model", "score", "support"]

Evidence = dict[str, float]

MAX_RIVALS = 3
MAX_SEEN = 50
# One feature per rule that weighs rather than drops: the share of the winning rendering's
# sightings it fired on, so the model learns from judgements how much each doubt costs.
RULE_FEATURES: tuple[str, ...] = tuple(f"rule_{r.name}" for r in RULES if r.weighs and not r.holds)
# Rules that hold a pair for review where they fire (``Rule.holds``): they cap the probability
# at what their scaled strength leaves, mean strength x (1 + share) / 2, so the learner judges
# the pair; the judgements are too few for the model to learn each of these doubts.
HOLDING: frozenset[str] = frozenset(r.name for r in RULES if r.holds)
FEATURES: tuple[str, ...] = (
    "strength",  # mean strength of the winning rendering's links
    "share",  # the winning rendering's sightings over all sightings of the unit
    "seen",  # log(sightings) / log(MAX_SEEN), capped at 1
    "in_dictionary",  # CC-CEDICT has the unit
    "in_segmenter",  # jieba's dictionary has the unit (a lexicalised word)
    "support",  # share of the rendering's content words found in the unit's senses
    "term",
    "name",
    "measure",
    "one_char",
    "long",  # four characters or more
    "frequency",  # the unit's Zipf frequency / 8
    "multiword",  # the chosen English has two words or more
    "parts",  # the segmenter's words in the unit beyond the first, over 2, capped at 1
    "function_edge",  # the unit starts or ends with a particle, preposition or conjunction
    "rivals",  # other renderings of the unit, over MAX_RIVALS, capped at 1
    *RULE_FEATURES,
)


def evidence(
    hanzi: str,
    kind: str,
    english: str,
    key: frozenset[str],
    *,
    strength: float,
    share: float,
    seen: int,
    renderings: int,
    rules: Mapping[str, float] | None = None,
) -> Evidence:
    """The model's inputs for one entry whose English ``key`` (content lemmas) the text gave;
    ``rules`` maps a weighing rule's name to the share of sightings it fired on."""
    n = len(hanzi)
    words = _words(hanzi)
    ev: Evidence = {
        "strength": strength,
        "share": share,
        "seen": min(1.0, math.log(max(seen, 1)) / math.log(MAX_SEEN)),
        "in_dictionary": float(bool(res.entries(hanzi))),
        "in_segmenter": float(bool(res.pos(hanzi))),
        "support": support(hanzi, key),
        "term": float(kind == "term"),
        "name": float(kind == "name"),
        "measure": float(kind == "measure"),
        "one_char": float(n == 1),
        "long": float(n >= 4),
        "frequency": min(1.0, res.frequency(hanzi) / 8),
        "multiword": float(len(english.split(";")[0].split()) >= 2),
        "parts": min(1.0, (len(words) - 1) / 2),
        "function_edge": float(
            len(words) > 1 and (_grammatical(words[0]) or _grammatical(words[-1]))
        ),
        "rivals": min(1.0, max(renderings - 1, 0) / MAX_RIVALS),
    }
    for name, value in (rules or {}).items():
        ev[f"rule_{name}"] = value
    return ev


def _held(ev: Mapping[str, float]) -> list[str]:
    return [name for name in HOLDING if ev.get(f"rule_{name}")]


def support(hanzi: str, key: frozenset[str]) -> float:
    """The share of the content lemmas ``key`` that are lemmas of the word's senses."""
    if not key:
        return 0.0
    return len(key & _sense_lemmas(hanzi)) / len(key)


def _grammatical(word: str) -> bool:
    """A particle, preposition or conjunction by jieba's tag (了, 用, 和), not a numeral."""
    return res.pos(word)[:1] in ("u", "p", "c", "y")


@cache
def _words(hanzi: str) -> tuple[str, ...]:
    return tuple(res.segment(hanzi)) or (hanzi,)


@cache
def _sense_lemmas(hanzi: str) -> frozenset[str]:
    return frozenset(lem for g in glosses(hanzi) for lem in g.lemmas)


@dataclass(frozen=True)
class Model:
    """A logistic model: ``bias`` plus one weight per feature, by name."""

    bias: float
    weights: dict[str, float]

    def logit(self, ev: Mapping[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * x for name, x in ev.items())

    def probability(self, ev: Mapping[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(ev)))

    def reasons(self, ev: Mapping[str, float]) -> str:
        """The evidence that moved the probability most, with each one's share of the logit."""
        parts = sorted(
            ((self.weights.get(name, 0.0) * x, name, x) for name, x in ev.items() if x),
            key=lambda p: -abs(p[0]),
        )
        said = ", ".join(f"{name} {x:.2f} ({w:+.2f})" for w, name, x in parts if abs(w) >= 0.05)
        return f"confidence model: {said}; bias {self.bias:+.2f} -> {self.probability(ev):.2f}"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@cache
def model() -> Model:
    """The shipped model (``confidence.json``)."""
    return Model.from_json(files("tutor.mining").joinpath("confidence.json").read_text("utf-8"))


def score(hanzi: str, english: str, ev: Evidence) -> float:
    """The probability that ``english`` is a usable rendering of ``hanzi``, given ``ev``
    (traced for ``tutor mine --explain``)."""
    p = model().probability(ev)
    held = _held(ev)
    cap = ev["strength"] * (0.5 + 0.5 * ev["share"]) if held else 1.0
    log = trace()
    if log is not None and log.hanzi == hanzi:
        log.note(f"'{english}': {model().reasons(ev)}")
        if cap < p:
            log.note(f"'{english}': held by {', '.join(sorted(held))}: capped at {cap:.2f}")
    return min(p, cap)
