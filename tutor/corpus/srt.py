"""SubRip subtitles, and pairing any two subtitle tracks of one video by time overlap.

(Reading the formats and the bilingual layouts is ``subtitles``'s part.)

Cue boundaries rarely agree between two subtitle tracks (one Chinese cue often spans two
English ones), so cues are grouped by overlapping time: every Chinese and English cue that
overlap by a fair share of the shorter one's duration are joined into one pair. A cue that
overlaps nothing on the other side is reported. A single file whose cues hold both languages
(bilingual subtitles) is paired cue by cue. Subtitle files are small (a film is a few thousand
cues), so each file's cues are held in memory.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tutor.corpus.textfile import iter_lines
from tutor.errors import InputError

__all__ = ["Cue", "TIMING", "pair_cues", "read_cues", "strip_tags"]

TIMING = re.compile(
    r"^\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})"
)
_TAGS = re.compile(r"</?[A-Za-z][^>]*>|\{\\[^}]*\}")
# Share of the shorter cue's duration two cues must overlap to count as the same speech.
_MIN_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # milliseconds
    end: int
    text: str
    line: int  # 1-based line of the cue's timing line


def strip_tags(text: str) -> str:
    """Remove <i>, <b>, <font ...> and {\\an8}-style tags."""
    return _TAGS.sub("", text)


def _ms(h: str, m: str, s: str, frac: str) -> int:
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0"))


def read_cues(path: Path) -> list[Cue]:
    """Parse every cue; a block whose timing line is malformed is an ``InputError``."""
    cues: list[Cue] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        timing_at = 1 if block[0][1].strip().isdigit() and len(block) > 1 else 0
        lineno, timing = block[timing_at]
        match = TIMING.match(timing)
        if match is None:
            raise InputError(
                "malformed subtitle cue: expected a 'start --> end' timing line",
                path=path,
                line=lineno,
            )
        g = match.groups()
        text = [strip_tags(t).strip() for _, t in block[timing_at + 1 :]]
        cues.append(Cue(_ms(*g[:4]), _ms(*g[4:]), "\n".join(t for t in text if t), lineno))
        block.clear()

    for lineno, text in iter_lines(path):
        if text.strip():
            block.append((lineno, text))
        else:
            flush()
    flush()
    return cues


def _overlap(a: Cue, b: Cue) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    shortest = max(min(a.end - a.start, b.end - b.start), 1)
    return shared > 0 and shared >= _MIN_SHARE * shortest


def pair_cues(zh: list[Cue], en: list[Cue]) -> Iterator[tuple[list[Cue], list[Cue]]]:
    """Groups of overlapping cues (connected components), in time order; one side may be empty."""
    parent = list(range(len(zh) + len(en)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_start = sorted(range(len(en)), key=lambda j: en[j].start)
    starts = [en[j].start for j in by_start]
    longest = max((c.end - c.start for c in en), default=0)
    for i, z in enumerate(zh):
        for j in by_start[bisect_left(starts, z.start - longest) :]:
            if en[j].start >= z.end:
                break
            if _overlap(z, en[j]):
                parent[find(i)] = find(len(zh) + j)
    groups: dict[int, tuple[list[Cue], list[Cue]]] = {}
    for i, z in enumerate(zh):
        groups.setdefault(find(i), ([], []))[0].append(z)
    for j, e in enumerate(en):
        groups.setdefault(find(len(zh) + j), ([], []))[1].append(e)
    for zs, es in sorted(groups.values(), key=lambda g: min(c.start for c in g[0] + g[1])):
        yield sorted(zs, key=lambda c: c.start), sorted(es, key=lambda c: c.start)
