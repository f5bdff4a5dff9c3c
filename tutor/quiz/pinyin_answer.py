"""Checking typed pinyin against a word's reading, syllable by syllable.

Learners type pinyin in whatever way their keyboard allows, so every common spelling is
accepted: tone numbers (``xie2tong2``, ``xie2 tong2``), tone marks (``xiétóng``), ``v`` or
``u:`` for ü, the neutral tone as ``5``, ``0`` or no number at all, any case and spacing,
and apostrophes between syllables (``xi'an``). A missing tone is read as the neutral tone,
so ``xietong`` for 协同 *xié tóng* has the right syllables and the wrong tones.

The verdict separates a tone-only slip from a wrong word, because the two call for
different feedback: the UI shows the per-syllable breakdown in tone colours, and the
grading module decides what a tone-only slip is worth.

Run-together input is split with the syllable table of :mod:`tutor.lang.pinyin`; when the
letters typed are exactly the letters of the expected reading, they are split the way the
reading is (so ``xian1`` for 西安 is read as *xi an*, not as *xian*).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tutor.lang.pinyin import numbered_to_marks, split_syllables

__all__ = [
    "PinyinCheck",
    "SyllableCheck",
    "Verdict",
    "check_pinyin",
    "parse_pinyin",
]

Verdict = Literal["correct", "tone_only", "wrong"]

# Combining marks left by NFD decomposition -> tone. A breve (ă) is what many keyboards
# produce when the learner means a caron (ǎ), so it counts as the third tone too.
_COMBINING_TONE = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0306": 3, "\u0300": 4}
_DIAERESIS = "\u0308"
_NEUTRAL = 5
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzü")


@dataclass(frozen=True, slots=True)
class SyllableCheck:
    """One syllable of the answer next to the syllable expected at the same place.

    Syllables are toneless and lower-case with ``ü`` spelled out (``lü``); ``ju``/``qu``/
    ``xu``/``yu`` keep their plain ``u``. Tones are 1-4 and 5 for neutral. When the answer
    has fewer syllables than the reading, ``given`` is ``""`` and ``given_tone`` 0; when it
    has more, ``expected`` is ``""`` and ``expected_tone`` 0.
    """

    expected: str
    given: str
    expected_tone: int
    given_tone: int

    @property
    def syllable_ok(self) -> bool:
        return bool(self.expected) and self.expected == self.given

    @property
    def tone_ok(self) -> bool:
        return self.expected_tone != 0 and self.expected_tone == self.given_tone

    @property
    def ok(self) -> bool:
        return self.syllable_ok and self.tone_ok

    @property
    def expected_marked(self) -> str:
        """The expected syllable with its tone mark ("xié"), for showing the right answer."""
        return _marked(self.expected, self.expected_tone)

    @property
    def given_marked(self) -> str:
        """What the learner typed, re-spelled with a tone mark ("xie2" -> "xié")."""
        return _marked(self.given, self.given_tone)


@dataclass(frozen=True, slots=True)
class PinyinCheck:
    """The verdict on a typed answer and the breakdown the UI colours by tone.

    ``reading`` is the accepted reading the answer was compared with (the closest one when
    the word has several).
    """

    verdict: Verdict
    syllables: tuple[SyllableCheck, ...]
    reading: str

    @property
    def correct(self) -> bool:
        return self.verdict == "correct"

    @property
    def tone_only(self) -> bool:
        return self.verdict == "tone_only"


def _marked(syllable: str, tone: int) -> str:
    if not syllable:
        return ""
    return numbered_to_marks(f"{syllable}{tone if tone else _NEUTRAL}")


@dataclass(slots=True)
class _Run:
    """Letters typed without a separator, each with the tone mark it carried (if any)."""

    letters: list[str]
    marks: list[int | None]
    final_tone: int | None = None


def _runs(text: str) -> list[_Run]:
    """Break input into runs at separators and tone digits, recording tone marks per letter."""
    text = text.lower().replace("u:", "u" + _DIAERESIS).replace("v", "u" + _DIAERESIS)
    text = unicodedata.normalize("NFD", text)
    runs: list[_Run] = []
    cur = _Run([], [])

    def close(tone: int | None) -> None:
        nonlocal cur
        if cur.letters:
            cur.final_tone = tone
            runs.append(cur)
        cur = _Run([], [])

    for ch in text:
        if ch == _DIAERESIS:
            if cur.letters and cur.letters[-1] == "u":
                cur.letters[-1] = "ü"
        elif ch in _COMBINING_TONE:
            if cur.letters:
                cur.marks[-1] = _COMBINING_TONE[ch]
        elif unicodedata.combining(ch):
            continue  # ê and other decorations: keep the base letter
        elif ch in _LETTERS:
            cur.letters.append(ch)
            cur.marks.append(None)
        elif ch in "012345":
            close(_NEUTRAL if ch in "05" else int(ch))
        else:
            close(None)
    close(None)
    return runs


def _normalise(syllable: str) -> str:
    """One spelling per syllable: ``jü`` -> ``ju``, ``lue`` -> ``lüe`` (lue is not pinyin)."""
    if syllable[:1] in ("j", "q", "x", "y"):
        return syllable.replace("ü", "u")
    if syllable in ("lue", "nue"):
        return syllable[0] + "üe"
    return syllable


def _default_split(letters: str) -> list[str]:
    parts = split_syllables(letters)
    return parts if "".join(parts) == letters else [letters]


def _split_like_guide(letters: str, guide: Sequence[str]) -> list[str] | None:
    """Cut an unsplittable run (a typo: "xietomg") at the expected syllables' lengths.

    Only when the run is exactly as long as two or more expected syllables, so the
    breakdown shows *which* syllable is wrong instead of one long wrong syllable.
    """
    total = 0
    for m, g in enumerate(guide, start=1):
        total += len(g)
        if total == len(letters) and m > 1:
            pieces, pos = [], 0
            for h in guide[:m]:
                pieces.append(letters[pos : pos + len(h)])
                pos += len(h)
            return pieces
        if total > len(letters):
            break
    return None


def parse_pinyin(text: str, guide: Sequence[str] = ()) -> list[tuple[str, int]]:
    """``text`` as a list of (toneless syllable, tone); neutral and missing tones are 5.

    ``guide`` is the expected syllable sequence (toneless): a run whose letters spell the
    next few expected syllables exactly is split the way they are. An erhua ``r`` standing
    alone after a syllable ("na3 r5") joins that syllable ("nar", tone 3).
    """
    out: list[tuple[str, int]] = []
    guide = [_normalise(g) for g in guide]
    k = 0  # position in guide
    for run in _runs(text):
        letters = "".join(run.letters)
        pieces: list[str] | None = None
        for m in range(1, len(guide) - k + 1):
            if "".join(guide[k : k + m]).replace("ü", "u") == letters.replace("ü", "u"):
                pieces = []
                pos = 0
                for g in guide[k : k + m]:
                    pieces.append(letters[pos : pos + len(g)])
                    pos += len(g)
                break
        if pieces is None:
            pieces = _default_split(letters)
            if len(pieces) == 1:
                pieces = _split_like_guide(letters, guide[k:]) or pieces
        k += len(pieces)
        pos = 0
        for i, piece in enumerate(pieces):
            span = run.marks[pos : pos + len(piece)]
            pos += len(piece)
            marked = [t for t in span if t is not None]
            if marked:
                tone = marked[0]
            elif i == len(pieces) - 1 and run.final_tone is not None:
                tone = run.final_tone
            else:
                tone = _NEUTRAL
            syl = _normalise(piece)
            if syl == "r" and out and tone == _NEUTRAL and not out[-1][0].endswith("r"):
                out[-1] = (out[-1][0] + "r", out[-1][1])
                k -= 1  # the r was counted as a syllable of its own
            else:
                out.append((syl, tone))
    return out


def _compare(answer: str, reading: str) -> PinyinCheck:
    expected = parse_pinyin(reading)
    given = parse_pinyin(answer, guide=[s for s, _ in expected])
    rows: list[SyllableCheck] = []
    for i in range(max(len(expected), len(given))):
        exp_syl, exp_tone = expected[i] if i < len(expected) else ("", 0)
        giv_syl, giv_tone = given[i] if i < len(given) else ("", 0)
        rows.append(SyllableCheck(exp_syl, giv_syl, exp_tone, giv_tone))
    if rows and all(r.ok for r in rows):
        verdict: Verdict = "correct"
    elif rows and all(r.syllable_ok for r in rows):
        verdict = "tone_only"
    else:
        verdict = "wrong"
    return PinyinCheck(verdict, tuple(rows), reading)


_RANK: dict[Verdict, int] = {"correct": 2, "tone_only": 1, "wrong": 0}


def check_pinyin(answer: str, readings: str | Sequence[str]) -> PinyinCheck:
    """Compare typed ``answer`` with a reading, or with each of a word's readings.

    Readings may use tone marks or numbers, spaced or not ("xié tóng", "xie2 tong2").
    With several readings (a polyphone such as 行 *xíng* / *háng*) the best match wins:
    correct over tone-only over wrong, then the most syllables right.
    """
    options = [readings] if isinstance(readings, str) else list(readings)
    options = [r for r in options if r.strip()]
    if not options:
        raise ValueError("check_pinyin needs at least one non-empty reading")
    results = [_compare(answer, r) for r in options]
    return max(
        results,
        key=lambda c: (
            _RANK[c.verdict],
            sum(r.ok for r in c.syllables),
            sum(r.syllable_ok for r in c.syllables),
        ),
    )
