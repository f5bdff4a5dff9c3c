"""The cache step: every derived table mining and study read, built (or opened) in one place.

Each step builds its cache file the first time (keyed by its sources' content or version) and
only opens it afterwards, in milliseconds. Running them here, before any pair is mined, keeps
the slow builds out of the middle of mining (CC-CEDICT's English index used to be built on
the first gloss asked for) and lets the first-run screen say what it is waiting for.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["STEPS", "StepReport", "prepare"]

#: ``report(done, total, label)``: ``done`` steps of ``total`` finished, ``label`` is next
StepReport = Callable[[int, int, str], None]


def _cedict() -> object:
    from tutor.lang.cedict import load_cedict

    return load_cedict()


def _english() -> object:
    from tutor.lang.cedict import load_cedict

    return load_cedict().english_index()


def _words() -> object:
    from tutor.lang.wordmodel import word_model

    return word_model()


def _syllables() -> object:
    from tutor.lang.pinyin import split_syllables

    return split_syllables("xietong")


def _levels() -> object:
    from tutor.lang.levels import hsk_level

    return hsk_level("你好")


STEPS: tuple[tuple[str, Callable[[], object]], ...] = (
    ("CC-CEDICT", _cedict),
    ("CC-CEDICT's English index", _english),
    ("the segmenter's dictionary (jieba and CC-CEDICT)", _words),
    ("HSK levels", _levels),
    ("pinyin syllables", _syllables),
)


def prepare(report: StepReport | None = None) -> None:
    """Build or open every cache, calling ``report`` before each step and once at the end."""
    for done, (label, step) in enumerate(STEPS):
        if report is not None:
            report(done, len(STEPS), label)
        step()
    if report is not None:
        report(len(STEPS), len(STEPS), "")
